import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { DomainError } from '../../../../libs/common/errors';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { AppConfig } from '../../../config/app-config';
import { AuditService, auditFrom } from '../../audit/audit.service';
import { DeliveryEnqueuer } from './delivery-enqueuer';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { DeliveryRecord } from './webhook-delivery.repository';
import { EndpointRecord, WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookTargetPolicy } from './webhook-target.policy';
import type { CreateWebhookDto, ListDeliveriesQuery, UpdateWebhookDto } from './webhook.dto';

/** Compliance blanks the body of deliveries about an erased candidate (no `specversion` left). */
const isErased = (payload: string) => !('specversion' in (JSON.parse(payload) as object));

/** Endpoints per org; more is almost always a misconfiguration and multiplies our traffic. */
export const MAX_ENDPOINTS_PER_ORG = 20;

/** Admin management of webhook endpoints, their secrets, delivery log and replays. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly secrets: WebhookSecrets,
    private readonly policy: WebhookTargetPolicy,
    private readonly enqueuer: DeliveryEnqueuer,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The returned `secret` is the only time it is ever shown. */
  async create(
    ctx: OrgContext,
    dto: CreateWebhookDto,
  ): Promise<{ endpoint: EndpointRecord; secret: string }> {
    await this.policy.vet(dto.url);
    if ((await this.endpoints.count(ctx.orgId)) >= MAX_ENDPOINTS_PER_ORG) {
      throw new DomainError(
        'WEBHOOK.LIMIT_REACHED',
        `An org may have at most ${MAX_ENDPOINTS_PER_ORG} webhook endpoints.`,
        'conflict',
      );
    }
    const secret = this.secrets.generate();
    const endpoint = await this.endpoints.create(ctx.orgId, {
      url: dto.url,
      events: dto.events,
      description: dto.description,
      status: 'active',
      secrets: [this.secrets.seal(secret, new Date())],
      consecutiveFailures: 0,
    });
    await this.audit.record({
      action: 'webhook.created',
      ...auditFrom(ctx),
      details: { endpointId: String(endpoint._id), url: dto.url, events: dto.events },
    });
    return { endpoint, secret };
  }

  list(orgId: string): Promise<EndpointRecord[]> {
    return this.endpoints.listForOrg(orgId);
  }

  get(orgId: string, id: string): Promise<EndpointRecord> {
    return this.endpoints.getById(orgId, id);
  }

  async update(ctx: OrgContext, id: string, dto: UpdateWebhookDto): Promise<EndpointRecord> {
    await this.endpoints.getById(ctx.orgId, id);
    if (dto.url) await this.policy.vet(dto.url);
    const set = Object.fromEntries(
      Object.entries({ url: dto.url, events: dto.events, description: dto.description }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    if (Object.keys(set).length) await this.endpoints.updateById(ctx.orgId, id, { $set: set });
    if (dto.enabled === true) await this.endpoints.enable(ctx.orgId, id);
    if (dto.enabled === false) await this.endpoints.disable(ctx.orgId, id, 'manual', new Date());
    await this.audit.record({
      action: 'webhook.updated',
      ...auditFrom(ctx),
      details: { endpointId: id, ...set, enabled: dto.enabled },
    });
    return this.endpoints.getById(ctx.orgId, id);
  }

  /** Deletes the endpoint; its open deliveries are dead-lettered, the log is kept. */
  async remove(ctx: OrgContext, id: string): Promise<void> {
    const endpoint = await this.endpoints.getById(ctx.orgId, id);
    await this.endpoints.deleteById(ctx.orgId, id);
    await this.deliveries.markDeadForEndpoint(ctx.orgId, id, 'endpoint deleted');
    await this.audit.record({
      action: 'webhook.deleted',
      ...auditFrom(ctx),
      details: { endpointId: id, url: endpoint.url },
    });
  }

  /** A new secret signs from now on; the previous ones keep signing for `graceSeconds`. */
  async rotateSecret(ctx: OrgContext, id: string, graceSeconds?: number) {
    const endpoint = await this.endpoints.getById(ctx.orgId, id);
    const grace = graceSeconds ?? this.config.WEBHOOK_SECRET_GRACE_SECONDS;
    const now = new Date();
    const secret = this.secrets.generate();
    const rotated = this.secrets.rotate(
      endpoint.secrets,
      this.secrets.seal(secret, now),
      now,
      grace,
    );
    await this.endpoints.updateById(ctx.orgId, id, { $set: { secrets: rotated.secrets } });
    await this.audit.record({
      action: 'webhook.secret_rotated',
      ...auditFrom(ctx),
      details: {
        endpointId: id,
        graceSeconds: grace,
        previousSecretExpiresAt: rotated.previousExpiresAt?.toISOString() ?? null,
      },
    });
    return { id, secret, previousSecretExpiresAt: rotated.previousExpiresAt };
  }

  async deliveriesOf(orgId: string, endpointId: string, q: ListDeliveriesQuery) {
    await this.endpoints.getById(orgId, endpointId);
    const rows = await this.deliveries.page(orgId, endpointId, q.status, q.cursor, q.limit);
    const items = rows.slice(0, q.limit);
    return {
      items,
      nextCursor: rows.length > q.limit ? String(items[items.length - 1]._id) : null,
    };
  }

  getDelivery(orgId: string, id: string): Promise<DeliveryRecord> {
    return this.deliveries.getById(orgId, id);
  }

  /**
   * Sends a stored delivery again as a new delivery (own attempts, own 24 h window) with the
   * same body and Webhook-Id, so receivers that already processed it can drop the copy.
   */
  async replay(ctx: OrgContext, deliveryId: string): Promise<DeliveryRecord> {
    const original = await this.deliveries.getById(ctx.orgId, deliveryId);
    if (isErased(original.payload)) {
      throw new DomainError(
        'WEBHOOK.DELIVERY_ERASED',
        'This delivery was about a candidate whose data was erased; it cannot be sent again.',
        'gone',
      );
    }
    const endpoint = await this.endpoints.getById(ctx.orgId, original.endpointId);
    if (endpoint.status !== 'active') {
      throw new DomainError(
        'WEBHOOK.DISABLED',
        'The endpoint is disabled; re-enable it before replaying.',
        'conflict',
        {
          endpointId: original.endpointId,
        },
      );
    }
    const id = new Types.ObjectId();
    const replay = await this.deliveries.createOnce(ctx.orgId, id, {
      endpointId: original.endpointId,
      eventId: original.eventId,
      eventType: original.eventType,
      webhookId: original.webhookId,
      dedupKey: `${original.endpointId}:${original.eventId}:replay:${id.toHexString()}`,
      payload: original.payload,
      status: 'pending',
      nextAttemptAt: new Date(),
      replayOf: String(original._id),
    });
    await this.enqueuer.enqueue(ctx.orgId, String(replay._id));
    await this.audit.record({
      action: 'webhook.delivery_replayed',
      ...auditFrom(ctx),
      details: { deliveryId, replayId: String(replay._id) },
    });
    return replay;
  }
}
