import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorKind } from '../../common/tenancy/org-context';

@Schema({ _id: false })
export class AuditActor {
  @Prop({ required: true }) sub: string;
  @Prop({ required: true }) kind: string;
}

/**
 * One append-only audit record. Security events use `action` names like `auth.token_issued`;
 * `orgId` is null only when the org could not be determined (e.g. an unknown client_id).
 */
@Schema({ collection: 'auditEvents', versionKey: false })
export class AuditEvent {
  @Prop({ type: String, default: null, index: true }) orgId: string | null;
  @Prop({ required: true }) action: string;
  @Prop({ type: AuditActor, default: null }) actor: { sub: string; kind: ActorKind } | null;
  @Prop({ type: String, default: null }) ip: string | null;
  @Prop({ type: String, default: null }) requestId: string | null;
  @Prop({ required: true }) at: Date;
  @Prop({ type: Object, default: {} }) details: Record<string, unknown>;
}

export const AuditEventSchema = SchemaFactory.createForClass(AuditEvent);
AuditEventSchema.index({ orgId: 1, at: -1 });

// Defence in depth for "append-only": model-level writes other than inserts fail loudly.
const MUTATIONS = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;
for (const op of MUTATIONS) {
  AuditEventSchema.pre(op, function refuse() {
    throw new Error(`auditEvents is append-only: ${op} is not allowed`);
  });
}
