import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventType } from '../domain-events';

/**
 * pending: stored, not yet attempted · retrying: failed, next attempt scheduled ·
 * succeeded: a 2xx was received · dead: dead-lettered (retry window over, 410, endpoint
 * disabled or deleted); replay sends it again as a new delivery.
 */
export const DELIVERY_STATUSES = ['pending', 'retrying', 'succeeded', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

@Schema({ _id: false })
export class DeliveryAttempt {
  /** 1-based attempt number within this delivery. */
  @Prop({ required: true }) n: number;
  @Prop({ required: true }) at: Date;
  @Prop() statusCode?: number;
  @Prop({ required: true }) latencyMs: number;
  @Prop() error?: string;
  @Prop() errorCode?: string;
  /** The first 512 characters of the receiver's response body, for debugging. */
  @Prop() responseSnippet?: string;
}
const DeliveryAttemptSchema = SchemaFactory.createForClass(DeliveryAttempt);

@Schema({ collection: 'webhookDeliveries', timestamps: true })
export class WebhookDelivery {
  @Prop({ required: true }) orgId: string;
  @Prop({ required: true }) endpointId: string;
  /** The CloudEvents id (the producer's stable event id). */
  @Prop({ required: true }) eventId: string;
  @Prop({ type: String, required: true }) eventType: EventType;
  /** Sent as `Webhook-Id`: the same on every retry and every replay of this message. */
  @Prop({ required: true }) webhookId: string;
  /** endpoint + event for originals, so publishing an event twice stores one delivery. */
  @Prop({ required: true }) dedupKey: string;
  /** The exact body POSTed (and signed) on every attempt. */
  @Prop({ required: true }) payload: string;
  @Prop({ type: String, enum: DELIVERY_STATUSES, required: true }) status: DeliveryStatus;
  @Prop({ type: [DeliveryAttemptSchema], default: [] }) attempts: DeliveryAttempt[];
  @Prop({ default: 0 }) attemptCount: number;
  /** When the next attempt is due; the sweeper re-enqueues deliveries overdue by a margin. */
  @Prop({ required: true }) nextAttemptAt: Date;
  @Prop() deadReason?: string;
  /** Set on a replay: the delivery it re-sends. */
  @Prop() replayOf?: string;
  createdAt: Date;
  updatedAt: Date;
}

export const WebhookDeliverySchema = SchemaFactory.createForClass(WebhookDelivery);
WebhookDeliverySchema.index({ dedupKey: 1 }, { unique: true });
WebhookDeliverySchema.index({ orgId: 1, endpointId: 1, _id: -1 });
WebhookDeliverySchema.index({ status: 1, nextAttemptAt: 1 });
