import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { QueueName } from '../../../queues/queue-names';
import { QueueProducer } from '../../../queues/queue-producer';
import { AuditService } from '../../audit/audit.service';
import { alertJobId, MAIL_JOB_OPTIONS } from '../notify-jobs';
import type { EndpointRecord } from './webhook-endpoint.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import type { DisabledReason } from './webhook-endpoint.schema';

const SYSTEM = { sub: 'notifications', kind: 'system' } as const;

/**
 * Takes failing endpoints out of rotation: at once on a 410, or after a failure streak of at
 * least WEBHOOK_DISABLE_AFTER_FAILURES attempts spanning WEBHOOK_DISABLE_AFTER_SECONDS with no
 * success in between (a short outage with many deliveries must not trip it). Each automatic
 * disable is audited and e-mailed to the org's admins through a notify job.
 */
@Injectable()
export class EndpointDisabler {
  private readonly logger = new Logger(EndpointDisabler.name);

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly producer: QueueProducer,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Counts a failed attempt; true when the endpoint is (now) disabled. */
  async recordFailure(orgId: string, endpointId: string, at: Date): Promise<boolean> {
    const ep = await this.endpoints.recordFailure(orgId, endpointId, at);
    if (!ep) return true;
    if (!this.streakTooLong(ep, at)) return false;
    await this.disable(orgId, endpointId, 'failing', at);
    return true;
  }

  streakTooLong(
    ep: Pick<EndpointRecord, 'consecutiveFailures' | 'failingSince'>,
    at: Date,
  ): boolean {
    if (ep.consecutiveFailures < this.config.WEBHOOK_DISABLE_AFTER_FAILURES || !ep.failingSince)
      return false;
    return (
      at.getTime() - ep.failingSince.getTime() >= this.config.WEBHOOK_DISABLE_AFTER_SECONDS * 1000
    );
  }

  /** Returns false when the endpoint was not active (already disabled or deleted). */
  async disable(
    orgId: string,
    endpointId: string,
    reason: DisabledReason,
    at: Date,
  ): Promise<boolean> {
    const ep = await this.endpoints.disable(orgId, endpointId, reason, at);
    if (!ep) return false;
    this.logger.warn(`webhook endpoint ${endpointId} (org ${orgId}) disabled: ${reason}`);
    await this.audit
      .record({
        action: 'webhook.disabled',
        orgId,
        actor: SYSTEM,
        details: { endpointId, reason, url: ep.url, consecutiveFailures: ep.consecutiveFailures },
      })
      .catch((err: Error) =>
        this.logger.error(`audit of disabling ${endpointId} failed: ${err.message}`),
      );
    await this.producer.add(
      QueueName.Notify,
      alertJobId(endpointId, at),
      { orgId, endpointDisabled: { endpointId } },
      MAIL_JOB_OPTIONS,
    );
    return true;
  }
}
