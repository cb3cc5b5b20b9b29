import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { Profile } from '../../../libs/parsing/profile.types';
import { ParseStatus, Resume } from './resume.schema';
import { findInOrg } from '../../infra/mongo/find-in-org';

export type ResumeRecord = Resume & { _id: Types.ObjectId };

/**
 * The driver stores `undefined` fields of the Mixed profile as `null`; the Profile type (and the
 * pure libraries reading it) mean "absent" by undefined, so nulls are dropped on the way out.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (
    value &&
    typeof value === 'object' &&
    !(value instanceof Date) &&
    !(value instanceof Types.ObjectId)
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
    return out as T;
  }
  return value;
}

const clean = (r: ResumeRecord | null): ResumeRecord | null =>
  r && r.profile ? { ...r, profile: withoutNulls(r.profile) } : r;

@Injectable()
export class ResumeRepository {
  constructor(@InjectModel(Resume.name) private readonly model: Model<Resume>) {}

  async findById(orgId: string, id: string): Promise<ResumeRecord | null> {
    return clean(await findInOrg<Resume, ResumeRecord>(this.model, orgId, id));
  }

  async findBySha(orgId: string, sha256: string): Promise<ResumeRecord | null> {
    return clean(await this.model.findOne({ orgId, sha256 }).lean<ResumeRecord>().exec());
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
