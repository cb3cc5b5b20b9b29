import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { Application } from '../../src/modules/applications/application.schema';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import { createJob, textResume, waitForStatus } from '../intake/intake-helpers';
import { auth, http, seedApplications } from './compliance-helpers';

/** Opting out of automated screening, and the explanation a candidate receives either way. */
describe('opt-out and candidate explanations', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let redis: LocalServer & { url: string };
  let token: string;
  let auditor: string;
  let jobId: string;
  let orgId: string;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    worker = await createTestWorker({ REDIS_URL: redis.url, RETENTION_SWEEP_MINUTES: '0' });
    ({ orgId, token } = await createOrgWithToken(api, ['recruiter']));
    auditor = await tokenFor(api, orgId, ['auditor']);
    jobId = (await createJob(api, token)).id;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const apply = async (consent?: string) => {
    const req = http(api)
      .post(`/jobs/${jobId}/applications`)
      .set(auth(token))
      .attach('file', textResume(randomUUID()), 'cv.txt');
    const res = await (consent ? req.field('consent', consent) : req);
    expect(res.status).toBe(202);
    return res.body.applicationId as string;
  };

  it('never scores an opted-out application: it waits for a person and lists without a score', async () => {
    const id = await apply('{"automatedScreening":false}');
    const done = await waitForStatus(api, token, id, ['screened', 'needs_review', 'failed']);
    expect(done.status).toBe('needs_review');
    expect(done.score).toBeUndefined();
    expect(done.label).toBeUndefined();
    expect(done.explanation).toBeUndefined();
    expect(done.timeline.at(-1)).toMatchObject({
      status: 'needs_review',
      reason: expect.stringMatching(/opted out/),
    });

    const list = await http(api).get(`/jobs/${jobId}/applications`).set(auth(token));
    const item = list.body.items.find((i: { id: string }) => i.id === id);
    expect(item).toMatchObject({ id, status: 'needs_review' });
    expect(item.score).toBeUndefined();

    // Nothing scored it, so the decision log has no model entry for it.
    const log = await http(api)
      .get('/audit/decision-log')
      .query({ applicationId: id })
      .set(auth(auditor));
    expect(log.body).toEqual([]);

    const explained = await http(api)
      .get(`/applications/${id}/explanation`)
      .query({ audience: 'candidate' })
      .set(auth(token));
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({
      audience: 'candidate',
      automatedAssessment: false,
      strengths: [],
      gaps: [],
    });
    expect(explained.body.text).toMatch(
      /As you asked, your application was not assessed by our automated screening tool/,
    );
  });

  it('explains a scored application in plain language, without scores, weights or other candidates', async () => {
    const id = await apply();
    const done = await waitForStatus(api, token, id, ['screened', 'needs_review', 'failed']);
    expect(done.status).toBe('screened');
    const res = await http(api)
      .get(`/applications/${id}/explanation`)
      .query({ audience: 'candidate' })
      .set(auth(token));
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.automatedAssessment).toBe(true);
    expect(body.strengths.length + body.gaps.length).toBeGreaterThan(0);
    expect(body.text).toContain('Senior Backend Engineer');
    expect(body.text).toMatch(/A person reviews every application/);
    const serialized = JSON.stringify(body);
    expect(serialized).not.toContain(String(done.score));
    expect(serialized).not.toMatch(
      /contribution|baseline|strong_fit|potential_fit|weak_fit|percentile|other candidates/,
    );
    const log = await http(api)
      .get('/audit/decision-log')
      .query({ applicationId: id })
      .set(auth(auditor));
    expect(log.body).toMatchObject([
      {
        action: 'application.scored',
        actor: { sub: 'system', kind: 'system' },
        score: done.score,
        inputSha256: expect.stringMatching(/^[a-f\d]{64}$/),
      },
    ]);
  });

  it('refuses other audiences, unfinished applications and roles that may not read applications', async () => {
    const [scored, queued] = await seedApplications(api, orgId, jobId, [80, null], {});
    await api
      .get<Model<Application>>(getModelToken(Application.name))
      .updateOne({ _id: queued }, { $set: { status: 'queued' } })
      .exec();
    const get = (id: string, t = token, audience = 'candidate') =>
      http(api).get(`/applications/${id}/explanation`).query({ audience }).set(auth(t));
    expect((await get(scored, token, 'recruiter')).status).toBe(400);
    expect((await get(queued)).body.error.code).toBe('EXPLANATION.NOT_READY');
    expect((await get(scored, await tokenFor(api, orgId, ['hiring_manager']))).status).toBe(403);
    expect((await get(scored)).status).toBe(200);
  });
});
