import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EVENT_TYPES, type EventType } from '../domain-events';
import type { DeliveryRecord } from './webhook-delivery.repository';
import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook-delivery.schema';
import type { EndpointRecord } from './webhook-endpoint.repository';
import { DISABLED_REASONS, ENDPOINT_STATUSES } from './webhook-endpoint.schema';

const URL_RULES = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };
const EVENTS_EXAMPLE: EventType[] = [
  'application.screened',
  'application.needs_review',
  'job.closed',
];

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://portal.example.com/hooks/screener',
    description: 'https only (SSRF rules apply)',
  })
  @IsUrl(URL_RULES)
  @MaxLength(2048)
  url: string;

  @ApiProperty({ enum: EVENT_TYPES, isArray: true, example: EVENTS_EXAMPLE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  events: EventType[];

  @ApiPropertyOptional({ example: 'ATS production' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://portal.example.com/hooks/v2' })
  @IsOptional()
  @IsUrl(URL_RULES)
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: EVENT_TYPES, isArray: true, example: ['application.screened'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(EVENT_TYPES, { each: true })
  events?: EventType[];

  @ApiPropertyOptional({ example: 'ATS production (EU)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    example: true,
    description: 'true re-enables a disabled endpoint; false disables it',
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    example: 86400,
    description:
      'seconds the previous secret keeps signing (default WEBHOOK_SECRET_GRACE_SECONDS; 0 = retire now)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(7 * 86400)
  graceSeconds?: number;
}

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'dead' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsMongoId()
  cursor?: string;

  @ApiPropertyOptional({ example: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}

export class WebhookView {
  @ApiProperty({ example: '6650c0ffee00000000000001' }) id: string;
  @ApiProperty({ example: 'https://portal.example.com/hooks/screener' }) url: string;
  @ApiProperty({ enum: EVENT_TYPES, isArray: true, example: EVENTS_EXAMPLE }) events: EventType[];
  @ApiPropertyOptional({ example: 'ATS production' }) description?: string;
  @ApiProperty({ enum: ENDPOINT_STATUSES, example: 'active' }) status: string;
  @ApiPropertyOptional({ enum: DISABLED_REASONS, example: 'gone' }) disabledReason?: string;
  @ApiPropertyOptional({ example: '2026-01-02T03:04:05.000Z' }) disabledAt?: string;
  @ApiProperty({ example: 0, description: 'failed attempts since the last success' })
  consecutiveFailures: number;
  @ApiPropertyOptional({ example: '2026-01-02T03:04:05.000Z' }) lastSuccessAt?: string;
  @ApiProperty({
    example: 1,
    description: 'secrets currently signing (2 during a rotation grace period)',
  })
  activeSecrets: number;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) updatedAt: string;
}

export class WebhookCreatedView extends WebhookView {
  @ApiProperty({
    example: 'whsec_2f8Jx0…',
    description: 'the signing secret: shown only in this response',
  })
  secret: string;
}

export class WebhookList {
  @ApiProperty({ type: [WebhookView] }) items: WebhookView[];
}

export class RotatedSecretView {
  @ApiProperty({ example: '6650c0ffee00000000000001' }) id: string;
  @ApiProperty({
    example: 'whsec_Q1w9…',
    description: 'the new secret: shown only in this response',
  })
  secret: string;
  @ApiProperty({
    example: '2026-01-02T00:00:00.000Z',
    nullable: true,
    type: String,
    description: 'until when the previous secret also signs',
  })
  previousSecretExpiresAt: string | null;
}

export class DeliveryAttemptView {
  @ApiProperty({ example: 1 }) n: number;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) at: string;
  @ApiPropertyOptional({ example: 500 }) statusCode?: number;
  @ApiProperty({ example: 142 }) latencyMs: number;
  @ApiPropertyOptional({ example: 'ECONNREFUSED: connect ECONNREFUSED 203.0.113.7:443' })
  error?: string;
  @ApiPropertyOptional({ example: 'WEBHOOK.NETWORK_ERROR' }) errorCode?: string;
  @ApiPropertyOptional({ example: '{"error":"database unavailable"}' }) responseSnippet?: string;
}

export class DeliveryView {
  @ApiProperty({ example: '6650c0ffee00000000000009' }) id: string;
  @ApiProperty({ example: '6650c0ffee00000000000001' }) endpointId: string;
  @ApiProperty({ example: 'application.screened:6650…:r1:2026.01' }) eventId: string;
  @ApiProperty({ enum: EVENT_TYPES, example: 'application.screened' }) eventType: string;
  @ApiProperty({ example: 'msg_6650c0ffee00000000000009', description: 'the Webhook-Id header' })
  webhookId: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'succeeded' }) status: string;
  @ApiProperty({ example: 4 }) attemptCount: number;
  @ApiProperty({ type: [DeliveryAttemptView] }) attempts: DeliveryAttemptView[];
  @ApiPropertyOptional({ example: '2026-01-01T00:05:00.000Z' }) nextAttemptAt?: string;
  @ApiPropertyOptional({ example: 'receiver answered 410 Gone' }) deadReason?: string;
  @ApiPropertyOptional({ example: '6650c0ffee00000000000008' }) replayOf?: string;
  @ApiProperty({
    description: 'the CloudEvent as sent',
    example: { specversion: '1.0', type: 'application.screened' },
  })
  payload: Record<string, unknown>;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) createdAt: string;
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryView] }) items: DeliveryView[];
  @ApiPropertyOptional({ example: '6650c0ffee00000000000002', nullable: true, type: String })
  nextCursor: string | null;
}

const iso = (d?: Date | null) => (d ? new Date(d).toISOString() : undefined);

export function toWebhookView(e: EndpointRecord, now = new Date()): WebhookView {
  return {
    id: String(e._id),
    url: e.url,
    events: e.events,
    description: e.description,
    status: e.status,
    disabledReason: e.disabledReason,
    disabledAt: iso(e.disabledAt),
    consecutiveFailures: e.consecutiveFailures ?? 0,
    lastSuccessAt: iso(e.lastSuccessAt),
    activeSecrets: e.secrets.filter((s) => !s.expiresAt || s.expiresAt > now).length,
    createdAt: iso(e.createdAt) as string,
    updatedAt: iso(e.updatedAt) as string,
  };
}

export function toDeliveryView(d: DeliveryRecord): DeliveryView {
  return {
    id: String(d._id),
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    webhookId: d.webhookId,
    status: d.status,
    attemptCount: d.attemptCount,
    attempts: d.attempts.map((a) => ({ ...a, at: iso(a.at) as string })),
    nextAttemptAt:
      d.status === 'pending' || d.status === 'retrying' ? iso(d.nextAttemptAt) : undefined,
    deadReason: d.deadReason,
    replayOf: d.replayOf,
    payload: JSON.parse(d.payload) as Record<string, unknown>,
    createdAt: iso(d.createdAt) as string,
  };
}
