import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { EVENT_TYPES, type EventType } from '../domain-events';

export const ENDPOINT_STATUSES = ['active', 'disabled'] as const;
export type EndpointStatus = (typeof ENDPOINT_STATUSES)[number];

/** Why an endpoint stopped receiving: a 410 from the receiver, a long failure streak, or an admin. */
export const DISABLED_REASONS = ['gone', 'failing', 'manual'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

@Schema({ _id: false })
export class WebhookSecret {
  /** The signing secret sealed with SecretBox (AES-256-GCM when AUTH_ENCRYPTION_KEY is set). */
  @Prop({ required: true }) sealed: string;
  @Prop({ required: true }) createdAt: Date;
  /** null for the current secret; the end of the grace period for a rotated-out one. */
  @Prop({ type: Date, default: null }) expiresAt: Date | null;
}
const WebhookSecretSchema = SchemaFactory.createForClass(WebhookSecret);

@Schema({ collection: 'webhookEndpoints', timestamps: true })
export class WebhookEndpoint {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true, maxlength: 2048 }) url: string;
  @Prop({ type: [String], enum: EVENT_TYPES, required: true }) events: EventType[];
  @Prop({ maxlength: 500 }) description?: string;
  @Prop({ type: String, enum: ENDPOINT_STATUSES, required: true, default: 'active' })
  status: EndpointStatus;
  @Prop({ type: String, enum: DISABLED_REASONS }) disabledReason?: DisabledReason;
  @Prop() disabledAt?: Date;
  @Prop({ type: [WebhookSecretSchema], default: [] }) secrets: WebhookSecret[];
  /** Failed attempts since the last success, across all of this endpoint's deliveries. */
  @Prop({ default: 0 }) consecutiveFailures: number;
  /** First failure of the current streak; absent while the endpoint is healthy. */
  @Prop() failingSince?: Date;
  @Prop() lastSuccessAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export const WebhookEndpointSchema = SchemaFactory.createForClass(WebhookEndpoint);
WebhookEndpointSchema.index({ orgId: 1, status: 1 });
