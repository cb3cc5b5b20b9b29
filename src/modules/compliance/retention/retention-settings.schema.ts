import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Per-org retention; orgs without a document use RETENTION_DEFAULT_DAYS. */
@Schema({ collection: 'retentionSettings', versionKey: false })
export class RetentionSettings {
  @Prop({ required: true, unique: true }) orgId: string;
  /** Days after which a resume with no newer application is erased. */
  @Prop({ required: true }) resumeRetentionDays: number;
  @Prop({ required: true }) updatedAt: Date;
  @Prop({ required: true }) updatedBy: string;
}

export const RetentionSettingsSchema = SchemaFactory.createForClass(RetentionSettings);
