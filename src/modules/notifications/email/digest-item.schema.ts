import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const DIGEST_STATUSES = ['screened', 'needs_review', 'failed'] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];

/**
 * One application waiting for (or counted in) its job's e-mail digest. Keyed by application,
 * so a re-screen never counts it as new again. Ids, label and score only: no candidate data.
 */
@Schema({ collection: 'notificationDigestItems', versionKey: false })
export class DigestItem {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) jobId: string;
  @Prop({ required: true }) applicationId: string;
  @Prop({ type: String, enum: DIGEST_STATUSES, required: true }) status: DigestStatus;
  @Prop() label?: string;
  @Prop() score?: number;
  /** When the first event for this application arrived; windows are cut on it. */
  @Prop({ required: true }) at: Date;
  /** The digest job that claimed it (null while waiting). */
  @Prop({ type: String, default: null }) digestKey: string | null;
  @Prop({ type: Date, default: null }) sentAt: Date | null;
}

export const DigestItemSchema = SchemaFactory.createForClass(DigestItem);
DigestItemSchema.index({ orgId: 1, jobId: 1, applicationId: 1 }, { unique: true });
DigestItemSchema.index({ digestKey: 1, at: 1 });
