import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import {
  assertOrgId,
  OrgScopedRepository,
  WithId,
} from '../../../common/tenancy/org-scoped.repository';
import { inList, lessThan, trustedExpr } from '../../../infra/mongo/trusted';
import { IndexGate } from '../../compliance/index-gate';
import { DeliveryAttempt, DeliveryStatus, WebhookDelivery } from './webhook-delivery.schema';

export type DeliveryRecord = WithId<WebhookDelivery>;
export type NewDelivery = Omit<
  WebhookDelivery,
  'orgId' | 'createdAt' | 'updatedAt' | 'attempts' | 'attemptCount'
>;

const OPEN: DeliveryStatus[] = ['pending', 'retrying'];
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

@Injectable()
export class WebhookDeliveryRepository extends OrgScopedRepository<WebhookDelivery> {
  /** The unique dedupKey index is what makes publishing an event twice store one delivery. */
  private readonly indexes = new IndexGate(() => [this.model]);

  constructor(@InjectModel(WebhookDelivery.name) model: Model<WebhookDelivery>) {
    super(model, 'WEBHOOK.DELIVERY_NOT_FOUND');
  }

  /** Inserts once per `dedupKey`; a second publish of the same event returns the stored one. */
  async createOnce(orgId: string, id: Types.ObjectId, data: NewDelivery): Promise<DeliveryRecord> {
    assertOrgId(orgId);
    await this.indexes.ensure();
    try {
      const doc = await this.model.create({
        ...data,
        _id: id,
        orgId,
        attempts: [],
        attemptCount: 0,
      });
      return doc.toObject() as DeliveryRecord;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.findOne(orgId, { dedupKey: data.dedupKey });
      if (!existing) throw err;
      return existing;
    }
  }

  /** Newest first; one extra row tells whether another page follows. */
  page(
    orgId: string,
    endpointId: string,
    status: DeliveryStatus | undefined,
    beforeId: string | undefined,
    limit: number,
  ) {
    const filter: Record<string, unknown> = { endpointId };
    if (status) filter.status = status;
    if (beforeId) filter._id = trustedExpr({ $lt: new Types.ObjectId(beforeId) });
    return this.find(orgId, filter, { sort: { _id: -1 }, limit: limit + 1 });
  }

  /** Appends an attempt and moves the delivery on, only while it is still open. */
  recordAttempt(
    orgId: string,
    id: string,
    attempt: DeliveryAttempt,
    set: { status: DeliveryStatus; nextAttemptAt?: Date; deadReason?: string },
  ): Promise<DeliveryRecord | null> {
    return this.updateOne(
      orgId,
      { _id: id, status: inList(OPEN) },
      { $push: { attempts: attempt }, $inc: { attemptCount: 1 }, $set: set },
    );
  }

  markDead(orgId: string, id: string, deadReason: string): Promise<DeliveryRecord | null> {
    return this.updateOne(
      orgId,
      { _id: id, status: inList(OPEN) },
      { $set: { status: 'dead', deadReason } },
    );
  }

  markDeadForEndpoint(orgId: string, endpointId: string, deadReason: string): Promise<number> {
    return this.updateMany(
      orgId,
      { endpointId, status: inList(OPEN) },
      { $set: { status: 'dead', deadReason } },
    );
  }

  /** Open deliveries (all orgs) whose next attempt was due before `before`: the sweeper's input. */
  findOverdue(before: Date, limit: number): Promise<DeliveryRecord[]> {
    return this.model
      .find({ status: inList(OPEN), nextAttemptAt: lessThan(before) })
      .limit(limit)
      .lean<DeliveryRecord[]>()
      .exec();
  }
}
