import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ROLES, type Role } from '../../../common/security/roles';

export const CLIENT_STATUSES = ['active', 'revoked'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** A portal integration: client-credentials identity of one org. The secret is only hashed. */
@Schema({ collection: 'serviceClients', timestamps: true })
export class ServiceClient {
  @Prop({ required: true, index: true }) orgId: string;
  @Prop({ required: true, unique: true }) clientId: string;
  @Prop({ required: true, maxlength: 100 }) name: string;
  @Prop({ type: [String], enum: ROLES, required: true }) roles: Role[];
  @Prop({ required: true }) secretHash: string;
  @Prop({ type: String, required: true, enum: CLIENT_STATUSES, default: 'active' })
  status: ClientStatus;
  /** Raised on revocation and role changes; tokens carrying a lower `ver` are refused. */
  @Prop({ required: true, default: 1 }) tokenVersion: number;
  @Prop({ type: Date, default: null }) revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ServiceClientSchema = SchemaFactory.createForClass(ServiceClient);
