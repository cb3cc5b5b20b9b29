import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OrgScopedRepository, WithId } from '../../../common/tenancy/org-scoped.repository';
import { IndexGate } from '../../compliance/index-gate';
import type { EventType } from '../domain-events';
import { DisabledReason, WebhookEndpoint } from './webhook-endpoint.schema';

export type EndpointRecord = WithId<WebhookEndpoint>;

@Injectable()
export class WebhookEndpointRepository extends OrgScopedRepository<WebhookEndpoint> {
  constructor(@InjectModel(WebhookEndpoint.name) model: Model<WebhookEndpoint>) {
    super(model, 'WEBHOOK.NOT_FOUND');
  }

  // autoIndex cannot run before the lazily opened connection exists, so build them here.
  private readonly indexes = new IndexGate(() => [this.model]);

  async create(
    orgId: string,
    data: Omit<WebhookEndpoint, 'orgId' | 'createdAt' | 'updatedAt'>,
  ): Promise<EndpointRecord> {
    await this.indexes.ensure();
    return this.insert(orgId, data as WebhookEndpoint);
  }

  /** Active endpoints of the org that subscribed to `type`. */
  subscribedTo(orgId: string, type: EventType): Promise<EndpointRecord[]> {
    return this.find(orgId, { status: 'active', events: type });
  }

  listForOrg(orgId: string): Promise<EndpointRecord[]> {
    return this.find(orgId, {}, { sort: { _id: 1 } });
  }

  recordSuccess(orgId: string, id: string, at: Date): Promise<EndpointRecord | null> {
    return this.updateById(orgId, id, {
      $set: { consecutiveFailures: 0, lastSuccessAt: at },
      $unset: { failingSince: 1 },
    });
  }

  /** Counts a failed attempt; `failingSince` keeps the streak's first failure. */
  recordFailure(orgId: string, id: string, at: Date): Promise<EndpointRecord | null> {
    return this.updateOne(
      orgId,
      { _id: id, status: 'active' },
      { $inc: { consecutiveFailures: 1 }, $min: { failingSince: at } },
    );
  }

  /** Disables an active endpoint; null when it was not active (another worker got there first). */
  disable(
    orgId: string,
    id: string,
    reason: DisabledReason,
    at: Date,
  ): Promise<EndpointRecord | null> {
    return this.updateOne(
      orgId,
      { _id: id, status: 'active' },
      { $set: { status: 'disabled', disabledReason: reason, disabledAt: at } },
    );
  }

  enable(orgId: string, id: string): Promise<EndpointRecord | null> {
    return this.updateById(orgId, id, {
      $set: { status: 'active', consecutiveFailures: 0 },
      $unset: { disabledReason: 1, disabledAt: 1, failingSince: 1 },
    });
  }
}
