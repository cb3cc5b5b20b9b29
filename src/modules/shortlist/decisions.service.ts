import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../libs/common/errors';
import type { OrgContext } from '../../common/tenancy/org-context';
import { ApplicationRecord, ApplicationRepository } from '../applications/application.repository';
import { ApplicationStatus, DecisionValue } from '../applications/application.schema';
import { auditFrom, AuditService } from '../audit/audit.service';
import { DecisionLogService } from '../compliance/decision-log/decision-log.service';
import { JobCache } from '../jobs/job-cache';
import { EventPublisher } from '../notifications/event-publisher';

/** A person may decide once the pipeline is done with the application (scored or routed to review). */
const DECIDABLE: ApplicationStatus[] = ['screened', 'needs_review', 'failed'];

/** Whether the decision goes against what the model suggested, which demands a reason. */
export function againstModel(decision: DecisionValue, label?: string): boolean {
  return (
    (decision === 'advance' && label === 'weak_fit') ||
    (decision !== 'advance' && label === 'strong_fit')
  );
}

export function reasonRequired(decision: DecisionValue, label?: string): boolean {
  return decision === 'reject' || againstModel(decision, label);
}

/** Human decisions: validated, recorded on the application, and audited. Never automatic. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly audit: AuditService,
    private readonly cache: JobCache,
    private readonly events: EventPublisher,
    private readonly decisionLog: DecisionLogService,
  ) {}

  async decide(
    ctx: OrgContext,
    id: string,
    decision: DecisionValue,
    reason?: string,
  ): Promise<ApplicationRecord> {
    const app = await this.applications.findById(ctx.orgId, id);
    if (!app) throw new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found');
    if (!DECIDABLE.includes(app.status)) {
      throw new DomainError(
        'DECISION.NOT_READY',
        `The application is ${app.status}; decide once it is screened or routed to review.`,
        'conflict',
        { status: app.status },
      );
    }
    if (reasonRequired(decision, app.label) && !reason?.trim()) {
      throw new DomainError(
        'DECISION.REASON_REQUIRED',
        decision === 'reject'
          ? 'A reason is required to reject.'
          : `A reason is required to ${decision} against the model's label (${app.label}).`,
        'validation',
      );
    }
    const record = {
      value: decision,
      reason: reason?.trim(),
      actor: ctx.actor.sub,
      at: new Date(),
      score: app.score,
      label: app.label,
      modelVersion: app.modelVersion,
      jobRevision: app.jobRevision,
    };
    const updated = await this.applications.decide(ctx.orgId, id, record, DECIDABLE);
    if (!updated)
      throw new DomainError(
        'DECISION.CONFLICT',
        'The application changed; reload and decide again.',
        'conflict',
      );
    await this.audit.record({
      action: 'decision.recorded',
      ...auditFrom(ctx),
      details: { applicationId: id, jobId: app.jobId, ...record, actor: undefined, at: undefined },
    });
    await this.decisionLog.recordDecision(ctx, app, record);
    await this.cache.invalidateJob(ctx.orgId, app.jobId);
    await this.events.publish({
      type: 'decision.recorded',
      orgId: ctx.orgId,
      id: `decision.recorded:${id}:${record.at.getTime()}`,
      time: record.at,
      subject: `/applications/${id}`,
      data: {
        applicationId: id,
        jobId: app.jobId,
        decision,
        score: app.score,
        label: app.label,
        links: { application: `/applications/${id}` },
      },
    });
    return updated;
  }
}
