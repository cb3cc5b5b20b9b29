import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { QueueName } from '../../queues/queue-names';
import { parseJobId, QueueProducer } from '../../queues/queue-producer';
import { ResumeRepository } from '../resumes/resume.repository';
import { unparseableReason } from '../resumes/unparseable';
import { ApplicationRecord, ApplicationRepository } from './application.repository';
import { ApplicationStatus } from './application.schema';
import { ScreenEnqueuer } from './screen-enqueuer';

const SWEEP_EVERY_MS = 10_000;
const BATCH = 500;
/** How long work may sit in a status before it is assumed lost and enqueued again. */
const STALE_AFTER_MS: Partial<Record<ApplicationStatus, number>> = {
  received: 15_000,
  queued: 15_000,
  parsed: 30_000,
  screening: 120_000,
  parsing: 300_000,
};

/**
 * The outbox: uploads are committed to Mongo before any enqueue, so anything whose enqueue was
 * lost (Redis down, crash between the two) is found here and enqueued again. Deterministic job
 * ids make a re-enqueue of work that is in fact still queued a no-op.
 */
@Injectable()
export class OutboxSweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSweeper.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly resumes: ResumeRepository,
    private readonly producer: QueueProducer,
    private readonly screens: ScreenEnqueuer,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; returns how many applications were re-enqueued. */
  async sweep(now = new Date()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let count = 0;
    try {
      for (const [status, ageMs] of Object.entries(STALE_AFTER_MS)) {
        const before = new Date(now.getTime() - (ageMs as number));
        const stale = await this.applications.findStale(
          [status as ApplicationStatus],
          before,
          BATCH,
        );
        for (const app of stale) if (await this.requeue(app)) count++;
      }
    } catch (err) {
      this.logger.warn(`sweep failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
    if (count) this.logger.log(`re-enqueued ${count} stale applications`);
    return count;
  }

  private async requeue(app: ApplicationRecord): Promise<boolean> {
    const resume = await this.resumes.findById(app.orgId, app.resumeId);
    if (!resume) return false;
    if (resume.parseStatus === 'parsed') return this.screens.enqueue(app);
    // Created while its resume's parse was finishing: that parse's fan-out did not see it.
    const unparseable = unparseableReason(resume);
    if (unparseable)
      return this.applications.transition(app.orgId, String(app._id), 'needs_review', unparseable, [
        'received',
        'queued',
      ]);
    return this.producer.add(QueueName.ResumeParse, parseJobId(app.resumeId), {
      orgId: app.orgId,
      resumeId: app.resumeId,
    });
  }
}
