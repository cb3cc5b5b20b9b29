import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OrgScopedRepository, WithId } from '../../../common/tenancy/org-scoped.repository';
import { lessThan } from '../../../infra/mongo/trusted';
import { IndexGate } from '../../compliance/index-gate';
import { DigestItem, DigestStatus } from './digest-item.schema';

export type DigestItemRecord = WithId<DigestItem>;

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

@Injectable()
export class DigestItemRepository extends OrgScopedRepository<DigestItem> {
  /** One item per application relies on the unique {orgId, jobId, applicationId} index. */
  private readonly indexes = new IndexGate(() => [this.model]);

  constructor(@InjectModel(DigestItem.name) model: Model<DigestItem>) {
    super(model, 'DIGEST.NOT_FOUND');
  }

  /**
   * Adds the application to its job's next digest, or updates its outcome while that digest
   * is still unsent. An application already mailed about is left alone.
   */
  async record(
    orgId: string,
    item: {
      jobId: string;
      applicationId: string;
      status: DigestStatus;
      label?: string;
      score?: number;
      at: Date;
    },
  ): Promise<void> {
    await this.indexes.ensure();
    const key = { jobId: item.jobId, applicationId: item.applicationId };
    const outcome = { status: item.status, label: item.label, score: item.score };
    try {
      await this.model
        .updateOne(
          this.scope(orgId, key),
          { $setOnInsert: { ...outcome, at: item.at, digestKey: null, sentAt: null } },
          { upsert: true },
        )
        .exec();
    } catch (err) {
      // Two events for one application raced to insert; the loser just updates below.
      if (!isDuplicateKey(err)) throw err;
    }
    await this.updateMany(orgId, { ...key, digestKey: null }, { $set: outcome });
  }

  /** (org, job) pairs with items that arrived before `windowEnd` and no digest yet (all orgs). */
  async pendingJobs(windowEnd: Date, limit: number): Promise<{ orgId: string; jobId: string }[]> {
    const rows = await this.model
      .find({ digestKey: null, at: lessThan(windowEnd) }, { orgId: 1, jobId: 1 })
      .limit(limit)
      .lean<{ orgId: string; jobId: string }[]>()
      .exec();
    const unique = new Map(
      rows.map((r) => [`${r.orgId}/${r.jobId}`, { orgId: r.orgId, jobId: r.jobId }]),
    );
    return [...unique.values()];
  }

  /** Claims the job's waiting items for digest `key`, then returns everything `key` holds unsent. */
  async claim(
    orgId: string,
    jobId: string,
    windowEnd: Date,
    key: string,
  ): Promise<DigestItemRecord[]> {
    await this.updateMany(
      orgId,
      { jobId, digestKey: null, at: lessThan(windowEnd) },
      { $set: { digestKey: key } },
    );
    return this.find(orgId, { jobId, digestKey: key, sentAt: null });
  }

  markSent(orgId: string, jobId: string, key: string, at: Date): Promise<number> {
    return this.updateMany(
      orgId,
      { jobId, digestKey: key, sentAt: null },
      { $set: { sentAt: at } },
    );
  }
}
