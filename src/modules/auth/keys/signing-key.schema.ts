import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * An RS256 signing key shared by every API instance. The newest unretired key signs; retired
 * keys still verify (and stay in the JWKS) until every token they signed has expired.
 */
@Schema({ collection: 'signingKeys', versionKey: false })
export class SigningKey {
  @Prop({ required: true }) _id: string; // the kid: RFC 7638 thumbprint of the public key
  @Prop({ required: true, default: 'RS256' }) alg: string;
  @Prop({ required: true, type: Object }) publicJwk: Record<string, string>;
  /** PKCS#8 PEM, sealed with SecretBox. */
  @Prop({ required: true }) privateKey: string;
  @Prop({ required: true }) createdAt: Date;
  @Prop({ type: Date, default: null }) retiredAt: Date | null;
}

export const SigningKeySchema = SchemaFactory.createForClass(SigningKey);
