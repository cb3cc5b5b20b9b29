import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Schema as MongooseSchema } from 'mongoose';
import type { Profile } from '../../../libs/parsing/profile.types';

export const PARSE_STATUSES = ['pending', 'parsing', 'parsed', 'needs_review', 'failed'] as const;
export type ParseStatus = (typeof PARSE_STATUSES)[number];
export type ResumeKind = 'pdf' | 'docx' | 'txt';

@Schema({ collection: 'resumes', timestamps: true })
export class Resume {
  @Prop({ required: true }) orgId: string;
  /** GridFS file id of the original bytes. */
  @Prop({ required: true }) fileId: string;
  /** Hex sha256 of the original bytes; the same bytes make the same resume within an org. */
  @Prop({ required: true }) sha256: string;
  @Prop({ required: true }) filename: string;
  @Prop({ type: String, required: true, enum: ['pdf', 'docx', 'txt'] }) kind: ResumeKind;
  @Prop({ required: true }) size: number;
  @Prop({ type: String, required: true, enum: PARSE_STATUSES, default: 'pending' })
  parseStatus: ParseStatus;
  @Prop({ type: MongooseSchema.Types.Mixed }) profile?: Profile;
  @Prop() parseError?: string;
  @Prop() parseErrorCode?: string;
  @Prop() externalCandidateId?: string;
  @Prop() source?: string;
  createdAt: Date;
  updatedAt: Date;
}

export type ResumeDocument = HydratedDocument<Resume>;
export const ResumeSchema = SchemaFactory.createForClass(Resume);
ResumeSchema.index({ orgId: 1, sha256: 1 }, { unique: true });
