import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';

export const APPLICATION_STATUSES = [
  'received',
  'queued',
  'parsing',
  'parsed',
  'screening',
  'screened',
  'needs_review',
  'failed',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

@Schema({ _id: false })
export class StatusChange {
  @Prop({ type: String, required: true, enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @Prop({ required: true }) at: Date;
  @Prop() reason?: string;
}

export const DECISIONS = ['advance', 'reject', 'hold'] as const;
export type DecisionValue = (typeof DECISIONS)[number];

@Schema({ _id: false })
export class Decision {
  @Prop({ type: String, required: true, enum: DECISIONS }) value: DecisionValue;
  @Prop() reason?: string;
  @Prop({ required: true }) actor: string;
  @Prop({ required: true }) at: Date;
  /** The score and model the person saw when deciding. */
  @Prop() score?: number;
  @Prop() label?: string;
  @Prop() modelVersion?: string;
  @Prop() jobRevision?: number;
}

@Schema({ collection: 'applications', timestamps: true })
export class Application {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) jobId: string;
  @Prop({ required: true }) resumeId: string;
  @Prop({ type: String, required: true, enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  /** When the status last changed; the outbox sweeper re-enqueues work stuck past a deadline. */
  @Prop({ required: true }) statusAt: Date;
  @Prop({ type: [StatusChange], default: [] }) timeline: StatusChange[];
  @Prop() score?: number;
  @Prop() label?: string;
  @Prop({ type: MongooseSchema.Types.Mixed }) explanation?: unknown;
  @Prop() modelVersion?: string;
  @Prop() modelSha256?: string;
  @Prop() jobRevision?: number;
  @Prop() failureReason?: string;
  /** The scoring run that owns the current `screening` state (see claimScreening). */
  @Prop() screeningRun?: string;
  /** Incremented by each manual retry so the retried queue job gets a fresh deterministic id. */
  @Prop({ default: 0 }) retries: number;
  @Prop() externalCandidateId?: string;
  @Prop() source?: string;
  @Prop({ type: Object }) consent?: Record<string, boolean>;
  @Prop({ default: false }) optOutAutomated: boolean;
  /** Canonical skills of the resume, copied at screening time for the shortlist's skill filter. */
  @Prop({ type: [String], default: undefined }) skills?: string[];
  /** The top reasons, copied from the explanation for list views. */
  @Prop({ type: [String], default: undefined }) topReasons?: string[];
  /** The current decision; `decisions` keeps every one, oldest first. */
  @Prop({ type: Decision }) decision?: Decision;
  @Prop({ type: [Decision], default: [] }) decisions: Decision[];
  /** Shadow mode: a candidate model's score for the same input, for promotion reports only. */
  @Prop({ type: Object }) shadow?: {
    version: string;
    score: number;
    label: string;
    jobRevision: number;
    at: Date;
  };
  createdAt: Date;
  updatedAt: Date;
}

export type ApplicationDocument = HydratedDocument<Application>;
export const ApplicationSchema = SchemaFactory.createForClass(Application);
// The shortlist: score descending, ties broken by id, so cursors stay stable.
ApplicationSchema.index({ orgId: 1, jobId: 1, score: -1, _id: 1 });
ApplicationSchema.index({ jobId: 1, resumeId: 1 }, { unique: true });
ApplicationSchema.index({ status: 1, statusAt: 1 });
ApplicationSchema.index({ orgId: 1, resumeId: 1 });
