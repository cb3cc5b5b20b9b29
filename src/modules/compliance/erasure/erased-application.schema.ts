import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const ERASED_APPLICATIONS_COLLECTION = 'erasedApplications';

/**
 * What is left of an application after its candidate is erased: outcome counts for adverse-impact
 * reports, and nothing that identifies the person (no resume, profile, explanation, free text
 * or demographic answer). In reports these count as applicants of unknown category.
 */
@Schema({ collection: ERASED_APPLICATIONS_COLLECTION, versionKey: false })
export class ErasedApplication {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) jobId: string;
  @Prop({ required: true }) applicationId: string;
  /** When the application was received (reports filter on it). */
  @Prop({ required: true }) createdAt: Date;
  @Prop({ required: true }) erasedAt: Date;
  @Prop({ required: true }) status: string;
  @Prop({ type: Number, default: null }) score: number | null;
  @Prop({ type: String, default: null }) label: string | null;
  @Prop({ type: String, default: null }) modelVersion: string | null;
  @Prop({ type: String, default: null }) decision: string | null;
}

export const ErasedApplicationSchema = SchemaFactory.createForClass(ErasedApplication);
ErasedApplicationSchema.index({ orgId: 1, applicationId: 1 }, { unique: true });
ErasedApplicationSchema.index({ orgId: 1, jobId: 1, createdAt: 1 });
