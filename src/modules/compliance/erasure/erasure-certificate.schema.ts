import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import type { ErasureItem } from './erasure.types';

export const ERASURE_CERTIFICATES_COLLECTION = 'erasureCertificates';

/**
 * Proof that an erasure happened: what was removed and when, with no personal data. The subject
 * appears only as the opaque resume and application ids the portal already holds; no e-mail,
 * name or file hash is kept, not even hashed (an e-mail's hash can be guessed back).
 */
@Schema({ collection: ERASURE_CERTIFICATES_COLLECTION, versionKey: false })
export class ErasureCertificate {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) certificateId: string;
  @Prop({ type: String, required: true, enum: ['request', 'retention'] }) trigger:
    'request' | 'retention';
  @Prop({ type: Object, required: true }) requestedBy: { sub: string; kind: string };
  @Prop({ required: true }) erasedAt: Date;
  @Prop({ type: [String], default: [] }) resumeIds: string[];
  @Prop({ type: [String], default: [] }) applicationIds: string[];
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) items: ErasureItem[];
  /** Kept on purpose, with the legal basis (GDPR Art. 17(3)). */
  @Prop({ type: [String], default: [] }) retained: string[];
}

export const ErasureCertificateSchema = SchemaFactory.createForClass(ErasureCertificate);
ErasureCertificateSchema.index({ orgId: 1, certificateId: 1 }, { unique: true });
ErasureCertificateSchema.index({ orgId: 1, resumeIds: 1 });
