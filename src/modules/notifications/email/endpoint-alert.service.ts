import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { JobOutcome } from '../../../queues/queue-names';
import type { AlertJob } from '../notify-jobs';
import { WebhookEndpointRepository } from '../webhooks/webhook-endpoint.repository';
import { renderEndpointDisabled } from './email.templates';
import { Mailer } from './mailer';
import { RecipientDirectory } from './recipient-directory';

/**
 * Tells the org's admins that an endpoint was disabled automatically. Operational mail: it
 * ignores digest unsubscribes. Skipped if an admin re-enabled the endpoint in the meantime.
 */
@Injectable()
export class EndpointAlertService {
  private readonly logger = new Logger(EndpointAlertService.name);

  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly directory: RecipientDirectory,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async endpointDisabled({ orgId, endpointDisabled }: AlertJob): Promise<JobOutcome> {
    const ep = await this.endpoints.findById(orgId, endpointDisabled.endpointId);
    if (!ep || ep.status !== 'disabled' || !ep.disabledReason || !ep.disabledAt)
      return JobOutcome.Skipped;
    const admins = await this.directory.admins(orgId);
    if (!admins.length || !this.mailer.enabled) {
      this.logger.warn(
        `endpoint ${endpointDisabled.endpointId} disabled; no admin e-mail (or SMTP) to tell`,
      );
      return JobOutcome.Skipped;
    }
    const mail = renderEndpointDisabled({
      url: ep.url,
      endpointId: String(ep._id),
      reason: ep.disabledReason,
      failures: ep.consecutiveFailures,
      failingSince: ep.failingSince,
      disabledAt: ep.disabledAt,
      apiBaseUrl: this.config.NOTIFY_PUBLIC_BASE_URL.replace(/\/+$/, ''),
    });
    for (const admin of admins) await this.mailer.send({ ...mail, to: admin.email });
    return JobOutcome.Done;
  }
}
