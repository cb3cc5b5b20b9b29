import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { QueueName } from '../../../queues/queue-names';
import { QueueProducer } from '../../../queues/queue-producer';
import { digestJobId, MAIL_JOB_OPTIONS } from '../notify-jobs';
import { DigestItemRepository } from './digest-item.repository';

const SCAN_LIMIT = 5000;

/**
 * Cuts time into fixed windows of NOTIFY_DIGEST_INTERVAL_SECONDS and, once a window has ended,
 * enqueues one digest job per job with waiting items. Job ids are (org, job, window), so every
 * worker process may run this scheduler: the second enqueue of the same digest is a no-op.
 */
@Injectable()
export class DigestScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DigestScheduler.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private readonly intervalMs: number;

  constructor(
    private readonly items: DigestItemRepository,
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
  ) {
    this.intervalMs = config.NOTIFY_DIGEST_INTERVAL_SECONDS * 1000;
  }

  onModuleInit(): void {
    if (!this.config.SMTP_HOST) return;
    // Check often enough that a digest leaves within a minute (or one interval) of its window.
    this.timer = setInterval(() => void this.tick(), Math.min(this.intervalMs, 60_000));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Enqueues the digests of the last ended window; returns how many were enqueued. */
  async tick(now = Date.now()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const windowEnd = Math.floor(now / this.intervalMs) * this.intervalMs;
      const pending = await this.items.pendingJobs(new Date(windowEnd), SCAN_LIMIT);
      let count = 0;
      for (const { orgId, jobId } of pending) {
        const id = digestJobId(orgId, jobId, windowEnd);
        if (
          await this.producer.add(
            QueueName.Notify,
            id,
            { orgId, digest: { jobId, windowEnd } },
            MAIL_JOB_OPTIONS,
          )
        )
          count++;
      }
      return count;
    } catch (err) {
      this.logger.warn(`digest scan failed: ${(err as Error).message}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
