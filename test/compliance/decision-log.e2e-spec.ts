import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { systemContext } from '../../src/common/tenancy/org-context';
import { DecisionLogEntry } from '../../src/modules/compliance/decision-log/decision-log.schema';
import { DecisionLogMaintenance } from '../../src/modules/compliance/decision-log/decision-log.maintenance';
import { DecisionLogService } from '../../src/modules/compliance/decision-log/decision-log.service';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';
import { createJob } from '../intake/intake-helpers';
import { auth, http, seedApplications } from './compliance-helpers';

describe('tamper-evident decision log', () => {
  let app: INestApplication;
  let entries: Model<DecisionLogEntry>;
  let log: DecisionLogService;

  beforeAll(async () => {
    app = await createTestApp();
    entries = app.get(getModelToken(DecisionLogEntry.name));
    log = app.get(DecisionLogService);
  });
  afterAll(async () => app?.close());

  /** A fresh org with `n` decisions recorded through the API; returns tokens and ids. */
  async function orgWithDecisions(n: number) {
    const { orgId, token } = await createOrgWithToken(app, ['recruiter']);
    const auditor = await tokenFor(app, orgId, ['auditor']);
    const job = await createJob(app, token);
    const ids = await seedApplications(
      app,
      orgId,
      job.id,
      Array.from({ length: n }, (_, i) => 40 + i * 10),
    );
    for (const id of ids) {
      const res = await http(app)
        .post(`/applications/${id}/decision`)
        .set(auth(token))
        .send({ decision: 'reject', reason: 'Not enough on-call experience' });
      expect(res.status).toBe(201);
    }
    return { orgId, token, auditor, ids, jobId: job.id };
  }

  const verify = (token: string) => http(app).get('/audit/verify').set(auth(token));

  it('appends one chained entry per human decision, with everything an auditor needs', async () => {
    const { orgId, auditor, ids, jobId } = await orgWithDecisions(3);
    const res = await verify(auditor);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      orgId,
      ok: true,
      checked: 3,
      firstSeq: 1,
      lastSeq: 3,
      brokenLink: null,
    });

    const found = await http(app)
      .get('/audit/decision-log')
      .query({ applicationId: ids[1] })
      .set(auth(auditor));
    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    expect(found.body[0]).toMatchObject({
      seq: 2,
      action: 'decision.recorded',
      actor: { kind: 'client' },
      applicationId: ids[1],
      jobId,
      modelVersion: 'seed-1',
      score: 50,
      label: 'potential_fit',
      decision: 'reject',
      reason: 'Not enough on-call experience',
      explanation: [{ text: 'Has 3 of 3 required skills', impact: 'positive' }],
      reasonSha256: expect.stringMatching(/^[a-f\d]{64}$/),
      hash: expect.stringMatching(/^[a-f\d]{64}$/),
      requestId: expect.any(String),
    });
    const all = await entries.find({ orgId }).lean().exec();
    const bySeq = new Map(all.map((e) => [e.seq, e]));
    expect(bySeq.get(2)?.prevHash).toBe(bySeq.get(1)?.hash);
    expect(res.body.headHash).toBe(bySeq.get(3)?.hash);
  });

  it('keeps one chain under concurrent appends (unique seq, retried on E11000)', async () => {
    const { orgId } = await createOrgWithToken(app, ['recruiter']);
    const ctx = systemContext(orgId, 'load-test');
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        log.append({
          orgId,
          at: new Date(),
          actor: ctx.actor,
          action: 'test.concurrent',
          applicationId: `app-${i}`,
          jobId: null,
          jobRevision: null,
          inputSha256: null,
          modelVersion: null,
          modelSha256: null,
          score: i,
          label: null,
          contributions: [],
          explanation: null,
          decision: null,
          reason: null,
          requestId: null,
        }),
      ),
    );
    const seqs = (await entries.find({ orgId }).lean().exec())
      .map((e) => e.seq)
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await log.verify(orgId)).toMatchObject({ ok: true, checked: 12 });
  });

  it('detects a score edited directly in the database, at that entry', async () => {
    const { orgId, auditor } = await orgWithDecisions(4);
    await entries.collection.updateOne({ orgId, seq: 3 }, { $set: { score: 99 } });
    const res = await verify(auditor);
    expect(res.body).toMatchObject({
      ok: false,
      checked: 2,
      lastSeq: 2,
      brokenLink: { seq: 3, problem: 'hash_mismatch' },
    });
  });

  it('detects an edited reason, a deleted entry and a truncated tail', async () => {
    const a = await orgWithDecisions(3);
    await entries.collection.updateOne(
      { orgId: a.orgId, seq: 2 },
      { $set: { reason: 'Great fit' } },
    );
    expect((await verify(a.auditor)).body.brokenLink).toMatchObject({
      seq: 2,
      problem: 'content_mismatch',
    });

    const b = await orgWithDecisions(3);
    await entries.collection.deleteOne({ orgId: b.orgId, seq: 2 });
    expect((await verify(b.auditor)).body.brokenLink).toMatchObject({ seq: 3, problem: 'seq_gap' });

    const c = await orgWithDecisions(3);
    await entries.collection.deleteOne({ orgId: c.orgId, seq: 3 });
    expect((await verify(c.auditor)).body.brokenLink).toMatchObject({
      seq: 3,
      problem: 'truncated',
    });
  });

  it('has no update or delete path through the model', async () => {
    const { orgId } = await orgWithDecisions(1);
    await expect(
      entries.updateOne({ orgId, seq: 1 }, { $set: { score: 1 } }).exec(),
    ).rejects.toThrow(/append-only/);
    await expect(entries.deleteMany({ orgId }).exec()).rejects.toThrow(/append-only/);
    expect(await entries.countDocuments({ orgId })).toBe(1);
  });

  it('retention removes a prefix and moves the anchor, and the rest still verifies', async () => {
    const { orgId, auditor } = await orgWithDecisions(4);
    const all = (await entries.find({ orgId }).lean().exec()).sort((x, y) => x.seq - y.seq);
    // Entries 1–2 become older than the cutoff.
    await entries.collection.updateMany(
      { orgId, seq: { $lte: 2 } },
      { $set: { at: new Date('2020-01-01') } },
    );
    const pruned = await app.get(DecisionLogMaintenance).prune(orgId, new Date('2021-01-01'));
    expect(pruned).toBe(2);
    const res = await verify(auditor);
    // The first two hashes no longer match their (moved) dates, but they are gone: the chain starts after them.
    expect(res.body).toMatchObject({
      ok: true,
      firstSeq: 3,
      lastSeq: 4,
      checked: 2,
      headHash: all[3].hash,
    });
  });

  it('is for auditors only', async () => {
    const { token } = await orgWithDecisions(1);
    expect((await verify(token)).status).toBe(403);
  });
});
