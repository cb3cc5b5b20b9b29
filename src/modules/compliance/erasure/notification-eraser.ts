import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { inList, trustedExpr } from '../../../infra/mongo/trusted';
import { DigestItem } from '../../notifications/email/digest-item.schema';
import { WebhookDelivery } from '../../notifications/webhooks/webhook-delivery.schema';
import { ErasureItem, ErasureRegistry, ErasureSubject, PersonalDataEraser } from './erasure.types';

/** What an erased delivery's body becomes; it is never sent again. */
export const ERASED_PAYLOAD = '{"erased":true}';

/**
 * Webhook delivery bodies and digest entries (the notifications module's models). A delivery is
 * about the person when its body names one of their resume or application ids; its body and
 * the receiver's echoed responses are blanked, and an unsent one is dead-lettered.
 */
@Injectable()
export class NotificationEraser implements PersonalDataEraser, OnModuleInit {
  readonly store = 'webhookDeliveries';

  constructor(
    private readonly registry: ErasureRegistry,
    @InjectModel(WebhookDelivery.name) private readonly deliveries: Model<WebhookDelivery>,
    @InjectModel(DigestItem.name) private readonly digests: Model<DigestItem>,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  /** Deliveries whose body names one of the person's ids; undefined when there is no id to look for. */
  private mentioning(s: ErasureSubject) {
    // Only 24-hex-digit ids, which are safe inside a pattern; an empty pattern would match everything.
    const ids = [...s.resumeIds, ...s.applicationIds].filter((id) => /^[a-f\d]{24}$/i.test(id));
    return ids.length
      ? { orgId: s.orgId, payload: trustedExpr({ $regex: ids.join('|') }) }
      : undefined;
  }

  async erase(s: ErasureSubject): Promise<ErasureItem[]> {
    const filter = this.mentioning(s);
    let blanked = 0;
    if (filter) {
      const found = await this.deliveries
        .find(filter, { _id: 1, status: 1, attempts: 1 })
        .lean()
        .exec();
      for (const d of found) {
        const open = d.status === 'pending' || d.status === 'retrying';
        const attempts = (d.attempts ?? []).map((a) => ({ ...a, responseSnippet: undefined }));
        const set = {
          payload: ERASED_PAYLOAD,
          attempts,
          ...(open ? { status: 'dead', deadReason: 'candidate erased' } : {}),
        };
        await this.deliveries.updateOne({ _id: d._id, orgId: s.orgId }, { $set: set }).exec();
        blanked++;
      }
    }
    const digests = s.applicationIds.length
      ? (
          await this.digests
            .deleteMany({ orgId: s.orgId, applicationId: inList(s.applicationIds) })
            .exec()
        ).deletedCount
      : 0;
    return [
      {
        store: this.store,
        action: 'anonymised',
        count: blanked,
        detail: 'bodies blanked; unsent deliveries dead-lettered',
      },
      { store: 'notificationDigestItems', action: 'deleted', count: digests },
    ];
  }

  async export(s: ErasureSubject): Promise<unknown[]> {
    const filter = this.mentioning(s);
    if (!filter) return [];
    return this.deliveries
      .find(filter, { eventType: 1, eventId: 1, status: 1, payload: 1, createdAt: 1 })
      .lean()
      .exec();
  }
}
