import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { captureJobFailure } from '../../common/sentry-capture';
import { AppConfig } from '../../config/app-config';
import { PROCESSOR_OPTIONS } from '../../queues/processor-options';
import { JobOutcome, QueueName } from '../../queues/queue-names';
import { DigestService } from './email/digest.service';
import { EndpointAlertService } from './email/endpoint-alert.service';
import type { NotifyJob } from './notify-jobs';
import { DeliveryService, webhookBackoff } from './webhooks/delivery.service';

/** Thin: routes each notify job to its service; throwing means "retry". */
@Processor(QueueName.Notify, {
  ...PROCESSOR_OPTIONS,
  settings: { backoffStrategy: webhookBackoff },
})
export class NotifyProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotifyProcessor.name);

  constructor(
    private readonly deliveries: DeliveryService,
    private readonly digests: DigestService,
    private readonly alerts: EndpointAlertService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Webhook attempts mostly wait on the network, so many run at once.
    this.worker.concurrency = this.config.NOTIFY_CONCURRENCY;
  }

  async process(job: Job<NotifyJob>): Promise<JobOutcome> {
    const data = job.data;
    if ('deliveryId' in data) return this.deliveries.attempt(data);
    if ('digest' in data) return this.digests.send(data, String(job.id));
    return this.alerts.endpointDisabled(data);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<NotifyJob> | undefined, err: Error): Promise<void> {
    // A receiver failing is retried by design; only a job that gave up is worth an event.
    if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    captureJobFailure(job, err);
    const data = job.data;
    if (!('deliveryId' in data)) {
      this.logger.error(`notify job ${job.id} failed for good: ${err.message}`);
      return;
    }
    await this.deliveries
      .deadLetter(data, err.message)
      .catch((e: Error) => this.logger.error(`could not dead-letter ${job.id}: ${e.message}`));
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`worker error: ${err.message}`);
  }
}
