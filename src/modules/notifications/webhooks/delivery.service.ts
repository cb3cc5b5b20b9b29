import { Injectable, Logger } from '@nestjs/common';
import { webhookDeliveries } from '../../../common/metrics/pipeline-metrics';
import { AppConfig } from '../../../config/app-config';
import { JobOutcome } from '../../../queues/queue-names';
import type { WebhookJob } from '../notify-jobs';
import { CLOUDEVENTS_CONTENT_TYPE } from './cloud-event';
import { EndpointDisabler } from './endpoint-disabler';
import { nextRetryDelay, RetrySchedule } from './retry-schedule';
import { DeliveryRecord, WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { DeliveryAttempt } from './webhook-delivery.schema';
import type { EndpointRecord } from './webhook-endpoint.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { AttemptResult, WebhookHttpClient } from './webhook-http.client';
import { WebhookSecrets } from './webhook-secrets';
import { signatureHeader } from './webhook-signature';

const USER_AGENT = 'ResumeScreener-Webhooks/1.0';

/** Thrown to make BullMQ retry; the notify worker's backoff strategy reads `retryInMs`. */
export class DeliveryRetryError extends Error {
  override readonly name = 'DeliveryRetryError';
  constructor(
    readonly retryInMs: number,
    reason: string,
  ) {
    super(reason);
  }
}

const toAttempt = (n: number, at: Date, r: AttemptResult): DeliveryAttempt => ({
  n,
  at,
  latencyMs: r.latencyMs,
  ...(r.statusCode !== undefined ? { statusCode: r.statusCode } : {}),
  ...(r.error ? { error: r.error, errorCode: r.errorCode } : {}),
  ...(r.responseSnippet ? { responseSnippet: r.responseSnippet } : {}),
});

const succeeded = (r: AttemptResult) =>
  r.statusCode !== undefined && r.statusCode >= 200 && r.statusCode < 300 && !r.error;

/**
 * One webhook attempt per notify job run: sign, POST, log the attempt, then succeed, retry
 * (throw DeliveryRetryError) or dead-letter. A crash between the POST and the log means the
 * receiver may see the same Webhook-Id again: delivery is at-least-once.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);
  private readonly schedule: RetrySchedule;
  // Created eagerly so the series' HELP/TYPE are scraped before the first delivery.
  private readonly outcomes = webhookDeliveries();

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly secrets: WebhookSecrets,
    private readonly http: WebhookHttpClient,
    private readonly disabler: EndpointDisabler,
    config: AppConfig,
  ) {
    this.schedule = {
      baseMs: config.WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS,
      windowMs: config.WEBHOOK_RETRY_WINDOW_SECONDS * 1000,
    };
  }

  async attempt({ orgId, deliveryId }: WebhookJob): Promise<JobOutcome> {
    const delivery = await this.deliveries.findById(orgId, deliveryId);
    if (!delivery || (delivery.status !== 'pending' && delivery.status !== 'retrying'))
      return JobOutcome.Skipped;
    const endpoint = await this.endpoints.findById(orgId, delivery.endpointId);
    if (!endpoint || endpoint.status !== 'active') {
      const why = endpoint
        ? `endpoint disabled (${endpoint.disabledReason ?? 'manual'})`
        : 'endpoint deleted';
      await this.deliveries.markDead(orgId, deliveryId, why);
      this.outcomes.inc({ outcome: 'dead_lettered' });
      return JobOutcome.Skipped;
    }
    const now = new Date();
    const n = delivery.attemptCount + 1;
    const result = await this.http.post(
      endpoint.url,
      delivery.payload,
      this.headers(delivery, endpoint, now, n),
    );
    const attempt = toAttempt(n, now, result);
    if (succeeded(result)) {
      await this.deliveries.recordAttempt(orgId, deliveryId, attempt, { status: 'succeeded' });
      await this.endpoints.recordSuccess(orgId, delivery.endpointId, now);
      this.outcomes.inc({ outcome: 'delivered' });
      return JobOutcome.Done;
    }
    if (result.statusCode === 410) {
      await this.deliveries.recordAttempt(orgId, deliveryId, attempt, {
        status: 'dead',
        deadReason: 'receiver answered 410 Gone',
      });
      await this.disabler.disable(orgId, delivery.endpointId, 'gone', now);
      this.outcomes.inc({ outcome: 'dead_lettered' });
      return JobOutcome.Skipped;
    }
    return this.failed(delivery, attempt, now);
  }

  /** The job's last BullMQ attempt failed without the service deciding: dead-letter it. */
  async deadLetter({ orgId, deliveryId }: WebhookJob, reason: string): Promise<void> {
    await this.deliveries.markDead(orgId, deliveryId, `retries exhausted: ${reason}`);
    this.outcomes.inc({ outcome: 'dead_lettered' });
  }

  private async failed(
    delivery: DeliveryRecord,
    attempt: DeliveryAttempt,
    now: Date,
  ): Promise<JobOutcome> {
    const { orgId } = delivery;
    const id = String(delivery._id);
    const disabled = await this.disabler.recordFailure(orgId, delivery.endpointId, now);
    const elapsed = now.getTime() - new Date(delivery.createdAt).getTime();
    const delay = disabled ? null : nextRetryDelay(attempt.n, elapsed, this.schedule);
    if (delay === null) {
      const deadReason = disabled
        ? 'endpoint disabled after repeated failures'
        : `no successful attempt within ${this.schedule.windowMs / 1000} s`;
      await this.deliveries.recordAttempt(orgId, id, attempt, { status: 'dead', deadReason });
      this.logger.warn(`delivery ${id} dead-lettered: ${deadReason}`);
      this.outcomes.inc({ outcome: 'dead_lettered' });
      return JobOutcome.Skipped;
    }
    this.outcomes.inc({ outcome: 'failed' });
    const nextAttemptAt = new Date(now.getTime() + delay);
    const open = await this.deliveries.recordAttempt(orgId, id, attempt, {
      status: 'retrying',
      nextAttemptAt,
    });
    if (!open) return JobOutcome.Skipped;
    throw new DeliveryRetryError(delay, attempt.error ?? `receiver answered ${attempt.statusCode}`);
  }

  private headers(
    d: DeliveryRecord,
    ep: EndpointRecord,
    now: Date,
    n: number,
  ): Record<string, string> {
    const t = Math.floor(now.getTime() / 1000);
    return {
      'content-type': CLOUDEVENTS_CONTENT_TYPE,
      'user-agent': USER_AGENT,
      'webhook-id': d.webhookId,
      'webhook-signature': signatureHeader(d.payload, this.secrets.signing(ep.secrets, now), t),
      'webhook-attempt': String(n),
    };
  }
}

/** BullMQ backoffStrategy of the notify worker (custom type 'webhook'). */
export function webhookBackoff(attemptsMade: number, _type?: string, err?: Error): number {
  const retryIn = (err as Partial<DeliveryRetryError> | undefined)?.retryInMs;
  if (typeof retryIn === 'number') return retryIn;
  // Failed before an attempt was logged (e.g. Mongo down): retry soon, capped at 10 min.
  return Math.min(1000 * 2 ** attemptsMade, 600_000);
}
