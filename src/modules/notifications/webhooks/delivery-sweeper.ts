import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { QueueName } from '../../../queues/queue-names';
import { QueueProducer } from '../../../queues/queue-producer';
import { deliveryJobId, DeliveryEnqueuer } from './delivery-enqueuer';
import { DeliveryRecord, WebhookDeliveryRepository } from './webhook-delivery.repository';

const SWEEP_EVERY_MS = 15_000;
/** An open delivery this far past its due time is assumed to have lost its queue job. */
const OVERDUE_AFTER_MS = 60_000;
const BATCH = 500;

/**
 * The webhook outbox's sweeper. Deliveries are stored before they are enqueued, so one whose
 * job never made it to Redis (Redis down, crash in between) or was lost there is found here
 * and enqueued again; the deterministic job id makes that a no-op while the job still exists.
 * A job still delayed long after the delivery's own next-attempt time is run at once.
 */
@Injectable()
export class DeliverySweeper implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySweeper.name);
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly producer: QueueProducer,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One pass; returns how many deliveries were enqueued again. */
  async sweep(now = new Date()): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let count = 0;
    try {
      const overdue = await this.deliveries.findOverdue(
        new Date(now.getTime() - OVERDUE_AFTER_MS),
        BATCH,
      );
      for (const d of overdue) if (await this.recover(d)) count++;
    } catch (err) {
      this.logger.warn(`sweep failed: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
    if (count) this.logger.log(`re-enqueued ${count} overdue webhook deliveries`);
    return count;
  }

  private async recover(d: DeliveryRecord): Promise<boolean> {
    const id = String(d._id);
    const job = await this.producer.queue(QueueName.Notify).getJob(deliveryJobId(id));
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed') {
      await this.deliveries.markDead(
        d.orgId,
        id,
        `retries exhausted: ${job?.failedReason ?? 'unknown'}`,
      );
      return false;
    }
    // Delayed past its due time: the job's backoff fell back to webhookBackoff's escalating
    // delay (an error before the attempt was logged, e.g. a Mongo write failing) while the
    // delivery's nextAttemptAt, the schedule that counts, is long past. Run it now.
    if (state === 'delayed')
      return job!.promote().then(
        () => true,
        () => false, // no longer delayed: it started or was promoted meanwhile
      );
    if (state === 'completed') await this.producer.remove(QueueName.Notify, deliveryJobId(id));
    else if (state !== 'missing' && state !== 'unknown') return false;
    return this.enqueuer.enqueue(d.orgId, id);
  }
}
