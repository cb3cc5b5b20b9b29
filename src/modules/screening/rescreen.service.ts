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
    const count = await this.fanOut(orgId, jobId);
    this.logger.log(
      `job ${jobId} revision ${revision}: ${count} applications queued for re-screening`,
    );
    return JobOutcome.Done;
  }

  /** An admin's re-score of one job (or every job of the org) with a given model version. */
  async rescore(orgId: string, modelVersion: string, jobId?: string): Promise<JobOutcome> {
    const jobIds = jobId ? [jobId] : await this.jobs.idsOf(orgId);
    let count = 0;
    for (const id of jobIds) count += await this.fanOut(orgId, id, modelVersion);
    this.logger.log(
      `org ${orgId}: ${count} applications queued for re-scoring with model ${modelVersion}`,
    );
    return JobOutcome.Done;
  }

  private async fanOut(orgId: string, jobId: string, modelVersion?: string): Promise<number> {
    let after: string | undefined;
    let count = 0;
    for (;;) {
      const page = await this.applications.findByJob(orgId, jobId, SCORED, after, PAGE);
      for (const app of page) if (await this.screens.enqueue(app, modelVersion)) count++;
      if (page.length < PAGE) return count;
      after = String(page[page.length - 1]._id);
    }
  }
}
