import type { INestApplication } from '@nestjs/common';
import { Types } from 'mongoose';
import { ApplicationRepository } from '../../src/modules/applications/application.repository';
import { waitForMongo } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';

/** Queue delivery is at-least-once; these claims make the visible result exactly-once. */
describe('screening claims on a real database', () => {
  let app: INestApplication;
  let repo: ApplicationRepository;
  const orgId = `org-claims-${Date.now()}`;

  beforeAll(async () => {
    app = await createTestApp();
    await waitForMongo(app);
    repo = app.get(ApplicationRepository, { strict: false });
  });
  afterAll(async () => app?.close());

  const newApp = async () =>
    String(
      (
        await repo.create(
          {
            orgId,
            jobId: new Types.ObjectId().toString(),
            resumeId: new Types.ObjectId().toString(),
          },
          'parsed',
          'seed',
        )
      )._id,
    );
  const finish = (id: string, run: string) =>
    repo.transition(
      orgId,
      id,
      'screened',
      'scored',
      ['screening'],
      { jobRevision: 1, modelVersion: 'v1', score: 50 },
      { screeningRun: run },
    );
  const claim = (id: string, run: string) =>
    repo.claimScreening(orgId, id, run, ['parsed', 'screening', 'screened'], 1, 'v1');

  it('lets only the latest of two overlapping runs write its result', async () => {
    const id = await newApp();
    expect(await claim(id, 'run-a')).toBe(true);
    expect(await claim(id, 'run-b')).toBe(true);
    expect(await finish(id, 'run-a')).toBe(false);
    expect(await finish(id, 'run-b')).toBe(true);
    const doc = await repo.findById(orgId, id);
    expect(doc!.timeline.filter((t) => t.status === 'screened')).toHaveLength(1);
  });

  it('refuses a claim once the result exists at the same revision and model', async () => {
    const id = await newApp();
    expect(await claim(id, 'run-a')).toBe(true);
    expect(await finish(id, 'run-a')).toBe(true);
    expect(await claim(id, 'run-late')).toBe(false);
    expect(await repo.claimScreening(orgId, id, 'run-v2', ['screened'], 1, 'v2')).toBe(true);
  });
});
