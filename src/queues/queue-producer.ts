import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JobOf, QueueName } from './queue-names';

const ENQUEUE_TIMEOUT_MS = 2000;

/** Retries with exponential backoff; completed jobs are kept briefly so re-adds stay no-ops. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * Typed, bounded enqueueing. Job ids are deterministic, so adding the same work twice is a
 * no-op in BullMQ. Returns false instead of throwing when Redis is unreachable: callers have
 * already committed the work to Mongo, and the outbox sweeper enqueues it later.
 */
@Injectable()
export class QueueProducer {
  private readonly logger = new Logger(QueueProducer.name);
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.ResumeParse) parse: Queue,
    @InjectQueue(QueueName.ApplicationScreen) screen: Queue,
    @InjectQueue(QueueName.Notify) notify: Queue,
    @InjectQueue(QueueName.Maintenance) maintenance: Queue,
  ) {
    this.queues = {
      [QueueName.ResumeParse]: parse,
      [QueueName.ApplicationScreen]: screen,
      [QueueName.Notify]: notify,
      [QueueName.Maintenance]: maintenance,
    };
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** Removes a finished job so its deterministic id can be used again (manual retry). */
  async remove(name: QueueName, jobId: string): Promise<void> {
    const job = await this.queues[name].getJob(jobId);
    if (job && ((await job.isFailed()) || (await job.isCompleted()))) await job.remove();
  }

  async add<Q extends QueueName>(
    name: Q,
    jobId: string,
    payload: JobOf<Q>,
    opts: JobsOptions = {},
  ): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('enqueue timed out')), ENQUEUE_TIMEOUT_MS);
    });
    try {
      const add = this.queues[name].add(name, payload, { ...DEFAULT_JOB_OPTIONS, ...opts, jobId });
      await Promise.race([add, timeout]);
      return true;
    } catch (err) {
      this.logger.warn(
        `enqueue ${name}/${jobId} deferred to the outbox: ${(err as Error).message}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}

export const parseJobId = (resumeId: string) => `parse_${resumeId}`;
export const screenJobId = (
  applicationId: string,
  retries: number,
  revision: number,
  modelVersion?: string,
) =>
  `screen_${applicationId}_r${revision}_t${retries}${modelVersion ? `_m${modelVersion.replace(/[^\w.-]/g, '')}` : ''}`;
