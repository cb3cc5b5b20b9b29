import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import request from 'supertest';
import { Application } from '../../src/modules/applications/application.schema';
import { Job } from '../../src/modules/jobs/job.schema';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';
import { createJob, textResume, upload } from '../intake/intake-helpers';

/** Another org's jobs, resumes and applications answer 404 to every verb, and nothing changes. */
describe('tenancy on the business resources', () => {
  let app: INestApplication;
  let owner: { orgId: string; token: string };
  let intruder: string;
  let jobId: string;
  let applicationId: string;
  let resumeId: string;

  beforeAll(async () => {
    app = await createTestApp();
    owner = await createOrgWithToken(app, ['recruiter']);
    const other = await createOrgWithToken(app, ['recruiter', 'hiring_manager']);
    intruder = other.token;
    jobId = (await createJob(app, owner.token)).id;
    const up = await upload(app, owner.token, jobId, textResume('tenancy'), 'cv.txt');
    ({ applicationId, resumeId } = up.body);
    // A decision needs a finished application; this suite runs no worker, so mark it screened.
    await app
      .get<Model<Application>>(getModelToken(Application.name))
      .updateOne(
        { _id: applicationId },
        { $set: { status: 'screened', score: 80, label: 'strong_fit' } },
      );
  });
  afterAll(async () => app?.close());

  const as = (token: string, r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  const http = () => request(app.getHttpServer());

  it.each([
    ['GET /jobs/:id', () => `/jobs/${jobId}`],
    ['GET /jobs/:id/applications', () => `/jobs/${jobId}/applications`],
    ['GET /applications/:id', () => `/applications/${applicationId}`],
    ['GET /applications/:id/history', () => `/applications/${applicationId}/history`],
    ['GET /resumes/:id', () => `/resumes/${resumeId}`],
    ['GET /resumes/:id/file', () => `/resumes/${resumeId}/file`],
  ])('%s → 404', async (_route, path) => {
    const res = await as(intruder, http().get(path()));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toMatch(/NOT_FOUND$/);
  });

  it('cannot update, close, archive or decide on another org’s resources, and nothing changes', async () => {
    const before = await app.get<Model<Job>>(getModelToken(Job.name)).findById(jobId).lean();
    const attempts = [
      as(intruder, http().patch(`/jobs/${jobId}`)).send({ title: 'Hijacked' }),
      as(intruder, http().post(`/jobs/${jobId}/close`)),
      as(intruder, http().post(`/jobs/${jobId}/archive`)),
      as(intruder, http().post(`/applications/${applicationId}/decision`)).send({
        decision: 'advance',
      }),
      as(intruder, http().post(`/applications/${applicationId}/retry`)),
      as(intruder, http().post(`/jobs/${jobId}/applications`)).send({ resumeId }),
    ];
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(404);
    const after = await app.get<Model<Job>>(getModelToken(Job.name)).findById(jobId).lean();
    expect(after).toEqual(before);
    const application = await as(owner.token, http().get(`/applications/${applicationId}`));
    expect(application.body.decision).toBeUndefined();
  });

  it('takes the org from the token only, never from the request', async () => {
    const sneaky = await as(
      intruder,
      http().get(`/jobs/${jobId}`).query({ orgId: owner.orgId }).set('X-Org-Id', owner.orgId),
    );
    expect([400, 404]).toContain(sneaky.status);
    const hm = await tokenFor(app, owner.orgId, ['hiring_manager']);
    expect((await as(hm, http().get(`/jobs/${jobId}/applications`))).status).toBe(200);
  });
});
