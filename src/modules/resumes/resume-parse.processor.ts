import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { captureJobFailure } from '../../common/sentry-capture';
import { stageDuration } from '../../common/metrics/pipeline-metrics';
import { AppConfig } from '../../config/app-config';
import { PROCESSOR_OPTIONS } from '../../queues/processor-options';
import { JobOf, JobOutcome, QueueName } from '../../queues/queue-names';
import { ResumeParseService } from './resume-parse.service';

type ParseJob = Job<JobOf<QueueName.ResumeParse>>;

@Processor(QueueName.ResumeParse, PROCESSOR_OPTIONS)
export class ResumeParseProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(ResumeParseProcessor.name);

  constructor(
    private readonly service: ResumeParseService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  async process(job: ParseJob): Promise<JobOutcome> {
    const end = stageDuration().startTimer({ stage: 'parse' });
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
  async onFailed(job: ParseJob | undefined, err: Error): Promise<void> {
    captureJobFailure(job, err);
    if (!job) return;
    this.logger.warn({ err, jobId: job.id, attempt: job.attemptsMade }, `job ${job.id} attempt ${job.attemptsMade} failed`);
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    await this.service
      .markFailed(job.data, `parse failed after ${job.attemptsMade} attempts: ${err.message}`)
      .catch((e: Error) =>
        this.logger.error(`could not record failure of ${job.id}: ${e.message}`),
      );
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`worker error: ${err.message}`);
  }
}
