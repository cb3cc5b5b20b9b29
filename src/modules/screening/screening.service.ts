import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Profile } from '../../../libs/parsing';
import {
  redactProfile,
  type FitLabel,
  type ScoreResult,
  type ScreeningModel,
} from '../../../libs/scoring';
import { inferenceDuration } from '../../common/metrics/pipeline-metrics';
import { JobOf, JobOutcome, QueueName } from '../../queues/queue-names';
import { ApplicationRecord, ApplicationRepository } from '../applications/application.repository';
import { ApplicationStatus } from '../applications/application.schema';
import { DecisionLogService } from '../compliance/decision-log/decision-log.service';
import { toJobRequirements } from '../jobs/job-requirements';
import { JobCache } from '../jobs/job-cache';
import { JobRecord, JobRepository } from '../jobs/job.repository';
import { applicationEvent } from '../notifications/application-events';
import { EventPublisher } from '../notifications/event-publisher';
import { ResumeRepository } from '../resumes/resume.repository';
import { ScoreBatcher } from './score-batcher';
import { ScreeningModelHolder } from './screening-model.holder';

/** Any state from which a (re-)score may start; `screened` covers re-screens and re-scores. */
const SCOREABLE: ApplicationStatus[] = [
  'received',
  'queued',
  'parsing',
  'parsed',
  'screening',
  'screened',
  'failed',
];

