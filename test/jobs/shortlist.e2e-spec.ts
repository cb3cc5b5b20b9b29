import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Types } from 'mongoose';
import request from 'supertest';
import { buildProfile } from '../../libs/parsing';
import { Application } from '../../src/modules/applications/application.schema';
import { Resume } from '../../src/modules/resumes/resume.schema';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';
import { createJob, textResume } from '../intake/intake-helpers';

type Item = {
  id: string;
  score?: number;
  label?: string;
  topReasons: string[];
  decision?: { value: string };
};

describe('ranked shortlist and decisions', () => {
  let app: INestApplication;
  let apps: Model<Application>;
  let resumes: Model<Resume>;
  let orgId: string;
  let token: string;

  beforeAll(async () => {
    app = await createTestApp();
    apps = app.get(getModelToken(Application.name));
    resumes = app.get(getModelToken(Resume.name));
    ({ orgId, token } = await createOrgWithToken(app, ['recruiter']));
  });
  afterAll(async () => app?.close());

  /** Seeds screened applications directly; scores repeat so ties are exercised. */
  async function seed(jobId: string, scores: (number | null)[], extra: Partial<Application> = {}) {
    const docs = scores.map((score) => ({
      orgId,
      jobId,
      resumeId: new Types.ObjectId().toString(),
      status: score === null ? 'needs_review' : 'screened',
      statusAt: new Date(),
      timeline: [],
      score: score ?? undefined,
      label:
        score === null
          ? undefined
          : score >= 70
            ? 'strong_fit'
            : score >= 45
              ? 'potential_fit'
              : 'weak_fit',
      topReasons: ['seeded'],
      skills: score !== null && score >= 60 ? ['Node.js', 'Kubernetes'] : ['Node.js'],
      ...extra,
    }));
    const created = await apps.insertMany(docs);
    return created.map((d) => String(d._id));
  }

  const page = (jobId: string, query: Record<string, unknown>, t = token) =>
    request(app.getHttpServer())
      .get(`/jobs/${jobId}/applications`)
      .query(query)
      .set('Authorization', `Bearer ${t}`);

  async function walk(
    jobId: string,
    query: Record<string, unknown>,
    onPage?: (n: number) => Promise<void>,
  ) {
    const seen: Item[] = [];
    let cursor: string | undefined;
    let n = 0;
    do {
      const res = await page(jobId, { ...query, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (onPage) await onPage(n++);
    } while (cursor);
    return seen;
  }

  it('orders by score descending then id, stable under ties, with unscored items last', async () => {
    const job = await createJob(app, token);
    const scores = [
      90,
      80,
      80,
      80,
      80,
      75,
      75,
      60,
      60,
      60,
      50,
      40,
      40,
      null,
      null,
      95,
      80,
      10,
      75,
      80,
      55,
      33,
      33,
    ];
    const ids = await seed(job.id, scores);
    const seen = await walk(job.id, { limit: 4 });
    expect(seen.map((i) => i.id).sort()).toEqual([...ids].sort());
    const key = (i: Item) => [i.score ?? -1, i.id] as const;
    for (let k = 1; k < seen.length; k++) {
      const [s0, id0] = key(seen[k - 1]);
      const [s1, id1] = key(seen[k]);
      expect(s0 > s1 || (s0 === s1 && id0 < id1)).toBe(true);
    }
    expect(seen[0]).toMatchObject({ score: 95, label: 'strong_fit', topReasons: ['seeded'] });
  });

  it('loses and repeats nothing while new applications arrive between pages', async () => {
    const job = await createJob(app, token);
    const ids = await seed(
      job.id,
      Array.from({ length: 30 }, (_, i) => 40 + (i % 6) * 10),
    );
    const seen = await walk(job.id, { limit: 5 }, async (n) => {
      if (n < 4) await seed(job.id, [99, 45, 45, 10]);
    });
    const seenIds = seen.map((i) => i.id);
    expect(new Set(seenIds).size).toBe(seenIds.length);
    for (const id of ids) expect(seenIds).toContain(id);
  });

  it('combines filters', async () => {
    const job = await createJob(app, token);
    const ids = await seed(job.id, [92, 85, 72, 65, 50, 30]);
    await apps.updateOne(
      { _id: ids[1] },
      { $set: { decision: { value: 'hold', actor: 'x', at: new Date() } } },
    );
    const res = await page(job.id, {
      label: 'strong_fit',
      minScore: 80,
      skill: 'Kubernetes',
      decision: 'none',
    });
    expect(res.body.items.map((i: Item) => i.id)).toEqual([ids[0]]);
    const held = await page(job.id, { decision: 'hold' });
    expect(held.body.items.map((i: Item) => i.id)).toEqual([ids[1]]);
    const mid = await page(job.id, { label: 'potential_fit,strong_fit', minScore: 60 });
    expect(mid.body.items.map((i: Item) => i.id)).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    const bad = await page(job.id, { label: 'great' });
    expect(bad.status).toBe(400);
  });

  it('never serves a stale shortlist after a decision', async () => {
    const job = await createJob(app, token);
    const [id] = await seed(job.id, [88]);
    expect((await page(job.id, {})).body.items[0].decision).toBeUndefined();
    await request(app.getHttpServer())
      .post(`/applications/${id}/decision`)
      .set('Authorization', `Bearer ${token}`)
      .send({ decision: 'advance' });
    expect((await page(job.id, {})).body.items[0].decision.value).toBe('advance');
  });

  it('requires a reason to reject or to overrule the label, audits each decision and shows the trail', async () => {
    const job = await createJob(app, token);
    const [strong, weak] = await seed(job.id, [91, 20]);
    const decide = (id: string, body: object) =>
      request(app.getHttpServer())
        .post(`/applications/${id}/decision`)
        .set('Authorization', `Bearer ${token}`)
        .send(body);

    expect((await decide(weak, { decision: 'reject' })).body.error.code).toBe(
      'DECISION.REASON_REQUIRED',
    );
    expect((await decide(weak, { decision: 'advance' })).body.error.code).toBe(
      'DECISION.REASON_REQUIRED',
    );
    expect((await decide(strong, { decision: 'hold' })).body.error.code).toBe(
      'DECISION.REASON_REQUIRED',
    );
    expect((await decide(strong, { decision: 'promote' })).status).toBe(400);
    const ok = await decide(weak, {
      decision: 'advance',
      reason: 'Strong portfolio outside the resume',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.decision).toMatchObject({
      value: 'advance',
      reason: 'Strong portfolio outside the resume',
    });

    const audit = await app
      .get(getModelToken('AuditEvent'))
      .find({ orgId, action: 'decision.recorded', 'details.applicationId': weak })
      .lean();
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ value: 'advance', score: 20, label: 'weak_fit' });

    const history = await request(app.getHttpServer())
      .get(`/applications/${weak}/history`)
      .set('Authorization', `Bearer ${token}`);
    expect(history.body.filter((e: { type: string }) => e.type === 'decision')).toEqual([
      expect.objectContaining({
        decision: 'advance',
        reason: 'Strong portfolio outside the resume',
        score: 20,
      }),
    ]);
  });

  it('shows hiring managers the blind view only', async () => {
    const job = await createJob(app, token);
    const text = textResume('blind')
      .toString('utf8')
      .replace('Candidate blind', 'Zelda Quartermain');
    const resume = await resumes.create({
      orgId,
      fileId: new Types.ObjectId().toString(),
      sha256: `blind-${Date.now()}`,
      filename: 'cv.txt',
      kind: 'txt',
      size: text.length,
      parseStatus: 'parsed',
      profile: buildProfile(text),
    });
    const [id] = await seed(job.id, [77], { resumeId: String(resume._id) } as Partial<Application>);
    const hm = await tokenFor(app, orgId, ['hiring_manager']);
    const asHm = await request(app.getHttpServer())
      .get(`/applications/${id}?view=full`)
      .set('Authorization', `Bearer ${hm}`);
    expect(asHm.status).toBe(200);
    expect(asHm.body.view).toBe('blind');
    const blindText = JSON.stringify(asHm.body.profile);
    expect(blindText).not.toContain('Zelda');
    expect(blindText).not.toContain('@example.com');
    expect(blindText).not.toContain('555 0100');

    const asRecruiter = await request(app.getHttpServer())
      .get(`/applications/${id}`)
      .set('Authorization', `Bearer ${token}`);
    expect(asRecruiter.body.view).toBe('full');
    expect(JSON.stringify(asRecruiter.body.profile)).toContain('Zelda');
  });
});
