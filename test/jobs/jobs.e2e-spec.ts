import type { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createOrgWithToken } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';
import { createJob, textResume, upload } from '../intake/intake-helpers';

describe('jobs API', () => {
  let app: INestApplication;
  let token: string;
  const http = () => request(app.getHttpServer());
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await createTestApp();
    ({ token } = await createOrgWithToken(app, ['recruiter']));
  });
  afterAll(async () => app?.close());

  it('normalises skills against the taxonomy and flags unknown ones', async () => {
    const job = await createJob(app, token, {
      requiredSkills: ['JS', 'k8s', 'Node.js', 'FluxCapacitorOps'],
      preferredSkills: ['MS Excel'],
    });
    const res = await auth(http().get(`/jobs/${job.id}`));
    expect(res.status).toBe(200);
    expect(res.body.requiredSkills).toEqual([
      { name: 'JavaScript', known: true },
      { name: 'Kubernetes', known: true },
      { name: 'Node.js', known: true },
      { name: 'FluxCapacitorOps', known: false },
    ]);
    expect(res.body.preferredSkills).toEqual([{ name: 'Microsoft Excel', known: true }]);
    expect(res.body).toMatchObject({ status: 'open', revision: 1 });
  });

  it('rejects unknown fields and bad values with the validation code', async () => {
    const res = await auth(http().post('/jobs')).send({ title: 'X job', salary: 1, minYears: -1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('COMMON.VALIDATION_FAILED');
  });

  it('bumps the revision only when requirements change', async () => {
    const job = await createJob(app, token);
    const loc = await auth(http().patch(`/jobs/${job.id}`)).send({ location: 'Remote' });
    expect(loc.body.revision).toBe(1);
    const req = await auth(http().patch(`/jobs/${job.id}`)).send({ requiredSkills: ['Go'] });
    expect(req.status).toBe(200);
    expect(req.body.revision).toBe(2);
    expect(req.body.requiredSkills).toEqual([{ name: 'Go', known: true }]);
  });

  it('closes and archives, refusing applications to a closed job and invalid transitions', async () => {
    const job = await createJob(app, token);
    const closed = await auth(http().post(`/jobs/${job.id}/close`));
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const apply = await upload(app, token, job.id, textResume('closed-job'), 'cv.txt');
    expect(apply.status).toBe(409);
    expect(apply.body.error.code).toBe('JOB.NOT_OPEN');
    expect((await auth(http().post(`/jobs/${job.id}/archive`))).body.status).toBe('archived');
    const again = await auth(http().post(`/jobs/${job.id}/close`));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('JOB.INVALID_TRANSITION');
  });

  it('pages the job list newest first without losing or repeating jobs', async () => {
    const { token: t } = await createOrgWithToken(app, ['recruiter']);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await createJob(app, t, { title: `Job ${i}` })).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(app.getHttpServer())
        .get('/jobs')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${t}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((j: { id: string }) => j.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('never serves a stale job list or detail after a write', async () => {
    const { token: t } = await createOrgWithToken(app, ['recruiter']);
    const get = (path: string) =>
      request(app.getHttpServer()).get(path).set('Authorization', `Bearer ${t}`);
    const first = await createJob(app, t, { title: 'Cached one' });
    expect((await get('/jobs')).body.items).toHaveLength(1);
    expect((await get('/jobs')).body.items).toHaveLength(1); // served from cache
    await createJob(app, t, { title: 'Cached two' });
    expect((await get('/jobs')).body.items).toHaveLength(2);

    expect((await get(`/jobs/${first.id}`)).body.title).toBe('Cached one');
    await request(app.getHttpServer())
      .patch(`/jobs/${first.id}`)
      .set('Authorization', `Bearer ${t}`)
      .send({ title: 'Renamed' });
    expect((await get(`/jobs/${first.id}`)).body.title).toBe('Renamed');
    const listed = (await get('/jobs')).body.items.map((j: { title: string }) => j.title);
    expect(listed).toContain('Renamed');

    const metrics = await request(app.getHttpServer()).get('/metrics');
    expect(metrics.text).toMatch(
      /screener_cache_requests_total\{cache="jobs",result="hit"\} [1-9]/,
    );
    expect(metrics.text).toMatch(
      /screener_cache_requests_total\{cache="job",result="miss"\} [1-9]/,
    );
  });

  it('creates a draft job from an uploaded posting with its requirements extracted', async () => {
    const posting = readFileSync(
      join(__dirname, '..', '..', 'examples', 'jobs', 'backend-engineer.md'),
    );
    const res = await auth(http().post('/jobs/from-file')).attach(
      'file',
      posting,
      'backend-engineer.md',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Senior Backend Engineer',
      status: 'draft',
      minYears: 5,
      educationLevel: 'bachelor',
    });
    const required = res.body.requiredSkills.map((s: { name: string }) => s.name);
    expect(required).toEqual(expect.arrayContaining(['Node.js', 'TypeScript', 'Kubernetes']));
    expect(res.body.preferredSkills.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['NestJS', 'Redis']),
    );

    const exe = await auth(http().post('/jobs/from-file')).attach(
      'file',
      Buffer.from('MZ\x90\x00binary'),
      'job.pdf',
    );
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('JOB.UNSUPPORTED_FILE');
  });
});
