import { Injectable } from '@nestjs/common';
import { ApplicationRepository } from '../applications/application.repository';
import { decodeCursor, encodeCursor } from '../applications/shortlist.query';
import { JobCache } from '../jobs/job-cache';
import { JobsService } from '../jobs/jobs.service';
import { ShortlistPage, ShortlistQuery, toShortlistItem } from './shortlist.dto';

/** The ranked list of a job's applications: score descending, then id; cached per job generation. */
@Injectable()
export class ShortlistService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly jobs: JobsService,
    private readonly cache: JobCache,
  ) {}

  async list(orgId: string, jobId: string, q: ShortlistQuery): Promise<ShortlistPage> {
    await this.jobs.get(orgId, jobId); // 404 for unknown or foreign jobs
    const limit = q.limit ?? 20;
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const part = JSON.stringify([
      q.status,
      q.label,
      q.minScore,
      q.skill,
      q.decision,
      q.cursor ?? '',
      limit,
    ]);
    return this.cache.read('shortlist', 'job', orgId, jobId, part, async () => {
      const rows = await this.applications.page(orgId, jobId, q, after, limit);
      const items = rows.slice(0, limit).map(toShortlistItem);
      const last = rows.length > limit ? rows[limit - 1] : undefined;
      return {
        items,
        nextCursor: last
          ? encodeCursor({ s: last.score ?? null, id: String(last._id) })
          : undefined,
      };
    });
  }
}
