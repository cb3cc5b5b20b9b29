import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { Profile } from '../../../libs/parsing/profile.types';
import { ParseStatus, Resume } from './resume.schema';

export type ResumeRecord = Resume & { _id: Types.ObjectId };

const isId = (id: string) => Types.ObjectId.isValid(id) && String(new Types.ObjectId(id)) === id;

@Injectable()
export class ResumeRepository {
  constructor(@InjectModel(Resume.name) private readonly model: Model<Resume>) {}

  async findById(orgId: string, id: string): Promise<ResumeRecord | null> {
    if (!isId(id)) return null;
    return this.model.findOne({ _id: id, orgId }).lean<ResumeRecord>().exec();
  }

  async findBySha(orgId: string, sha256: string): Promise<ResumeRecord | null> {
    return this.model.findOne({ orgId, sha256 }).lean<ResumeRecord>().exec();
  }

  /** Inserts, or returns the existing resume when the same bytes raced in (unique orgId+sha256). */
  async insertOrGet(data: Omit<Resume, 'createdAt' | 'updatedAt' | 'parseStatus'>): Promise<{
    resume: ResumeRecord;
    created: boolean;
  }> {
    try {
      const doc = await this.model.create({ ...data, parseStatus: 'pending' });
      return { resume: doc.toObject() as ResumeRecord, created: true };
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
      const existing = await this.findBySha(data.orgId, data.sha256);
      if (!existing) throw err;
      return { resume: existing, created: false };
    }
  }

  async setParseStatus(
    orgId: string,
    id: string,
    status: ParseStatus,
    extra: { profile?: Profile; parseError?: string; parseErrorCode?: string } = {},
  ): Promise<void> {
    await this.model
      .updateOne({ _id: id, orgId }, { $set: { parseStatus: status, ...extra } })
      .exec();
  }
}
