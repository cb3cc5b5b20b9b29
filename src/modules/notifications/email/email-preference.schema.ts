import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One person's e-mail settings; created on first mail (or first preferences call). */
@Schema({ collection: 'emailPreferences', timestamps: true })
export class EmailPreference {
  @Prop({ required: true }) orgId: string;
  /** The principal's `sub` (an SSO user's id). */
  @Prop({ required: true }) userId: string;
  @Prop({ required: true, default: true }) digests: boolean;
  /** 256-bit random capability in every digest's unsubscribe link; works without signing in. */
  @Prop({ required: true }) unsubscribeToken: string;
  createdAt: Date;
  updatedAt: Date;
}

export const EmailPreferenceSchema = SchemaFactory.createForClass(EmailPreference);
EmailPreferenceSchema.index({ orgId: 1, userId: 1 }, { unique: true });
EmailPreferenceSchema.index({ unsubscribeToken: 1 }, { unique: true });
