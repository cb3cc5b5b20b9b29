import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { AppConfig } from '../../../config/app-config';
import { lessThan, trustedExpr } from '../../../infra/mongo/trusted';
import { Application } from '../../applications/application.schema';
import { auditFrom, AuditService } from '../../audit/audit.service';
import { IdempotencyKey } from '../../intake/idempotency.schema';
import type { ResumeRecord } from '../../resumes/resume.repository';
import { Resume } from '../../resumes/resume.schema';
import { DecisionLogMaintenance } from '../decision-log/decision-log.maintenance';
import { CandidateLocator } from '../erasure/candidate-locator';
import { ErasureService } from '../erasure/erasure.service';
import { IndexGate } from '../index-gate';
import { RetentionSettings } from './retention-settings.schema';
import { RetentionRun, RetentionSettingsView } from './retention.dto';

const DAY_MS = 24 * 3600 * 1000;
const PAGE = 100;
/** Bounds one run; the next run continues where this one stopped. */
const MAX_ERASED_PER_RUN = 1000;

/**
 * Retention: resumes past their org's retention period go through the same erasure as a
 * candidate's request; decision-log entries past DECISION_LOG_RETENTION_DAYS and idempotency
 * keys past IDEMPOTENCY_RETENTION_HOURS are removed. Takes `now` so tests can move the clock.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);
  private readonly indexes = new IndexGate(() => [this.settings]);

  constructor(
    private readonly config: AppConfig,
    @InjectModel(RetentionSettings.name) private readonly settings: Model<RetentionSettings>,
    @InjectModel(Resume.name) private readonly resumes: Model<Resume>,
    @InjectModel(Application.name) private readonly applications: Model<Application>,
    @InjectModel(IdempotencyKey.name) private readonly idempotency: Model<IdempotencyKey>,
    private readonly locator: CandidateLocator,
    private readonly erasure: ErasureService,
    private readonly decisionLog: DecisionLogMaintenance,
    private readonly audit: AuditService,
  ) {}

  async get(orgId: string): Promise<RetentionSettingsView> {
    const s = await this.settings.findOne({ orgId }).lean().exec();
    return {
      resumeRetentionDays: s?.resumeRetentionDays ?? this.config.RETENTION_DEFAULT_DAYS,
      isDefault: !s,
      decisionLogRetentionDays: this.config.DECISION_LOG_RETENTION_DAYS,
    };
  }

  async set(ctx: OrgContext, days: number): Promise<RetentionSettingsView> {
    await this.indexes.ensure();
    const update = { resumeRetentionDays: days, updatedAt: new Date(), updatedBy: ctx.actor.sub };
    await this.settings.updateOne({ orgId: ctx.orgId }, { $set: update }, { upsert: true }).exec();
    await this.audit.record({
      action: 'retention.updated',
      ...auditFrom(ctx),
      details: { resumeRetentionDays: days },
    });
    return this.get(ctx.orgId);
  }

  async run(now: Date): Promise<RetentionRun> {
    const out: RetentionRun = {
      at: now,
      resumesErased: 0,
      certificates: [],
      decisionLogEntriesPruned: 0,
      idempotencyKeysDeleted: 0,
    };
    for (const orgId of await this.orgsWithOldResumes(now)) {
      if (out.resumesErased >= MAX_ERASED_PER_RUN) break;
      await this.purgeOrg(orgId, now, out);
    }
    const logCutoff = new Date(now.getTime() - this.config.DECISION_LOG_RETENTION_DAYS * DAY_MS);
    for (const orgId of await this.decisionLog.orgIds())
      out.decisionLogEntriesPruned += await this.decisionLog.prune(orgId, logCutoff);
    const keyCutoff = new Date(
      now.getTime() - this.config.IDEMPOTENCY_RETENTION_HOURS * 3600 * 1000,
    );
    out.idempotencyKeysDeleted = (
      await this.idempotency.deleteMany({ createdAt: lessThan(keyCutoff) }).exec()
    ).deletedCount;
    if (out.resumesErased || out.decisionLogEntriesPruned) {
      this.logger.log(
        `retention: ${out.resumesErased} resumes erased, ${out.decisionLogEntriesPruned} decision-log entries pruned`,
      );
    }
    return out;
  }

  /** Orgs holding a resume older than the shortest retention period in force. */
  private async orgsWithOldResumes(now: Date): Promise<string[]> {
    const custom = await this.settings.find({}, { resumeRetentionDays: 1 }).lean().exec();
    const shortest = Math.min(
      this.config.RETENTION_DEFAULT_DAYS,
      ...custom.map((s) => s.resumeRetentionDays),
    );
    const cutoff = new Date(now.getTime() - shortest * DAY_MS);
    return (await this.resumes.distinct('orgId', { createdAt: lessThan(cutoff) }).exec()).map(
      String,
    );
  }

  private async purgeOrg(orgId: string, now: Date, out: RetentionRun): Promise<void> {
    const { resumeRetentionDays } = await this.get(orgId);
    const cutoff = new Date(now.getTime() - resumeRetentionDays * DAY_MS);
    let after: Types.ObjectId | undefined;
    for (;;) {
      const filter: Record<string, unknown> = { orgId, createdAt: lessThan(cutoff) };
      if (after) filter._id = trustedExpr({ $gt: after });
      const page = await this.resumes
        .find(filter)
        .sort({ _id: 1 })
        .limit(PAGE)
        .lean<ResumeRecord[]>()
        .exec();
      for (const resume of page) {
        if (out.resumesErased >= MAX_ERASED_PER_RUN) return;
        // A resume that applied again recently is still in use.
        if (
          await this.applications.exists({
            orgId,
            resumeId: String(resume._id),
            createdAt: trustedExpr({ $gte: cutoff }),
          })
        )
          continue;
        const subject = await this.locator.subjectOf(orgId, [resume]);
        const cert = await this.erasure.erase(
          subject,
          { orgId, actor: { sub: 'retention', kind: 'system' } },
          'retention',
        );
        out.resumesErased++;
        out.certificates.push(cert.certificateId);
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]._id;
    }
  }
}
