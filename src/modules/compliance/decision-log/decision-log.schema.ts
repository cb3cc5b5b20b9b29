import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ReasonSummary } from './decision-chain';

export const DECISION_LOG_COLLECTION = 'decisionLog';
export const DECISION_LOG_HEADS_COLLECTION = 'decisionLogHeads';

@Schema({ _id: false })
class LogActor {
  @Prop({ required: true }) sub: string;
  @Prop({ required: true }) kind: string;
}

/**
 * One hash-chained entry (see decision-chain.ts for what the hash covers). Append-only: the
 * model refuses every update and delete. The only two writes after insert are retention
 * (whole entries older than DECISION_LOG_RETENTION_DAYS) and erasure (personal text replaced by
 * the hash already in the entry); both go through DecisionLogMaintenance on the raw collection.
 */
@Schema({ collection: DECISION_LOG_COLLECTION, versionKey: false })
export class DecisionLogEntry {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) seq: number;
  @Prop({ required: true }) prevHash: string;
  @Prop({ required: true }) hash: string;
  @Prop({ required: true }) at: Date;
  @Prop({ type: LogActor, required: true }) actor: { sub: string; kind: string };
  @Prop({ required: true }) action: string;
  @Prop({ type: String, default: null }) applicationId: string | null;
  @Prop({ type: String, default: null }) jobId: string | null;
  @Prop({ type: Number, default: null }) jobRevision: number | null;
  @Prop({ type: String, default: null }) inputSha256: string | null;
  @Prop({ type: String, default: null }) modelVersion: string | null;
  @Prop({ type: String, default: null }) modelSha256: string | null;
  @Prop({ type: Number, default: null }) score: number | null;
  @Prop({ type: String, default: null }) label: string | null;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) contributions: {
    feature: string;
    points: number;
  }[];
  @Prop({ type: [MongooseSchema.Types.Mixed], default: null }) explanation: ReasonSummary[] | null;
  @Prop({ type: String, default: null }) explanationSha256: string | null;
  @Prop({ type: String, default: null }) decision: string | null;
  @Prop({ type: String, default: null }) reason: string | null;
  @Prop({ type: String, default: null }) reasonSha256: string | null;
  @Prop({ type: String, default: null }) requestId: string | null;
  @Prop({ type: Date, default: null }) erasedAt: Date | null;
}

export const DecisionLogEntrySchema = SchemaFactory.createForClass(DecisionLogEntry);
// The chain's order and the guard against two writers taking the same place.
DecisionLogEntrySchema.index({ orgId: 1, seq: 1 }, { unique: true });
DecisionLogEntrySchema.index({ orgId: 1, applicationId: 1 });

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
  DecisionLogEntrySchema.pre(op, function refuse() {
    throw new Error(`decisionLog is append-only: ${op} is not allowed`);
  });
}

/**
 * Per-org pointer to the latest entry, so an append reads one document instead of sorting the
 * log (FerretDB sorts in memory). It may lag the log after a crash, never lead it; `anchor*`
 * is where verification starts once retention has removed the oldest entries.
 */
@Schema({ collection: DECISION_LOG_HEADS_COLLECTION, versionKey: false })
export class DecisionLogHead {
  @Prop({ required: true, unique: true }) orgId: string;
  @Prop({ required: true, default: 0 }) seq: number;
  @Prop({ required: true }) hash: string;
  @Prop({ required: true, default: 0 }) anchorSeq: number;
  @Prop({ required: true }) anchorHash: string;
}

export const DecisionLogHeadSchema = SchemaFactory.createForClass(DecisionLogHead);
