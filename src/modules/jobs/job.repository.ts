import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { inList, trustedExpr } from '../../infra/mongo/trusted';
import { Job, JobStatus } from './job.schema';
import { findInOrg, isObjectIdString } from '../../infra/mongo/find-in-org';

export type JobRecord = Job & { _id: Types.ObjectId };

@Injectable()
export class JobRepository {
  constructor(@InjectModel(Job.name) private readonly model: Model<Job>) {}

  async create(data: Omit<Job, 'createdAt' | 'updatedAt' | 'revision'>): Promise<JobRecord> {
    const doc = await this.model.create({ ...data, revision: 1 });
    return doc.toObject() as JobRecord;
  }

  async findById(orgId: string, id: string): Promise<JobRecord | null> {
    return findInOrg<Job, JobRecord>(this.model, orgId, id);
  }

  /** Newest first, `_id` as the cursor (ids grow with creation time). */
  async list(
    orgId: string,
    status: JobStatus[] | undefined,
    beforeId: string | undefined,
    limit: number,
  ) {
    const filter: Record<string, unknown> = { orgId };
    if (status?.length) filter.status = inList(status);
    if (beforeId) filter._id = trustedExpr({ $lt: new Types.ObjectId(beforeId) });
    return this.model
      .find(filter)
      .sort({ _id: -1 })
      .limit(limit + 1)
      .lean<JobRecord[]>()
      .exec();
  }

  /** Applies `set` (and bumps the revision when `bump`); returns the updated job. */
  async update(orgId: string, id: string, set: Partial<Job>, bump: boolean, from?: JobStatus[]) {
    if (!isObjectIdString(id)) return null;
    const filter: Record<string, unknown> = { _id: id, orgId };
    if (from) filter.status = inList(from);
    const update: Record<string, unknown> = { $set: set };
    if (bump) update.$inc = { revision: 1 };
    return this.model.findOneAndUpdate(filter, update, { new: true }).lean<JobRecord>().exec();
  }

  async idsOf(orgId: string): Promise<string[]> {
    const rows = await this.model
      .find({ orgId })
      .select({ _id: 1 })
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => String(r._id));
  }
}
