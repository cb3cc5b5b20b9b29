import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createOrgWithToken } from '../helpers/auth';
import { LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import {
  createJob,
  example,
  getApplication,
  textResume,
  upload,
  waitForStatus,
} from './intake-helpers';

/** The main flow on real services: upload → GridFS → parse → screen, for each format. */
describe('intake pipeline', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let token: string;
  let jobId: string;
  let redis: LocalServer & { url: string };

  beforeAll(async () => {
    // A private Redis keeps these queues away from other suites' workers.
    redis = await privateRedis();
    await redis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    worker = await createTestWorker({ REDIS_URL: redis.url });
    ({ token } = await createOrgWithToken(api, ['recruiter']));
    jobId = (await createJob(api, token)).id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  it.each([
    ['ana-costa-backend.pdf', 'pdf'],
    ['chen-yu-fullstack.docx', 'docx'],
    ['amara-okafor-junior.txt', 'txt'],
  ])('takes %s (%s) from upload to screened with a score and explanation', async (name) => {
    const res = await upload(api, token, jobId, example(name), name);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ jobId, status: 'queued', duplicate: false });

    const done = await waitForStatus(api, token, res.body.applicationId, [
      'screened',
      'needs_review',
      'failed',
    ]);
    expect(done.status).toBe('screened');
    expect(done.score).toEqual(expect.any(Number));
    expect(done.score as number).toBeGreaterThanOrEqual(0);
    expect(done.score as number).toBeLessThanOrEqual(100);
    expect(['strong_fit', 'potential_fit', 'weak_fit']).toContain(done.label);
    expect(done.modelVersion).toEqual(expect.any(String));
    expect((done.explanation as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    expect(done.timeline.map((t) => t.status)).toEqual([
      'received',
      'queued',
      'parsing',
      'parsed',
      'screening',
      'screened',
    ]);

    const profile = await request(api.getHttpServer())
      .get(`/resumes/${res.body.resumeId}`)
      .set('Authorization', `Bearer ${token}`);
    expect(profile.status).toBe(200);
    expect(profile.body.parseStatus).toBe('parsed');
    expect(profile.body.profile.skills.length).toBeGreaterThan(0);
  });

  it('streams the original file back byte for byte', async () => {
    const bytes = example('priya-nair-data.pdf');
    const res = await upload(api, token, jobId, bytes, 'priya.pdf');
    const file = await request(api.getHttpServer())
      .get(`/resumes/${res.body.resumeId}/file`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.body as Buffer, bytes)).toBe(0);
  });

  it('makes no new resume or application for the same bytes, and reuses the resume across jobs', async () => {
    const bytes = textResume('dup-1');
    const first = await upload(api, token, jobId, bytes, 'a.txt');
    const again = await upload(api, token, jobId, bytes, 'renamed.txt');
    expect(first.status).toBe(202);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      applicationId: first.body.applicationId,
      resumeId: first.body.resumeId,
      duplicate: true,
    });
    const otherJob = (await createJob(api, token, { title: 'Platform Engineer' })).id;
    const third = await upload(api, token, otherJob, bytes, 'a.txt');
    expect(third.status).toBe(202);
    expect(third.body.resumeId).toBe(first.body.resumeId);
    expect(third.body.applicationId).not.toBe(first.body.applicationId);
  });

  it('applies a stored resume to a job by id', async () => {
    const stored = await request(api.getHttpServer())
      .post('/resumes')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', textResume('by-id'), 'cv.txt');
    expect(stored.status).toBe(202);
    const res = await request(api.getHttpServer())
      .post(`/jobs/${jobId}/applications`)
      .set('Authorization', `Bearer ${token}`)
      .send({ resumeId: stored.body.resumeId });
    expect(res.status).toBe(202);
    const done = await waitForStatus(api, token, res.body.applicationId, [
      'screened',
      'failed',
      'needs_review',
    ]);
    expect(done.status).toBe('screened');
  });

  it('replays an Idempotency-Key for the same body and refuses it for another', async () => {
    const send = (bytes: Buffer) =>
      request(api.getHttpServer())
        .post(`/jobs/${jobId}/applications`)
        .set('Authorization', `Bearer ${token}`)
        .attach('file', bytes, 'cv.txt');
    const key = `idem-${Date.now()}-${Math.random()}`;
    const withKey = (bytes: Buffer) => send(bytes).set('Idempotency-Key', key);
    const first = await withKey(textResume('idem-a'));
    const replay = await withKey(textResume('idem-a'));
    const conflict = await withKey(textResume('idem-b'));
    expect(first.status).toBe(202);
    expect(replay.status).toBe(202);
    expect(replay.body).toEqual(first.body);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('accepts or rejects each file of a batch on its own', async () => {
    const res = await request(api.getHttpServer())
      .post(`/jobs/${jobId}/applications/batch`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', textResume('batch-1'), 'one.txt')
      .attach('file', Buffer.from('MZ\x90\x00\x03\x00\x00\x00binary'), 'two.pdf')
      .attach('file', textResume('batch-3'), 'three.txt');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'accepted',
      'rejected',
      'accepted',
    ]);
    expect(res.body.results[1].error.code).toBe('RESUME.UNSUPPORTED_TYPE');
  });

  it('hides one org’s applications and jobs from another (404)', async () => {
    const res = await upload(api, token, jobId, textResume('cross-org'), 'x.txt');
    const other = await createOrgWithToken(api, ['recruiter']);
    const peek = await getApplication(api, other.token, res.body.applicationId);
    expect(peek.status).toBe(404);
    const apply = await upload(api, other.token, jobId, textResume('cross-org-2'), 'y.txt');
    expect(apply.status).toBe(404);
    expect(apply.body.error.code).toBe('JOB.NOT_FOUND');
  });
});
