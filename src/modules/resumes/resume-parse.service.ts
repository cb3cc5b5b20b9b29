import { Injectable, Logger } from '@nestjs/common';
import { parseResume } from '../../../libs/parsing';
import { isDomainError } from '../../../libs/common/errors';
import { parseDuration } from '../../common/metrics/pipeline-metrics';
import { FileStorage } from '../../infra/storage/file-storage';
import { JobOf, JobOutcome, QueueName } from '../../queues/queue-names';
import { ApplicationRepository } from '../applications/application.repository';
import { ScreenEnqueuer } from '../applications/screen-enqueuer';
import { ApplicationStatus } from '../applications/application.schema';
import { applicationEvent } from '../notifications/application-events';
import { EventPublisher } from '../notifications/event-publisher';
import { ResumeRepository } from './resume.repository';

/** Worker side of `resume-parse`: bytes from GridFS → profile, then fan out to screening. */
@Injectable()
export class ResumeParseService {
  private readonly logger = new Logger(ResumeParseService.name);

  constructor(
    private readonly resumes: ResumeRepository,
    private readonly applications: ApplicationRepository,
    private readonly files: FileStorage,
    private readonly screens: ScreenEnqueuer,
    private readonly events: EventPublisher,
  ) {}

  /** Moves each of the resume's applications that is in `from` and tells portals about it. */
  private async settle(
    orgId: string,
    resumeId: string,
    to: 'needs_review' | 'failed',
    reason: string,
    from: ApplicationStatus[],
  ) {
    const apps = await this.applications.findByResume(orgId, resumeId, from);
    for (const app of apps) {
      if (
        await this.applications.transition(
          orgId,
          String(app._id),
          to,
          reason,
          from,
          to === 'failed' ? { failureReason: reason } : {},
        )
      ) {
        await this.events.publish(applicationEvent(`application.${to}`, app, { reason }));
      }
    }
  }

  async handle({ orgId, resumeId }: JobOf<QueueName.ResumeParse>): Promise<JobOutcome> {
    const resume = await this.resumes.findById(orgId, resumeId);
    if (!resume) return JobOutcome.Skipped; // erased after enqueueing
    if (resume.parseStatus === 'parsed') {
      await this.screens.enqueueForResume(orgId, resumeId);
      return JobOutcome.Done;
    }
    await this.resumes.setParseStatus(orgId, resumeId, 'parsing');
    await this.applications.transitionByResume(orgId, resumeId, 'parsing', 'parse started', [
      'received',
      'queued',
    ]);
    const bytes = await this.files.read(resume.fileId);
    let profile;
    const timer = parseDuration().startTimer({ kind: resume.kind });
    try {
      profile = await parseResume(bytes, { kind: resume.kind });
      timer();
    } catch (err) {
      if (!isDomainError(err)) throw err; // infrastructure trouble: let BullMQ retry
      return this.markUnparseable(orgId, resumeId, err.code, err.message);
    }
    if (!profile.quality.ok) {
      const reason = `parse quality gate: ${profile.quality.reason}`;
      await this.resumes.setParseStatus(orgId, resumeId, 'needs_review', {
        profile,
        parseError: reason,
      });
      await this.settle(orgId, resumeId, 'needs_review', reason, ['received', 'queued', 'parsing']);
      return JobOutcome.NeedsReview;
    }
    await this.resumes.setParseStatus(orgId, resumeId, 'parsed', { profile });
    await this.applications.transitionByResume(orgId, resumeId, 'parsed', 'profile extracted', [
      'received',
      'queued',
      'parsing',
    ]);
    await this.screens.enqueueForResume(orgId, resumeId);
    return JobOutcome.Done;
  }

  /** A file that deterministically cannot be parsed is not retried: it goes to a person. */
  private async markUnparseable(orgId: string, resumeId: string, code: string, message: string) {
    const reason = `${code}: ${message}`;
    this.logger.warn(`resume ${resumeId} unparseable: ${reason}`);
    await this.resumes.setParseStatus(orgId, resumeId, 'needs_review', {
      parseError: message,
      parseErrorCode: code,
    });
    await this.settle(orgId, resumeId, 'needs_review', reason, ['received', 'queued', 'parsing']);
    return JobOutcome.NeedsReview;
  }

  /** Called when the last attempt failed: the reason is recorded, and retry is manual. */
  async markFailed(
    { orgId, resumeId }: JobOf<QueueName.ResumeParse>,
    reason: string,
  ): Promise<void> {
    await this.resumes.setParseStatus(orgId, resumeId, 'failed', { parseError: reason });
    await this.settle(orgId, resumeId, 'failed', reason, ['received', 'queued', 'parsing']);
  }
}
