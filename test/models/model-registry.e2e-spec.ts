import type { INestApplication } from '@nestjs/common';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { listModelVersions, resolveModelVersion } from '../../libs/scoring';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { eventually, LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import {
  createJob,
  example,
  getApplication,
  textResume,
  upload,
  waitForStatus,
} from '../intake/intake-helpers';

const MODELS = join(__dirname, '..', '..', 'models');

/** A models dir holding the shipped model twice: as itself and as a "candidate" version. */
function modelsWithCandidate(candidate: string): { dir: string; active: string } {
  const dir = mkdtempSync(join(tmpdir(), 'models-'));
  const active = resolveModelVersion(MODELS);
  const card = JSON.parse(readFileSync(join(MODELS, `screening-${active}.json`), 'utf8'));
  for (const f of [card.file, card.textStats.file]) copyFileSync(join(MODELS, f), join(dir, f));
  writeFileSync(join(dir, `screening-${active}.json`), JSON.stringify(card));
  writeFileSync(join(dir, 'active.json'), JSON.stringify({ version: active }));
  writeFileSync(
    join(dir, `screening-${candidate}.json`),
    JSON.stringify({ ...card, version: candidate }),
  );
  return { dir, active };
}

describe('model registry: versions, shadow scoring and re-scoring through the queue', () => {
  const CANDIDATE = '99.0.0-shadow';
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let worker: INestApplication;
  let orgId: string;
  let admin: string;
  let recruiter: string;
  let active: string;

  beforeAll(async () => {
    const models = modelsWithCandidate(CANDIDATE);
    active = models.active;
    redis = await privateRedis();
    await redis.start();
    const env = { REDIS_URL: redis.url, MODELS_DIR: models.dir, SHADOW_MODEL_VERSION: CANDIDATE };
    api = await createTestApp(env);
    worker = await createTestWorker(env);
    ({ orgId, token: recruiter } = await createOrgWithToken(api, ['recruiter']));
    admin = await tokenFor(api, orgId, ['admin']);
    expect(listModelVersions(models.dir)).toEqual([CANDIDATE, active]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const http = () => request(api.getHttpServer());

  it('lists installed versions for admins only', async () => {
    const res = await http().get('/admin/models').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ version: active, active: true, shadow: false }),
        expect.objectContaining({ version: CANDIDATE, active: false, shadow: true }),
      ]),
    );
    expect(
      (await http().get('/admin/models').set('Authorization', `Bearer ${recruiter}`)).status,
    ).toBe(403);
  });

  it('scores with the shadow version alongside and reports agreement before promotion', async () => {
    const job = await createJob(api, recruiter);
    const ids: string[] = [];
    // Different people, so the scores differ and a rank correlation is defined.
    for (const name of [
      'ana-costa-backend.pdf',
      'tomas-herrera-nurse.docx',
      'marcus-reed-frontend.txt',
    ]) {
      ids.push((await upload(api, recruiter, job.id, example(name), name)).body.applicationId);
    }
    for (const id of ids) {
      const done = await waitForStatus(api, recruiter, id, ['screened', 'failed']);
      expect(done).toMatchObject({ status: 'screened', modelVersion: active });
    }
    let report: request.Response | undefined;
    await eventually(async () => {
      report = await http()
        .get(`/admin/models/${CANDIDATE}/shadow-report`)
        .query({ jobId: job.id })
        .set('Authorization', `Bearer ${admin}`);
      return report.body.count === 3;
    }, 'shadow scores for all three applications');
    expect(report!.body).toMatchObject({
      version: CANDIDATE,
      count: 3,
      meanScoreDelta: 0,
      labelChanges: { total: 0 },
    });
    expect(report!.body.spearman).toBeCloseTo(1, 6);
  });

  it('re-scores a job with another version through the queue', async () => {
    const job = await createJob(api, recruiter);
    const { applicationId } = (
      await upload(api, recruiter, job.id, textResume('rescore'), 'cv.txt')
    ).body;
    await waitForStatus(api, recruiter, applicationId, ['screened']);
    const res = await http()
      .post(`/admin/models/${CANDIDATE}/rescore`)
      .query({ jobId: job.id })
      .set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(202);
    await eventually(
      async () =>
        (await getApplication(api, recruiter, applicationId)).body.modelVersion === CANDIDATE,
      'the application re-scored with the candidate version',
    );
    const unknown = await http()
      .post('/admin/models/0.0.1/rescore')
      .set('Authorization', `Bearer ${admin}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('MODEL.NOT_FOUND');
  });
});
