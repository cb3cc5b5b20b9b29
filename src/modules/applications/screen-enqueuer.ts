import { Injectable } from '@nestjs/common';
import { QueueName } from '../../queues/queue-names';
import { QueueProducer, screenJobId } from '../../queues/queue-producer';
import { JobRepository } from '../jobs/job.repository';
import { ApplicationRecord, ApplicationRepository } from './application.repository';

/** Enqueues screening with deterministic ids (application × job revision × retry count). */
@Injectable()
export class ScreenEnqueuer {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly jobs: JobRepository,
    private readonly producer: QueueProducer,
  ) {}

  /** `modelVersion` re-scores with that version instead of the active one (admin re-score). */
  async enqueue(app: ApplicationRecord, modelVersion?: string): Promise<boolean> {
    const job = await this.jobs.findById(app.orgId, app.jobId);
    const revision = job?.revision ?? 0;
    const id = String(app._id);
    return this.producer.add(
      QueueName.ApplicationScreen,
      screenJobId(id, app.retries, revision, modelVersion),
      {
        orgId: app.orgId,
        applicationId: id,
        ...(modelVersion ? { modelVersion } : {}),
      },
    );
  }

  async enqueueForResume(orgId: string, resumeId: string): Promise<void> {
    const pending = await this.applications.findByResume(orgId, resumeId, [
      'received',
      'queued',
      'parsing',
      'parsed',
    ]);
    for (const app of pending) await this.enqueue(app);
  }
}
