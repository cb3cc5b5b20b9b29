import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { inList } from '../../../infra/mongo/trusted';
import { IndexGate } from '../index-gate';
import { SelfIdentification } from './demographics.schema';

const BATCH = 1000;

@Injectable()
export class DemographicsRepository {
  private readonly indexes = new IndexGate(() => [this.model]);

  constructor(
    @InjectModel(SelfIdentification.name) private readonly model: Model<SelfIdentification>,
  ) {}

  /** The latest answer wins: a candidate may correct or withdraw (declined) what they sent. */
  async upsert(data: SelfIdentification): Promise<void> {
    await this.indexes.ensure();
    const { orgId, applicationId, ...rest } = data;
    const write = () =>
      this.model.updateOne({ orgId, applicationId }, { $set: rest }, { upsert: true }).exec();
    try {
      await write();
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      await write(); // a concurrent first insert won; now it is an update
    }
  }

  async findByApplication(
    orgId: string,
    applicationId: string,
  ): Promise<SelfIdentification | null> {
    return this.model
      .findOne({ orgId, applicationId }, { _id: 0 })
      .lean<SelfIdentification>()
      .exec();
  }

  /** Answers for many applications, fetched in batches (no $lookup on FerretDB). */
  async findByApplications(
    orgId: string,
    applicationIds: readonly string[],
  ): Promise<Map<string, SelfIdentification>> {
    const out = new Map<string, SelfIdentification>();
    for (let i = 0; i < applicationIds.length; i += BATCH) {
      const ids = applicationIds.slice(i, i + BATCH);
      const docs = await this.model
        .find({ orgId, applicationId: inList(ids) }, { _id: 0 })
        .lean<SelfIdentification[]>()
        .exec();
      for (const d of docs) out.set(d.applicationId, d);
    }
    return out;
  }

  async findByResumes(orgId: string, resumeIds: readonly string[]): Promise<SelfIdentification[]> {
    if (!resumeIds.length) return [];
    return this.model
      .find({ orgId, resumeId: inList(resumeIds) }, { _id: 0 })
      .lean<SelfIdentification[]>()
      .exec();
  }

  /** Erasure: every answer tied to these resumes or applications. */
  async deleteFor(
    orgId: string,
    resumeIds: readonly string[],
    applicationIds: readonly string[],
  ): Promise<number> {
    const a = await this.model.deleteMany({ orgId, resumeId: inList(resumeIds) }).exec();
    const b = applicationIds.length
      ? await this.model.deleteMany({ orgId, applicationId: inList(applicationIds) }).exec()
      : { deletedCount: 0 };
    return a.deletedCount + b.deletedCount;
  }
}
