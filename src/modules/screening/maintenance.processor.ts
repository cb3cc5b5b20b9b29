import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { captureJobFailure } from '../../common/sentry-capture';
import { PROCESSOR_OPTIONS } from '../../queues/processor-options';
import { JobOf, JobOutcome, QueueName } from '../../queues/queue-names';
import { RescreenService } from './rescreen.service';

@Processor(QueueName.Maintenance, PROCESSOR_OPTIONS)
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly rescreen: RescreenService) {
    super();
  }

  async process(job: Job<JobOf<QueueName.Maintenance>>): Promise<JobOutcome> {
    const data = job.data;
    if (data.task === 'rescreen-job')
      return this.rescreen.rescreenJob(data.orgId, data.jobId, data.revision);
    if (data.task === 'rescore')
      return this.rescreen.rescore(data.orgId, data.modelVersion, data.jobId);
    return JobOutcome.Skipped;
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<JobOf<QueueName.Maintenance>> | undefined, err: Error): void {
    captureJobFailure(job, err);
  }
}
