import { Injectable, Logger } from '@nestjs/common';
import { JobOutcome } from '../../queues/queue-names';
import { ApplicationRepository } from '../applications/application.repository';
import { ApplicationStatus } from '../applications/application.schema';
import { ScreenEnqueuer } from '../applications/screen-enqueuer';
import { JobRepository } from '../jobs/job.repository';

const PAGE = 500;
/** Applications whose score depends on the job's requirements. */
const SCORED: ApplicationStatus[] = ['screened', 'screening', 'parsed'];

/** Fans a job's re-screen out into one deterministic screen job per application. */
@Injectable()
export class RescreenService {
  private readonly logger = new Logger(RescreenService.name);

  constructor(
    private readonly applications: ApplicationRepository,
    private readonly jobs: JobRepository,
    private readonly screens: ScreenEnqueuer,
  ) {}

  async rescreenJob(orgId: string, jobId: string, revision: number): Promise<JobOutcome> {
    const job = await this.jobs.findById(orgId, jobId);
    if (!job || job.revision !== revision) return JobOutcome.Skipped; // superseded by a newer edit
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const page = await this.applications.findByJob(orgId, jobId, SCORED, after, PAGE);
      for (const app of page) if (await this.screens.enqueue(app)) count++;
      if (page.length < PAGE) break;
      after = String(page[page.length - 1]._id);
    }
    this.logger.log(`job ${jobId} revision ${revision}: ${count} applications queued for re-screening`);
    return JobOutcome.Done;
  }
}
