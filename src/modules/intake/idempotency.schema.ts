import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** A remembered response for an `Idempotency-Key`, per org. */
@Schema({ collection: 'idempotencyKeys', timestamps: { createdAt: true, updatedAt: false } })
export class IdempotencyKey {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) key: string;
  /** sha256 of the request (route, params, fields and file hashes). */
  @Prop({ required: true }) fingerprint: string;
  @Prop({ required: true }) status: number;
  @Prop({ type: MongooseSchema.Types.Mixed, required: true }) body: unknown;
  createdAt: Date;
}

export const IdempotencyKeySchema = SchemaFactory.createForClass(IdempotencyKey);
IdempotencyKeySchema.index({ orgId: 1, key: 1 }, { unique: true });
