import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { USER_ROLES, type UserRole } from '../../../common/security/roles';

/** A person who signed in through their org's IdP; roles are re-derived at every login. */
@Schema({ collection: 'users', timestamps: true })
export class SsoUser {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) issuer: string;
  /** The IdP's `sub`. */
  @Prop({ required: true }) subject: string;
  @Prop({ required: true }) email: string;
  @Prop({ type: [String], enum: USER_ROLES, required: true }) roles: UserRole[];
  @Prop({ required: true }) lastLoginAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const SsoUserSchema = SchemaFactory.createForClass(SsoUser);
SsoUserSchema.index({ orgId: 1, issuer: 1, subject: 1 }, { unique: true });
