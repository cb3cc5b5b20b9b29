import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ActorKind, OrgContext } from '../../common/tenancy/org-context';
import { AuditEvent } from './audit-event.schema';

export interface AuditEventInput {
  action: string;
  orgId: string | null;
  actor?: { sub: string; kind: ActorKind } | null;
  ip?: string | null;
  requestId?: string | null;
  details?: Record<string, unknown>;
}

/** The fields of an audit event that come from the acting context. */
export const auditFrom = (ctx: OrgContext) => ({
  orgId: ctx.orgId,
  actor: ctx.actor,
  ip: ctx.ip ?? null,
  requestId: ctx.requestId ?? null,
});

/** Writes to the append-only `auditEvents` collection. There is deliberately no update or delete. */
@Injectable()
export class AuditService {
  constructor(@InjectModel(AuditEvent.name) private readonly model: Model<AuditEvent>) {}

  async record(event: AuditEventInput): Promise<void> {
    await this.model.create({
      orgId: event.orgId,
      action: event.action,
      actor: event.actor ?? null,
      ip: event.ip ?? null,
      requestId: event.requestId ?? null,
      at: new Date(),
      details: event.details ?? {},
    });
  }
}
