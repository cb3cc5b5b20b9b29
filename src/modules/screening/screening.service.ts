import { Injectable } from '@nestjs/common';
import { redactProfile } from '../../../libs/scoring';
import { inferenceDuration } from '../../common/metrics/pipeline-metrics';
import { JobOf, JobOutcome, QueueName } from '../../queues/queue-names';
import { ApplicationRecord, ApplicationRepository } from '../applications/application.repository';
import { ApplicationStatus } from '../applications/application.schema';
import { DecisionLogService } from '../compliance/decision-log/decision-log.service';
import { toJobRequirements } from '../jobs/job-requirements';
import { JobCache } from '../jobs/job-cache';
import { JobRepository } from '../jobs/job.repository';
import { applicationEvent } from '../notifications/application-events';
import { EventPublisher } from '../notifications/event-publisher';
import { ResumeRepository } from '../resumes/resume.repository';
import { ScoreBatcher } from './score-batcher';
import { ScreeningModelHolder } from './screening-model.holder';

/** Worker side of `application-screen`: redacted profile × job → score, label, explanation. */
@Injectable()
export class ScreeningService {
  private readonly batcher: ScoreBatcher;

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly resumes: ResumeRepository,
    private readonly jobs: JobRepository,
    private readonly model: ScreeningModelHolder,
    private readonly cache: JobCache,
    private readonly events: EventPublisher,
    private readonly decisionLog: DecisionLogService,
  ) {
    this.batcher = new ScoreBatcher(() => this.model.get());
  }

  async handle({ orgId, applicationId }: JobOf<QueueName.ApplicationScreen>): Promise<JobOutcome> {
    const app = await this.applications.findById(orgId, applicationId);
    if (!app) return JobOutcome.Skipped;
    const [resume, job] = await Promise.all([
      this.resumes.findById(orgId, app.resumeId),
      this.jobs.findById(orgId, app.jobId),
    ]);
    if (!resume || !job) return JobOutcome.Skipped;
    if (!resume.profile || resume.parseStatus !== 'parsed') return JobOutcome.Skipped;
    const model = this.model.get();
    if (this.alreadyScreened(app, job.revision, model.version)) return JobOutcome.Skipped;
    if (app.optOutAutomated) {
      const reason = 'candidate opted out of automated screening';
      if (await this.applications.transition(orgId, applicationId, 'needs_review', reason, ['received', 'queued', 'parsing', 'parsed'])) {
        await this.events.publish(applicationEvent('application.needs_review', app, { reason }));
      }
      return JobOutcome.NeedsReview;
    }
    await this.applications.transition(orgId, applicationId, 'screening', 'scoring started', [
      'received',
      'queued',
      'parsing',
      'parsed',
      'screening',
      'screened',
      'failed',
    ]);
    const timer = inferenceDuration().startTimer();
    const redacted = redactProfile(resume.profile);
    const result = await this.batcher.score(redacted, toJobRequirements(job));
    timer();
    await this.decisionLog.recordScore(app, redacted, job.revision, result);
    const moved = await this.applications.transition(
      orgId,
      applicationId,
      'screened',
      `scored ${result.score.toFixed(1)} (${result.label}) by model ${result.modelVersion}`,
      ['screening'],
      {
        score: result.score,
        label: result.label,
        explanation: result.explanation,
        modelVersion: result.modelVersion,
        modelSha256: result.modelSha256,
        jobRevision: job.revision,
        failureReason: undefined,
        skills: resume.profile.skills.map((sk) => sk.canonical),
        topReasons: result.explanation.reasons.slice(0, 3).map((r) => r.text),
      },
    );
    await this.cache.invalidateJob(orgId, app.jobId);
    if (moved) {
      const { score, label, modelVersion } = result;
      await this.events.publish(
        applicationEvent('application.screened', app, { score, label, modelVersion, jobRevision: job.revision }),
      );
    }
    return JobOutcome.Done;
  }

  private alreadyScreened(app: ApplicationRecord, revision: number, version: string): boolean {
    return app.status === 'screened' && app.jobRevision === revision && app.modelVersion === version;
  }

  async markFailed({ orgId, applicationId }: JobOf<QueueName.ApplicationScreen>, reason: string) {
    const from: ApplicationStatus[] = ['received', 'queued', 'parsing', 'parsed', 'screening'];
    const app = await this.applications.findById(orgId, applicationId);
    if (!app) return;
    if (await this.applications.transition(orgId, applicationId, 'failed', reason, from, { failureReason: reason })) {
      await this.events.publish(applicationEvent('application.failed', app, { reason }));
    }
  }
}
