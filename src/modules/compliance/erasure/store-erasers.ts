import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { inList } from '../../../infra/mongo/trusted';
import { FileStorage } from '../../../infra/storage/file-storage';
import { Application } from '../../applications/application.schema';
import { Resume } from '../../resumes/resume.schema';
import { DecisionLogMaintenance } from '../decision-log/decision-log.maintenance';
import { DemographicsRepository } from '../demographics/demographics.repository';
import { IndexGate } from '../index-gate';
import { ErasedApplication } from './erased-application.schema';
import type { ErasureItem, ErasureSubject } from './erasure.types';
import { hashPersonalData } from './pii-hash';

/** auditEvents belongs to the audit module, whose model refuses updates; see `hashAuditEvents`. */
const AUDIT_EVENTS = 'auditEvents';
const IDEMPOTENCY_KEYS = 'idempotencyKeys';

/** The MongoDB side of erasure, one method per store; each is idempotent, so a retry completes. */
@Injectable()
export class StoreErasers {
  private readonly indexes = new IndexGate(() => [this.erased]);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(Resume.name) private readonly resumes: Model<Resume>,
    @InjectModel(Application.name) private readonly applications: Model<Application>,
    @InjectModel(ErasedApplication.name) private readonly erased: Model<ErasedApplication>,
    private readonly files: FileStorage,
    private readonly demographics: DemographicsRepository,
    private readonly decisionLog: DecisionLogMaintenance,
  ) {}

  async demographicsOf(s: ErasureSubject): Promise<ErasureItem> {
    return {
      store: 'demographics',
      action: 'deleted',
      count: await this.demographics.deleteFor(s.orgId, s.resumeIds, s.applicationIds),
    };
  }

  async decisionLogOf(s: ErasureSubject, at: Date): Promise<ErasureItem> {
    const count = await this.decisionLog.eraseApplications(s.orgId, s.applicationIds, at);
    return {
      store: 'decisionLog',
      action: 'hashed',
      count,
      detail: 'reasons and explanation summaries removed; their sha256 stays in the chain',
    };
  }

  /**
   * The dedicated erasure path for the append-only audit trail: entries stay, but personal text
   * in `details` becomes its sha256 (pii-hash.ts). Written on the raw collection on purpose,
   * because the audit model refuses every update.
   */
  async hashAuditEvents(s: ErasureSubject, at: Date): Promise<ErasureItem> {
    const col = this.connection.collection(AUDIT_EVENTS);
    const ids = [...s.applicationIds, ...s.resumeIds];
    const events = await col
      .find({
        orgId: s.orgId,
        $or: [{ 'details.applicationId': { $in: ids } }, { 'details.resumeId': { $in: ids } }],
      })
      .toArray();
    let count = 0;
    for (const e of events) {
      const { value, changed } = hashPersonalData(e.details, s.identifiers);
      if (!changed) continue;
      await col.updateOne({ _id: e._id }, { $set: { details: value, piiErasedAt: at } });
      count++;
    }
    return { store: AUDIT_EVENTS, action: 'hashed', count };
  }

  /** Stored responses replay resume ids and filenames, so they go. */
  async idempotencyKeysOf(s: ErasureSubject): Promise<ErasureItem> {
    const res = await this.connection.collection(IDEMPOTENCY_KEYS).deleteMany({
      orgId: s.orgId,
      $or: [
        { 'body.resumeId': { $in: s.resumeIds } },
        { 'body.applicationId': { $in: s.applicationIds } },
      ],
    });
    return { store: IDEMPOTENCY_KEYS, action: 'deleted', count: res.deletedCount };
  }

  /** Outcome-only remnants first (for impact reports), then the applications themselves. */
  async applicationsOf(s: ErasureSubject, at: Date): Promise<ErasureItem> {
    await this.indexes.ensure();
    for (const a of s.applications) {
      const remnant: ErasedApplication = {
        orgId: s.orgId,
        jobId: a.jobId,
        applicationId: String(a._id),
        createdAt: a.createdAt,
        erasedAt: at,
        status: a.status,
        score: a.score ?? null,
        label: a.label ?? null,
        modelVersion: a.modelVersion ?? null,
        decision: a.decision?.value ?? null,
      };
      await this.erased
        .updateOne(
          { orgId: s.orgId, applicationId: remnant.applicationId },
          { $setOnInsert: remnant },
          { upsert: true },
        )
        .exec();
    }
    const res = await this.applications
      .deleteMany({ orgId: s.orgId, resumeId: inList(s.resumeIds) })
      .exec();
    return {
      store: 'applications',
      action: 'deleted',
      count: res.deletedCount,
      detail: 'outcome counts kept without personal data in erasedApplications',
    };
  }

  /** The original files (GridFS files and chunks), then the resumes with their profiles. */
  async resumesOf(s: ErasureSubject): Promise<ErasureItem[]> {
    for (const r of s.resumes) await this.files.delete(r.fileId);
    const res = await this.resumes.deleteMany({ orgId: s.orgId, _id: inList(s.resumeIds) }).exec();
    return [
      { store: 'gridfs:resumes', action: 'deleted', count: s.resumes.length },
      {
        store: 'resumes',
        action: 'deleted',
        count: res.deletedCount,
        detail: 'parsed profiles included',
      },
    ];
  }
}
