import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { inList, lessThan, trustedExpr } from '../../../infra/mongo/trusted';
import type { ChainEntry } from './decision-chain';
import { DecisionLogEntry, DecisionLogHead } from './decision-log.schema';

/**
 * The only two writes the decision log allows after an insert, both on the raw collection
 * because the model refuses them:
 * - erasure: an entry's personal text (`reason`, `explanation`) is set to null and `erasedAt`
 *   is stamped; its sha256 stays, so the chain still verifies;
 * - retention: whole entries older than the retention period go, oldest first, and the org's
 *   anchor moves to the last removed entry so verification starts there.
 */
@Injectable()
export class DecisionLogMaintenance {
  private readonly logger = new Logger(DecisionLogMaintenance.name);

  constructor(
    @InjectModel(DecisionLogEntry.name) private readonly entries: Model<DecisionLogEntry>,
    @InjectModel(DecisionLogHead.name) private readonly heads: Model<DecisionLogHead>,
  ) {}

  /** Every entry about these applications, oldest first (for data-subject access). */
  async forApplications(orgId: string, applicationIds: string[]): Promise<ChainEntry[]> {
    if (!applicationIds.length) return [];
    const found = await this.entries
      .find({ orgId, applicationId: inList(applicationIds) }, { _id: 0 })
      .lean<ChainEntry[]>()
      .exec();
    return found.sort((a, b) => a.seq - b.seq);
  }

  /** Replaces personal text by its (already stored) hash; returns how many entries changed. */
  async eraseApplications(orgId: string, applicationIds: string[], at: Date): Promise<number> {
    if (!applicationIds.length) return 0;
    const res = await this.entries.collection.updateMany(
      {
        orgId,
        applicationId: { $in: applicationIds },
        $or: [{ reason: { $ne: null } }, { explanation: { $ne: null } }],
      },
      { $set: { reason: null, explanation: null, erasedAt: at } },
    );
    return res.modifiedCount;
  }

  /**
   * Removes the org's oldest entries recorded before `cutoff`, as one contiguous prefix of the
   * chain that stops at the first newer entry. Returns how many were removed.
   */
  async prune(orgId: string, cutoff: Date): Promise<number> {
    const head = await this.heads.findOne({ orgId }).lean().exec();
    if (!head) return 0;
    const old = await this.entries
      .find(
        { orgId, seq: trustedExpr({ $gt: head.anchorSeq }), at: lessThan(cutoff) },
        { seq: 1, hash: 1 },
      )
      .lean()
      .exec();
    old.sort((a, b) => a.seq - b.seq);
    let last: { seq: number; hash: string } | undefined;
    for (const e of old) {
      if (e.seq !== (last?.seq ?? head.anchorSeq) + 1) break;
      last = e;
    }
    if (!last) return 0;
    // Anchor first: a crash after this leaves only entries that verification already skips.
    await this.heads
      .updateOne(
        { orgId, anchorSeq: lessThan(last.seq) },
        { $set: { anchorSeq: last.seq, anchorHash: last.hash } },
      )
      .exec();
    const res = await this.entries.collection.deleteMany({ orgId, seq: { $lte: last.seq } });
    this.logger.log(
      `decision log of org ${orgId}: ${res.deletedCount} entries before ${cutoff.toISOString()} removed by retention`,
    );
    return res.deletedCount;
  }

  /** Orgs that have a decision log. */
  async orgIds(): Promise<string[]> {
    return (await this.heads.find({}, { orgId: 1 }).lean().exec()).map((h) => h.orgId);
  }
}
