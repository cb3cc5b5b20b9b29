import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import Redis from 'ioredis';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { SelfIdentification } from '../../src/modules/compliance/demographics/demographics.schema';
import { ERASED_PAYLOAD } from '../../src/modules/compliance/erasure/notification-eraser';
import { DigestItem } from '../../src/modules/notifications/email/digest-item.schema';
import { EventPublisher } from '../../src/modules/notifications/event-publisher';
import { WebhookDelivery } from '../../src/modules/notifications/webhooks/webhook-delivery.schema';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import { createJob, textResume, waitForStatus } from '../intake/intake-helpers';
import { auth, http } from './compliance-helpers';
import { mongoTraces, redisTraces } from './trace-search';

/** GDPR access and erasure on the real pipeline: upload → parse → screen → decide → export → erase. */
describe('candidate export and erasure', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let redis: LocalServer & { url: string };
  let client: Redis;
  let orgId: string;
  let recruiter: string;
  let admin: string;
  let auditor: string;
  let jobId: string;
  const demographicsReads: jest.SpyInstance[] = [];

  beforeAll(async () => {
    // A private Redis, so "no key mentions the person" is checked on every key there is.
    redis = await privateRedis();
    await redis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    worker = await createTestWorker({ REDIS_URL: redis.url, RETENTION_SWEEP_MINUTES: '0' });
    client = new Redis(redis.url);
    ({ orgId, token: recruiter } = await createOrgWithToken(api, ['recruiter']));
    admin = await tokenFor(api, orgId, ['admin']);
    auditor = await tokenFor(api, orgId, ['auditor']);
    jobId = (await createJob(api, recruiter)).id;
    const model = worker.get<Model<SelfIdentification>>(getModelToken(SelfIdentification.name));
    for (const method of [
      'find',
      'findOne',
      'findById',
      'countDocuments',
      'aggregate',
      'distinct',
      'exists',
    ] as const) {
      demographicsReads.push(jest.spyOn(model, method));
    }
  });

  afterAll(async () => {
    client?.disconnect();
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  /** Uploads a fictional resume, self-identifies, waits for the score and rejects with a reason naming the person. */
  async function candidate() {
    const seed = randomUUID().slice(0, 8);
    const email = `cand-${seed}@example.com`;
    const bytes = textResume(seed);
    const up = await http(api)
      .post(`/jobs/${jobId}/applications`)
      .set(auth(recruiter))
      .set('Idempotency-Key', `key-${seed}`)
      .attach('file', bytes, `candidate-${seed}.txt`);
    expect(up.status).toBe(202);
    const { applicationId, resumeId } = up.body as { applicationId: string; resumeId: string };
    const self = await http(api)
      .post(`/applications/${applicationId}/demographics`)
      .set(auth(recruiter))
      .send({ sex: 'female', raceEthnicity: ['asian'] });
    expect(self.status).toBe(201);
    const done = await waitForStatus(api, recruiter, applicationId, [
      'screened',
      'needs_review',
      'failed',
    ]);
    expect([done.status, done.failureReason]).toEqual(['screened', undefined]);
    const decided = await http(api)
      .post(`/applications/${applicationId}/decision`)
      .set(auth(recruiter))
      .send({ decision: 'reject', reason: `Spoke to ${email}; prefers another team` });
    expect(decided.status).toBe(201);
    const sha256 = (await http(api).get(`/resumes/${resumeId}`).set(auth(recruiter))).body
      .sha256 as string;
    return { email, bytes, applicationId, resumeId, sha256 };
  }

  it('scoring never reads self-identification data', async () => {
    await candidate();
    for (const spy of demographicsReads) expect(spy).not.toHaveBeenCalled();
  });

  it('exports every stored datum with the original file, then erases everything and leaves no trace', async () => {
    const c = await candidate();
    const exported = await http(api)
      .get('/candidates/export')
      .query({ email: c.email })
      .set(auth(admin));
    expect(exported.status).toBe(200);
    const body = exported.body;
    expect(body.resumes).toHaveLength(1);
    expect(Buffer.from(body.resumes[0].file.data, 'base64').equals(c.bytes)).toBe(true);
    expect(body.resumes[0].profile.contact.email.value).toBe(c.email);
    expect(body.applications.map((a: { id: string }) => a.id)).toEqual([c.applicationId]);
    expect(body.demographics).toMatchObject([
      { applicationId: c.applicationId, sex: 'female', raceEthnicity: ['asian'] },
    ]);
    expect(body.decisionLog.map((e: { action: string }) => e.action)).toEqual([
      'application.scored',
      'decision.recorded',
    ]);
    expect(body.auditEvents.map((e: { action: string }) => e.action)).toContain(
      'decision.recorded',
    );

    // A webhook delivery and a digest entry about this application, as the notifications module stores them.
    const deliveries = api.get<Model<WebhookDelivery>>(getModelToken(WebhookDelivery.name));
    const delivery = await deliveries.create({
      orgId,
      endpointId: 'ep1',
      eventId: `decision.recorded:${c.applicationId}:1`,
      eventType: 'decision.recorded',
      webhookId: randomUUID(),
      dedupKey: randomUUID(),
      payload: JSON.stringify({
        type: 'decision.recorded',
        data: { applicationId: c.applicationId, resumeId: c.resumeId },
      }),
      status: 'retrying',
      attempts: [
        {
          n: 1,
          at: new Date(),
          statusCode: 500,
          latencyMs: 3,
          responseSnippet: `echo ${c.applicationId}`,
        },
      ],
      nextAttemptAt: new Date(),
    });
    const digests = api.get<Model<DigestItem>>(getModelToken(DigestItem.name));
    await digests.create({
      orgId,
      jobId,
      applicationId: c.applicationId,
      status: 'screened',
      at: new Date(),
    });

    // Before: the search does find the person, and their finished queue jobs are still in Redis.
    const before = await mongoTraces(api, [c.email, c.sha256]);
    expect(before.some((h) => h.startsWith('resumes.chunks/') && h.endsWith(c.email))).toBe(true);
    expect(before.some((h) => h.startsWith('resumes.files/') && h.endsWith(c.sha256))).toBe(true);
    expect((await client.keys(`screener:*:screen_${c.applicationId}*`)).length).toBeGreaterThan(0);

    const published = jest.spyOn(api.get(EventPublisher), 'publish');
    const erased = await http(api).delete('/candidates').query({ email: c.email }).set(auth(admin));
    expect(erased.status).toBe(200);
    const cert = erased.body;
    expect(cert).toMatchObject({
      orgId,
      trigger: 'request',
      resumeIds: [c.resumeId],
      applicationIds: [c.applicationId],
      erasedAt: expect.any(String),
    });
    const count = (store: string) =>
      cert.items.find((i: { store: string }) => i.store === store)?.count;
    expect(count('gridfs:resumes')).toBe(1);
    expect(count('resumes')).toBe(1);
    expect(count('applications')).toBe(1);
    expect(count('demographics')).toBe(1);
    expect(count('decisionLog')).toBe(2);
    expect(count('auditEvents')).toBeGreaterThanOrEqual(1);
    expect(count('idempotencyKeys')).toBe(1);
    expect(count('redis:queues')).toBeGreaterThanOrEqual(2);
    expect(count('webhookDeliveries')).toBe(1);
    expect(count('notificationDigestItems')).toBe(1);
    expect(await deliveries.findById(delivery._id).lean().exec()).toMatchObject({
      payload: ERASED_PAYLOAD,
      status: 'dead',
      deadReason: 'candidate erased',
    });
    // Its ids stay (eventId names the application, as opaque ids do); the body and the echoed response go.
    expect(
      (await deliveries.findById(delivery._id).lean().exec())?.attempts[0].responseSnippet,
    ).toBeUndefined();
    expect(await digests.countDocuments({ applicationId: c.applicationId })).toBe(0);
    expect(JSON.stringify(cert)).not.toContain(c.email);
    expect(published).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'candidate.erased',
        orgId,
        data: expect.objectContaining({ certificateId: cert.certificateId }),
      }),
    );

    // No trace: every collection (GridFS chunks included) and every Redis key and value.
    const needles = [c.email, c.sha256];
    expect(await mongoTraces(api, needles)).toEqual([]);
    expect(await redisTraces(client, needles)).toEqual([]);
    // Nor any queue payload of this person.
    expect(await client.keys(`screener:*:parse_${c.resumeId}*`)).toEqual([]);
    expect(await client.keys(`screener:*:screen_${c.applicationId}*`)).toEqual([]);

    // The decision log keeps its entries, hashed, and still verifies.
    const verify = await http(api).get('/audit/verify').set(auth(auditor));
    expect(verify.body).toMatchObject({ ok: true, brokenLink: null });
    const log = await http(api)
      .get('/audit/decision-log')
      .query({ applicationId: c.applicationId })
      .set(auth(auditor));
    expect(log.body).toHaveLength(2);
    expect(log.body[1]).toMatchObject({
      reason: null,
      explanation: null,
      reasonSha256: expect.stringMatching(/^[a-f\d]{64}$/),
      erasedAt: expect.any(String),
    });

    expect(
      (await http(api).get(`/applications/${c.applicationId}`).set(auth(recruiter))).status,
    ).toBe(404);
    expect(
      (await http(api).get(`/candidates/erasures/${cert.certificateId}`).set(auth(admin))).body
        .certificateId,
    ).toBe(cert.certificateId);
    // Outcome counts remain for bias audits, as an applicant of unknown category.
    const impact = await http(api).get('/reports/impact').query({ jobId }).set(auth(auditor));
    expect(impact.body.erased).toBeGreaterThanOrEqual(1);
    expect(
      impact.body.report.raceEthnicity.rows.find(
        (r: { category: string }) => r.category === 'asian',
      ).applicants,
    ).toBe(impact.body.report.applicants - impact.body.report.raceEthnicity.unknown.applicants);
  });

  it('erases by resume id too, and answers 404 once nothing is left', async () => {
    const c = await candidate();
    const first = await http(api)
      .delete('/candidates')
      .query({ resumeId: c.resumeId })
      .set(auth(admin));
    expect(first.status).toBe(200);
    const again = await http(api)
      .delete('/candidates')
      .query({ resumeId: c.resumeId })
      .set(auth(admin));
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('CANDIDATE.NOT_FOUND');
  });

  it('is for admins only and takes exactly one of resumeId or email', async () => {
    expect(
      (await http(api).delete('/candidates').query({ email: 'x@example.com' }).set(auth(recruiter)))
        .status,
    ).toBe(403);
    expect(
      (
        await http(api)
          .get('/candidates/export')
          .query({ email: 'x@example.com' })
          .set(auth(auditor))
      ).status,
    ).toBe(403);
    const both = await http(api)
      .delete('/candidates')
      .query({ email: 'x@example.com', resumeId: '0123456789abcdef01234567' })
      .set(auth(admin));
    expect(both.status).toBe(400);
    expect(
      (await http(api).delete('/candidates').query({ email: 'not-an-email' }).set(auth(admin)))
        .status,
    ).toBe(400);
    expect((await http(api).delete('/candidates').set(auth(admin))).status).toBe(400);
  });
});
