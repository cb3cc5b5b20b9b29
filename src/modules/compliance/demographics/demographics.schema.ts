import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { RaceAnswer, SexAnswer } from '../../../../libs/fairness';

export const DEMOGRAPHICS_COLLECTION = 'demographics';

/**
 * Voluntary self-identification, one per application, kept apart from resumes and applications.
 * Only the impact report, data-subject export and erasure read it; scoring never does
 * (test/compliance/demographics-isolation proves the screening code cannot reach it).
 */
@Schema({ collection: DEMOGRAPHICS_COLLECTION, versionKey: false })
export class SelfIdentification {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) applicationId: string;
  @Prop({ required: true }) resumeId: string;
  @Prop({ required: true }) jobId: string;
  @Prop({ type: String, required: true }) sex: SexAnswer;
  @Prop({ type: [String], required: true }) raceEthnicity: RaceAnswer[];
  @Prop({ required: true }) submittedAt: Date;
}

export const SelfIdentificationSchema = SchemaFactory.createForClass(SelfIdentification);
SelfIdentificationSchema.index({ orgId: 1, applicationId: 1 }, { unique: true });
SelfIdentificationSchema.index({ orgId: 1, jobId: 1 });
SelfIdentificationSchema.index({ orgId: 1, resumeId: 1 });
