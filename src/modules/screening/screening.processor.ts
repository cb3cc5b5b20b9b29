import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { handleFailedAttempt, timedStage } from '../../queues/processor-kit';
import { PROCESSOR_OPTIONS } from '../../queues/processor-options';
import { JobOf, JobOutcome, QueueName } from '../../queues/queue-names';
import { ScreeningService } from './screening.service';

type ScreenJob = Job<JobOf<QueueName.ApplicationScreen>>;

@Processor(QueueName.ApplicationScreen, PROCESSOR_OPTIONS)
export class ScreeningProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScreeningProcessor.name);

  constructor(
    private readonly service: ScreeningService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // Several in flight at once lets the batcher share one ONNX run between them.
    this.worker.concurrency = this.config.WORKER_CONCURRENCY * 4;
  }

  process(job: ScreenJob): Promise<JobOutcome> {
    return timedStage('screen', () => this.service.handle(job.data));
  }

  @OnWorkerEvent('failed')
  onFailed(job: ScreenJob | undefined, err: Error): Promise<void> {
    return handleFailedAttempt(this.logger, 'screening', job, err, (data, reason) =>
      this.service.markFailed(data, reason),
    );
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`worker error: ${err.message}`);
  }
}
