import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import Redis from 'ioredis';
import { Types, type Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Application } from '../../src/modules/applications/application.schema';
import { Clock } from '../../src/modules/compliance/clock';
import { ErasureCertificate } from '../../src/modules/compliance/erasure/erasure-certificate.schema';
import {
  RETENTION_LOCK_KEY,
  RetentionScheduler,
} from '../../src/modules/compliance/retention/retention.scheduler';
import { Resume } from '../../src/modules/resumes/resume.schema';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import { createJob, textResume } from '../intake/intake-helpers';
import { auth, http } from './compliance-helpers';

const DAY = 24 * 3600 * 1000;

/** Per-org retention, run by the worker's scheduled sweep with an injected clock. */
describe('retention', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let redis: LocalServer & { url: string };
  let client: Redis;
  let resumes: Model<Resume>;
  let applications: Model<Application>;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    // The sweep runs only when the test ticks it; idempotency keys of other suites stay untouched.
    worker = await createTestWorker({
      REDIS_URL: redis.url,
      RETENTION_SWEEP_MINUTES: '0',
      IDEMPOTENCY_RETENTION_HOURS: '8760',
    });
    client = new Redis(redis.url);
    resumes = api.get(getModelToken(Resume.name));
    applications = api.get(getModelToken(Application.name));
  });

  afterAll(async () => {
    client?.disconnect();
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  async function apply(token: string, jobId: string) {
    const res = await http(api)
      .post(`/jobs/${jobId}/applications`)
      .set(auth(token))
      .attach('file', textResume(randomUUID()), 'cv.txt');
    expect(res.status).toBe(202);
    return res.body as { applicationId: string; resumeId: string };
  }

  it('lets an admin set the org’s retention, within bounds', async () => {
    const { orgId } = await createOrgWithToken(api, ['recruiter']);
    const admin = await tokenFor(api, orgId, ['admin']);
    const before = await http(api).get('/compliance/retention').set(auth(admin));
    expect(before.body).toEqual({
      resumeRetentionDays: 365,
      isDefault: true,
      decisionLogRetentionDays: 730,
    });
    const set = await http(api)
      .put('/compliance/retention')
      .set(auth(admin))
      .send({ resumeRetentionDays: 90 });
    expect(set.body).toMatchObject({ resumeRetentionDays: 90, isDefault: false });
    expect(
      (
        await http(api)
          .put('/compliance/retention')
          .set(auth(admin))
          .send({ resumeRetentionDays: 0 })
      ).status,
    ).toBe(400);
    const recruiter = await tokenFor(api, orgId, ['recruiter']);
    expect(
      (
        await http(api)
          .put('/compliance/retention')
          .set(auth(recruiter))
          .send({ resumeRetentionDays: 9 })
      ).status,
    ).toBe(403);
  });

  it('purges expired resumes through erasure, keeps recent ones, and runs once per period', async () => {
    const short = await createOrgWithToken(api, ['recruiter']);
    const admin = await tokenFor(api, short.orgId, ['admin']);
    expect(
      (
        await http(api)
          .put('/compliance/retention')
          .set(auth(admin))
          .send({ resumeRetentionDays: 30 })
      ).status,
    ).toBe(200);
    const job = await createJob(api, short.token);
    const expired = await apply(short.token, job.id);
    const reapplied = await apply(short.token, job.id);
    // Applied again "later": an application newer than the cutoff keeps its resume.
    await applications.collection.updateOne(
      { _id: new Types.ObjectId(reapplied.applicationId) },
      { $set: { createdAt: new Date(Date.now() + 5 * DAY) } },
    );
    const other = await createOrgWithToken(api, ['recruiter']); // default retention: 365 days
    const kept = await apply(other.token, (await createJob(api, other.token)).id);

    const expiredSha = (await resumes.findById(expired.resumeId).lean().exec())?.sha256;
    const clock = worker.get(Clock, { strict: false });
    jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 31 * DAY));
    await client.del(RETENTION_LOCK_KEY);
    const scheduler = worker.get(RetentionScheduler, { strict: false });
    const run = await scheduler.tick();

    expect(run?.certificates.length).toBeGreaterThanOrEqual(1);
    expect(await resumes.exists({ _id: expired.resumeId })).toBeNull();
    expect(await applications.exists({ _id: expired.applicationId })).toBeNull();
    expect(await resumes.exists({ _id: reapplied.resumeId })).not.toBeNull();
    expect(await resumes.exists({ _id: kept.resumeId })).not.toBeNull();
    const files = resumes.db.collection('resumes.files');
    const stored = await resumes.findById(reapplied.resumeId).lean().exec();
    expect(await files.countDocuments({ 'metadata.sha256': stored?.sha256 })).toBe(1);
    expect(await files.countDocuments({ 'metadata.sha256': expiredSha })).toBe(0);

    const certificates = api.get<Model<ErasureCertificate>>(getModelToken(ErasureCertificate.name));
    const cert = await certificates
      .findOne({ orgId: short.orgId, resumeIds: expired.resumeId })
      .lean()
      .exec();
    expect(cert).toMatchObject({
      trigger: 'retention',
      requestedBy: { sub: 'retention', kind: 'system' },
    });

    // Another worker ticking in the same period finds the lock taken.
    expect(await scheduler.tick()).toBeUndefined();
  });
});
