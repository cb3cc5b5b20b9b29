import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../../libs/common/errors';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { AuditService } from '../../audit/audit.service';
import { EventPublisher } from '../../notifications/event-publisher';
import { Clock } from '../clock';
import { CandidateLocator, SubjectQuery } from './candidate-locator';
import { ErasureCertificate } from './erasure-certificate.schema';
import { ErasureItem, ErasureRegistry, ErasureSubject } from './erasure.types';
import { RedisEraser } from './redis-eraser';
import { StoreErasers } from './store-erasers';

export type ErasureCertificateView = Omit<ErasureCertificate, 'orgId'> & { orgId: string };

export type ErasureActor = Pick<OrgContext, 'orgId' | 'actor' | 'requestId' | 'ip'>;

/** What erasure keeps on purpose, and why (printed on every certificate). */
export const RETAINED = [
  'decisionLog: entries stay with personal text replaced by its sha256 (EU AI Act Art. 12/26 logging; GDPR Art. 17(3)(b), (e)).',
  'auditEvents: entries stay with personal data replaced by its sha256 (accountability, GDPR Art. 17(3)(e)).',
  'erasedApplications: outcome counts with no personal data, for bias audits (NYC LL144).',
  'erasureCertificates: this certificate, which names no person.',
];

/**
 * GDPR Art. 17 erasure of one person in one org, also run by retention. Redis and external
 * stores go first and the resume last: a failure anywhere aborts before the resume is gone, so
 * the same request can be retried and finds the person again.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly locator: CandidateLocator,
    private readonly redis: RedisEraser,
    private readonly stores: StoreErasers,
    private readonly registry: ErasureRegistry,
    private readonly audit: AuditService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @InjectModel(ErasureCertificate.name) private readonly certificates: Model<ErasureCertificate>,
  ) {}

  async eraseByRequest(by: ErasureActor, query: SubjectQuery): Promise<ErasureCertificateView> {
    const subject = await this.locator.locate(by.orgId, query);
    return this.erase(subject, by, 'request');
  }

  async erase(
    subject: ErasureSubject,
    by: ErasureActor,
    trigger: 'request' | 'retention',
  ): Promise<ErasureCertificateView> {
    const at = this.clock.now();
    const items: ErasureItem[] = [];
    try {
      items.push(...(await this.redis.erase(subject)));
      for (const eraser of this.registry.all()) items.push(...(await eraser.erase(subject, at)));
    } catch (err) {
      this.logger.warn(`erasure aborted before touching MongoDB: ${(err as Error).message}`);
      throw new DomainError(
        'ERASURE.UNAVAILABLE',
        'A data store is unreachable; nothing was erased. Try again.',
        'unavailable',
      );
    }
    items.push(await this.stores.demographicsOf(subject));
    items.push(await this.stores.decisionLogOf(subject, at));
    items.push(await this.stores.hashAuditEvents(subject, at));
    items.push(await this.stores.idempotencyKeysOf(subject));
    items.push(await this.stores.applicationsOf(subject, at));
    items.push(...(await this.stores.resumesOf(subject)));
    const certificate: ErasureCertificate = {
      orgId: subject.orgId,
      certificateId: randomUUID(),
      trigger,
      requestedBy: { sub: by.actor.sub, kind: by.actor.kind },
      erasedAt: at,
      resumeIds: subject.resumeIds,
      applicationIds: subject.applicationIds,
      items,
      retained: RETAINED,
    };
    await this.certificates.create(certificate);
    await this.announce(certificate, by);
    return certificate;
  }

  private async announce(c: ErasureCertificate, by: ErasureActor): Promise<void> {
    const details = {
      certificateId: c.certificateId,
      trigger: c.trigger,
      resumeIds: c.resumeIds,
      applicationIds: c.applicationIds,
    };
    await this.audit.record({
      action: 'candidate.erased',
      orgId: c.orgId,
      actor: by.actor,
      requestId: by.requestId ?? null,
      ip: by.ip ?? null,
      details,
    });
    await this.events.publish({
      type: 'candidate.erased',
      orgId: c.orgId,
      id: `candidate.erased:${c.certificateId}`,
      time: c.erasedAt,
      subject: `/candidates/erasures/${c.certificateId}`,
      data: {
        ...details,
        erasedAt: c.erasedAt.toISOString(),
        links: { certificate: `/candidates/erasures/${c.certificateId}` },
      },
    });
  }

  async certificate(orgId: string, certificateId: string): Promise<ErasureCertificateView> {
    const found = await this.certificates
      .findOne({ orgId, certificateId }, { _id: 0 })
      .lean<ErasureCertificate>()
      .exec();
    if (!found)
      throw new DomainError('ERASURE.NOT_FOUND', 'No such erasure certificate.', 'not_found');
    return found;
  }
}
