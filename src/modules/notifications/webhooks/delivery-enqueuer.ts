import { Injectable } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { QueueName } from '../../../queues/queue-names';
import { QueueProducer } from '../../../queues/queue-producer';
import { MAX_DELIVERY_ATTEMPTS } from './retry-schedule';

/** Custom BullMQ backoff type; the notify worker's backoffStrategy computes its delays. */
export const WEBHOOK_BACKOFF = 'webhook';

export const deliveryJobId = (deliveryId: string) => `wh_${deliveryId}`;

/**
 * The delivery service decides when to give up (24 h window, in Mongo); BullMQ's attempt
 * limit is only a backstop above that for errors thrown before an attempt is recorded.
 */
export const WEBHOOK_JOB_OPTIONS: JobsOptions = {
  attempts: MAX_DELIVERY_ATTEMPTS + 10,
  backoff: { type: WEBHOOK_BACKOFF },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Enqueues a stored delivery under its deterministic job id (re-adding is a no-op). */
@Injectable()
export class DeliveryEnqueuer {
  constructor(private readonly producer: QueueProducer) {}

  /** false when Redis is unreachable: the delivery stays pending and the sweeper retries. */
  enqueue(orgId: string, deliveryId: string, delayMs = 0): Promise<boolean> {
    return this.producer.add(
      QueueName.Notify,
      deliveryJobId(deliveryId),
      { orgId, deliveryId },
      { ...WEBHOOK_JOB_OPTIONS, delay: delayMs },
    );
  }
}
