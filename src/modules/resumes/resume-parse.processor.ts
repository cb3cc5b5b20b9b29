import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { handleFailedAttempt, timedStage } from '../../queues/processor-kit';
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

  process(job: ParseJob): Promise<JobOutcome> {
    return timedStage('parse', () => this.service.handle(job.data));
  }

  @OnWorkerEvent('failed')
  onFailed(job: ParseJob | undefined, err: Error): Promise<void> {
    return handleFailedAttempt(this.logger, 'parse', job, err, (data, reason) =>
      this.service.markFailed(data, reason),
    );
  }

  @OnWorkerEvent('error')
  onError(err: Error): void {
    this.logger.warn(`worker error: ${err.message}`);
  }
}
