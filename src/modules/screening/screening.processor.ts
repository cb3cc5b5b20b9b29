import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { captureJobFailure } from '../../common/sentry-capture';
import { stageDuration } from '../../common/metrics/pipeline-metrics';
import { AppConfig } from '../../config/app-config';
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

  async process(job: ScreenJob): Promise<JobOutcome> {
    const end = stageDuration().startTimer({ stage: 'screen' });
    try {
      const outcome = await this.service.handle(job.data);
      end({ outcome });
      return outcome;
    } catch (err) {
      end({ outcome: 'error' });
      throw err;
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: ScreenJob | undefined, err: Error): Promise<void> {
    captureJobFailure(job, err);
    if (!job) return;
    this.logger.warn({ err, jobId: job.id, attempt: job.attemptsMade }, `job ${job.id} attempt ${job.attemptsMade} failed`);
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.service
      .markFailed(job.data, `screening failed after ${job.attemptsMade} attempts: ${err.message}`)
      .catch((e: Error) =>
        this.logger.error(`could not record failure of ${job.id}: ${e.message}`),
      );
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`worker error: ${err.message}`);
  }
}
