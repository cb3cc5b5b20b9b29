import { Injectable, Logger } from '@nestjs/common';
import { Types } from 'mongoose';
import { AppConfig } from '../../config/app-config';
import type { DomainEvent } from './domain-events';
import { DigestItemRepository } from './email/digest-item.repository';
import type { DigestStatus } from './email/digest-item.schema';
import { toCloudEvent } from './webhooks/cloud-event';
import { DeliveryEnqueuer } from './webhooks/delivery-enqueuer';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhooks/webhook-endpoint.repository';

const DIGEST_STATUS: Partial<Record<DomainEvent['type'], DigestStatus>> = {
  'application.screened': 'screened',
  'application.needs_review': 'needs_review',
  'application.failed': 'failed',
};

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The one entry point producers use to emit events. It must never make the producer's work
 * fail: it stores one delivery per subscribed endpoint in Mongo (the outbox), then enqueues a
 * notify job per delivery under a deterministic id. If the enqueue fails the delivery stays
 * pending and the sweeper enqueues it; if Mongo itself fails the event is logged and dropped.
 */
@Injectable()
export class EventPublisher {
  private readonly logger = new Logger(EventPublisher.name);

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly digests: DigestItemRepository,
    private readonly config: AppConfig,
  ) {}

  async publish(event: DomainEvent): Promise<void> {
    await Promise.all([this.toWebhooks(event), this.toDigest(event)]);
  }

  private async toWebhooks(event: DomainEvent): Promise<void> {
    let endpointIds: string[];
    try {
      endpointIds = (await this.endpoints.subscribedTo(event.orgId, event.type)).map((e) =>
        String(e._id),
      );
    } catch (err) {
      this.logger.error(`event ${event.id}: endpoints unavailable, not delivered: ${message(err)}`);
      return;
    }
    if (!endpointIds.length) return;
    const payload = JSON.stringify(toCloudEvent(event, this.config.NOTIFY_PUBLIC_BASE_URL));
    for (const endpointId of endpointIds) {
      await this.store(event, endpointId, payload).catch((err: unknown) =>
        this.logger.error(
          `event ${event.id} → endpoint ${endpointId}: not stored: ${message(err)}`,
        ),
      );
    }
  }

  private async store(event: DomainEvent, endpointId: string, payload: string): Promise<void> {
    const id = new Types.ObjectId();
    const delivery = await this.deliveries.createOnce(event.orgId, id, {
      endpointId,
      eventId: event.id,
      eventType: event.type,
      webhookId: `msg_${id.toHexString()}`,
      dedupKey: `${endpointId}:${event.id}`,
      payload,
      status: 'pending',
      nextAttemptAt: new Date(),
    });
    if (delivery.status === 'pending')
      await this.enqueuer.enqueue(event.orgId, String(delivery._id));
  }

  private async toDigest(event: DomainEvent): Promise<void> {
    const status = DIGEST_STATUS[event.type];
    if (!status || !this.config.SMTP_HOST) return;
    const { jobId, applicationId, label, score } = event.data as Record<string, unknown>;
    if (typeof jobId !== 'string' || typeof applicationId !== 'string') return;
    await this.digests
      .record(event.orgId, {
        jobId,
        applicationId,
        status,
        label: typeof label === 'string' ? label : undefined,
        score: typeof score === 'number' ? score : undefined,
        at: event.time,
      })
      .catch((err: unknown) =>
        this.logger.warn(`event ${event.id}: digest not recorded: ${message(err)}`),
      );
  }
}
