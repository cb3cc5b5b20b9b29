import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { USER_ROLES, type UserRole } from '../../../common/security/roles';

@Schema({ _id: false })
export class RoleMapping {
  /** A value of the IdP's groups claim. */
  @Prop({ required: true }) group: string;
  @Prop({ type: [String], enum: USER_ROLES, required: true }) roles: UserRole[];
}

/** One org's OpenID Connect settings for admin/user sign-in. */
@Schema({ collection: 'ssoConfigs', timestamps: true })
export class SsoConfig {
  @Prop({ required: true, unique: true }) orgId: string;
  @Prop({ required: true }) issuer: string;
  @Prop({ required: true }) clientId: string;
  /** Sealed with SecretBox; null for a public client (PKCE only). */
  @Prop({ type: String, default: null }) clientSecret: string | null;
  /** Lower-case e-mail domains allowed to sign in (exact match). */
  @Prop({ type: [String], required: true }) allowedDomains: string[];
  @Prop({ required: true, default: 'groups' }) groupsClaim: string;
  @Prop({ type: [RoleMapping], default: [] }) roleMappings: RoleMapping[];
  @Prop({ required: true, default: 'openid email profile' }) scopes: string;
  @Prop({ required: true, default: true }) enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export const SsoConfigSchema = SchemaFactory.createForClass(SsoConfig);