/** Worker side of `application-screen`: redacted profile × job → score, label, explanation. */
@Injectable()
export class ScreeningService {
  /** One batcher per model version, so concurrent jobs share an ONNX run. */
  private readonly batchers = new Map<string, ScoreBatcher>();

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly resumes: ResumeRepository,
    private readonly jobs: JobRepository,
    private readonly models: ScreeningModelHolder,
    private readonly cache: JobCache,
    private readonly events: EventPublisher,
    private readonly decisionLog: DecisionLogService,
  ) {}

  async handle({
    orgId,
    applicationId,
    modelVersion,
  }: JobOf<QueueName.ApplicationScreen>): Promise<JobOutcome> {
    const app = await this.applications.findById(orgId, applicationId);
    if (!app) return JobOutcome.Skipped;
    const [resume, job] = await Promise.all([
      this.resumes.findById(orgId, app.resumeId),
      this.jobs.findById(orgId, app.jobId),
    ]);
    if (!resume?.profile || resume.parseStatus !== 'parsed' || !job) return JobOutcome.Skipped;
    const model = await this.models.forVersion(modelVersion);
    if (this.alreadyScreened(app, job.revision, model.version)) {
      await this.finishAfterTransition(app, job, resume.profile, model);
      return JobOutcome.Skipped;
    }
    if (app.optOutAutomated) return this.routeToPerson(app);
    const runId = randomUUID();
    const claimed = await this.applications.claimScreening(
      orgId,
      applicationId,
      runId,
      SCOREABLE,
      job.revision,
      model.version,
    );
    if (!claimed) return JobOutcome.Skipped;
    const result = await this.score(model, resume.profile, job);
    const moved = await this.saveResult(app, job, resume.profile, result, runId);
    // Only the run whose result stands is logged, so the log never holds a superseded score.
    if (moved) await this.decisionLog.recordScore(app, result.redacted, job.revision, result);
    await this.cache.invalidateJob(orgId, app.jobId);
    if (moved) await this.announce(app, job, resume.profile, result);
    return JobOutcome.Done;
  }

  /**
   * A retry that finds the application already screened by this revision and model: an earlier
   * attempt failed after the transition. What follows it is repeated, each step idempotent: the
   * decision-log entry (recomputed only if missing; scoring is deterministic), the cache, and the
   * event, whose id is fixed per revision and model, so a receiver sees it once.
   */
  private async finishAfterTransition(
    app: ApplicationRecord,
    job: JobRecord,
    profile: Profile,
    model: ScreeningModel,
  ): Promise<void> {
    const id = String(app._id);
    if (!(await this.decisionLog.hasScore(app.orgId, id, job.revision, model.version))) {
      const result = await this.score(model, profile, job);
      await this.decisionLog.recordScore(app, result.redacted, job.revision, result);
    }
    await this.cache.invalidateJob(app.orgId, app.jobId);
    await this.announce(app, job, profile, {
      score: app.score!,
      label: app.label as FitLabel,
      modelVersion: model.version,
    });
  }

  /** The `application.screened` event, then the shadow model's score if one is configured. */
  private async announce(
    app: ApplicationRecord,
    job: JobRecord,
    profile: Profile,
    { score, label, modelVersion }: Pick<ScoreResult, 'score' | 'label' | 'modelVersion'>,
  ): Promise<void> {
    await this.events.publish(
      applicationEvent('application.screened', app, {
        score,
        label,
        modelVersion,
        jobRevision: job.revision,
      }),
    );
    await this.scoreShadow(app, profile, job);
  }

  private async score(
    model: ScreeningModel,
    profile: Profile,
    job: JobRecord,
  ): Promise<ScoreResult & { redacted: ReturnType<typeof redactProfile> }> {
    const timer = inferenceDuration().startTimer();
    const redacted = redactProfile(profile);
    const result = await this.batcherFor(model).score(redacted, toJobRequirements(job));
    timer();
    return { ...result, redacted };
  }

  private batcherFor(model: ScreeningModel): ScoreBatcher {
    let b = this.batchers.get(model.version);
    if (!b) this.batchers.set(model.version, (b = new ScoreBatcher(() => model)));
    return b;
  }

  private async saveResult(
    app: ApplicationRecord,
    job: JobRecord,
    profile: Profile,
    result: ScoreResult & { redacted: ReturnType<typeof redactProfile> },
    runId: string,
  ) {
    const moved = await this.applications.transition(
      app.orgId,
      String(app._id),
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
        skills: profile.skills.map((sk) => sk.canonical),
        topReasons: result.explanation.reasons.slice(0, 3).map((r) => r.text),
      },
      { screeningRun: runId },
    );
    return moved;
  }

  /** Shadow mode: the candidate version's score is stored beside the real one, never shown as it. */
  private async scoreShadow(
    app: ApplicationRecord,
    profile: Profile,
    job: JobRecord,
  ): Promise<void> {
    const version = this.models.shadowVersion();
    if (!version) return;
    const model = await this.models.forVersion(version);
    const r = await this.batcherFor(model).score(redactProfile(profile), toJobRequirements(job));
    await this.applications.setShadow(app.orgId, String(app._id), {
      version,
      score: r.score,
      label: r.label,
      jobRevision: job.revision,
      at: new Date(),
    });
  }

  private async routeToPerson(app: ApplicationRecord): Promise<JobOutcome> {
    const reason = 'candidate opted out of automated screening';
    if (
      await this.applications.transition(app.orgId, String(app._id), 'needs_review', reason, [
        'received',
        'queued',
        'parsing',
        'parsed',
      ])
    ) {
      await this.events.publish(applicationEvent('application.needs_review', app, { reason }));
    }
    return JobOutcome.NeedsReview;
  }

  private alreadyScreened(app: ApplicationRecord, revision: number, version: string): boolean {
    return (
      app.status === 'screened' && app.jobRevision === revision && app.modelVersion === version
    );
  }

  async markFailed({ orgId, applicationId }: JobOf<QueueName.ApplicationScreen>, reason: string) {
    const from: ApplicationStatus[] = ['received', 'queued', 'parsing', 'parsed', 'screening'];
    const app = await this.applications.findById(orgId, applicationId);
    if (!app) return;
    if (
      await this.applications.transition(orgId, applicationId, 'failed', reason, from, {
        failureReason: reason,
      })
    ) {
      await this.events.publish(applicationEvent('application.failed', app, { reason }));
    }
  }
}
