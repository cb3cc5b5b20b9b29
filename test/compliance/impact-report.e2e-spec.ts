import type { INestApplication } from '@nestjs/common';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { createTestApp } from '../helpers/test-app';
import { createJob } from '../intake/intake-helpers';
import { auth, http, seedApplications } from './compliance-helpers';

type Row = {
  category: string;
  applicants: number;
  selected: number;
  selectionRate: number | null;
  impactRatio: number | null;
  fourFifthsFlag: boolean;
  fisherP: number | null;
};

/**
 * 28 scored applications and 1 unscored, worked by hand. Strong fit = score ≥ 70.
 *   men, White      90 85 80 75 72 71 60 50 40 30   6 strong   decisions: 5 advance, 5 reject
 *   women, White    88 78 74 70 65 55 45 35 25 20   4 strong   decisions: 3 advance, 7 reject
 *   women, Black    95 60 50 40 30                  1 strong   decisions: 1 advance, 4 reject
 *   no answer       99 80 10                        2 strong   no decisions (model seed-2)
 *   opted out       (no score)
 */
const GROUPS = [
  {
    answers: { sex: 'male', raceEthnicity: ['white'] },
    scores: [90, 85, 80, 75, 72, 71, 60, 50, 40, 30],
    advance: 5,
  },
  {
    answers: { sex: 'female', raceEthnicity: ['white'] },
    scores: [88, 78, 74, 70, 65, 55, 45, 35, 25, 20],
    advance: 3,
  },
  {
    answers: { sex: 'female', raceEthnicity: ['black'] },
    scores: [95, 60, 50, 40, 30],
    advance: 1,
  },
];

describe('adverse-impact report', () => {
  let app: INestApplication;
  let orgId: string;
  let service: string;
  let auditor: string;
  let jobId: string;
  const ids: string[][] = [];

  beforeAll(async () => {
    app = await createTestApp();
    ({ orgId, token: service } = await createOrgWithToken(app, ['service']));
    auditor = await tokenFor(app, orgId, ['auditor']);
    jobId = (await createJob(app, service)).id;
    for (const g of GROUPS) {
      const groupIds = [];
      for (const [i, score] of g.scores.entries()) {
        const decision = {
          value: i < g.advance ? 'advance' : 'reject',
          actor: 'seed',
          at: new Date(),
        } as never;
        const [id] = await seedApplications(app, orgId, jobId, [score], { decision });
        groupIds.push(id);
        const res = await http(app)
          .post(`/applications/${id}/demographics`)
          .set(auth(service))
          .send(g.answers);
        expect(res.status).toBe(201);
      }
      ids.push(groupIds);
    }
    await seedApplications(app, orgId, jobId, [99, 80, 10], { modelVersion: 'seed-2' });
    await seedApplications(app, orgId, jobId, [null], { optOutAutomated: true });
  });
  afterAll(async () => app?.close());

  const report = (query: Record<string, string>, token = auditor) =>
    http(app)
      .get('/reports/impact')
      .query({ jobId, ...query })
      .set(auth(token));
  const row = (rows: Row[], category: string) => rows.find((r) => r.category === category) as Row;

  it('screen stage, strong_fit rate: men 6/10, women 5/15 → 0.556 (flagged), Black 1/5 vs White 10/20 → 0.4', async () => {
    const res = await report({ stage: 'screen' });
    expect(res.status).toBe(200);
    const { report: r } = res.body;
    expect(r.applicants).toBe(28);
    expect(r.selected).toBe(6 + 4 + 1 + 2);
    expect(res.body.excluded).toBe(1); // the opted-out application has no score
    expect(row(r.sex.rows, 'male')).toMatchObject({
      applicants: 10,
      selected: 6,
      selectionRate: 0.6,
      impactRatio: 1,
      fourFifthsFlag: false,
    });
    const women = row(r.sex.rows, 'female');
    expect(women).toMatchObject({ applicants: 15, selected: 5, fourFifthsFlag: true });
    expect(women.impactRatio).toBeCloseTo(5 / 15 / 0.6, 10);
    expect(women.fisherP).toBeGreaterThan(0);
    expect(r.sex.unknown).toMatchObject({ applicants: 3, selected: 2 });
    expect(row(r.raceEthnicity.rows, 'black').impactRatio).toBeCloseTo(0.2 / 0.5, 10);
    expect(row(r.intersectional.rows, 'female|white').impactRatio).toBeCloseTo(0.4 / 0.6, 10);
    expect(row(r.intersectional.rows, 'female|black').impactRatio).toBeCloseTo(0.2 / 0.6, 10);
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Female has 15 applicants/),
        expect.stringMatching(/3 applicants of unknown category/),
      ]),
    );
    expect(res.body.modelVersions).toEqual(['seed-1', 'seed-2']);
    expect(res.body.ll144).toMatchObject({
      totalApplicants: 28,
      rateKind: 'selection rate',
      unknown: { sex: 3, raceEthnicity: 3, intersectional: 3 },
    });
    expect(res.body.ll144.sex).toEqual([
      { category: 'Male', applicants: 10, rate: 0.6, impactRatio: 1 },
      { category: 'Female', applicants: 15, rate: 0.333, impactRatio: 0.556 },
    ]);
  });

  it('screen stage, LL144 scoring rate: the median of the 28 scores is (60 + 65) / 2 = 62.5', async () => {
    const res = await report({ stage: 'screen', basis: 'median' });
    expect(res.body.median).toBe(62.5);
    // Above 62.5: men 6 of 10; women 5 of 10 White + 1 of 5 Black = 6 of 15; unknown 2 of 3.
    expect(row(res.body.report.sex.rows, 'female')).toMatchObject({ applicants: 15, selected: 6 });
    expect(row(res.body.report.sex.rows, 'female').impactRatio).toBeCloseTo(0.4 / 0.6, 10);
    expect(res.body.report.sex.unknown).toMatchObject({ applicants: 3, selected: 2 });
    expect(res.body.ll144.rateKind).toBe('scoring rate');
  });

  it('advance stage counts human decisions: men 5/10, women 4/15 → 0.533', async () => {
    const res = await report({ stage: 'advance' });
    const { report: r } = res.body;
    expect(r.applicants).toBe(25);
    expect(res.body.excluded).toBe(4); // three undecided unknowns and the opted-out application
    expect(row(r.sex.rows, 'female')).toMatchObject({
      applicants: 15,
      selected: 4,
      fourFifthsFlag: true,
    });
    expect(row(r.sex.rows, 'female').impactRatio).toBeCloseTo(4 / 15 / 0.5, 10);
    expect(r.sex.unknown.applicants).toBe(0);
  });

  it('filters by model version and period', async () => {
    const v1 = await report({ modelVersion: 'seed-1' });
    expect(v1.body.report.applicants).toBe(25);
    expect(v1.body.report.sex.unknown.applicants).toBe(0);
    const old = await report({ to: '2001-01-01T00:00:00Z' });
    expect(old.body.report.applicants).toBe(0);
    expect((await report({ from: '2030-01-01', to: '2020-01-01' })).status).toBe(400);
  });

  it('exports CSV for auditors', async () => {
    const res = await report({ format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(`impact-${jobId}-screen.csv`);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'dimension,category,applicants,selected,selection_rate,impact_ratio,four_fifths_flag,fisher_p,small_sample,below_2pct,reference',
    );
    expect(lines[1]).toBe('sex,Male,10,6,0.6,1,false,,true,false,true');
    expect(lines[2]).toMatch(/^sex,Female,15,5,0\.3333,0\.5556,true,0\.\d+,true,false,false$/);
    expect(lines[3]).toBe('sex,Unknown,3,2,0.6667,,false,,false,false,false');
  });

  it('is for auditors only, and validates its query', async () => {
    expect((await report({}, service)).status).toBe(403);
    const admin = await tokenFor(app, orgId, ['admin']);
    expect((await report({}, admin)).status).toBe(403);
    expect((await report({ stage: 'hire' })).status).toBe(400);
  });

  describe('self-identification', () => {
    const read = (id: string, token: string) =>
      http(app).get(`/applications/${id}/demographics`).set(auth(token));

    it('is readable by auditors and admins only', async () => {
      const id = ids[1][0];
      const expected = { applicationId: id, jobId, sex: 'female', raceEthnicity: ['white'] };
      expect((await read(id, auditor)).body).toMatchObject(expected);
      expect((await read(id, await tokenFor(app, orgId, ['admin']))).body).toMatchObject(expected);
      for (const role of ['recruiter', 'hiring_manager', 'service'] as const) {
        expect((await read(id, await tokenFor(app, orgId, [role]))).status).toBe(403);
      }
    });

    it('accepts "declined", does not echo answers, and rejects unknown categories', async () => {
      const [id] = await seedApplications(app, orgId, jobId, [50]);
      const ok = await http(app)
        .post(`/applications/${id}/demographics`)
        .set(auth(service))
        .send({ sex: 'declined', raceEthnicity: ['declined'] });
      expect(ok.status).toBe(201);
      expect(ok.body).toEqual({
        applicationId: id,
        recorded: true,
        submittedAt: expect.any(String),
      });
      const bad = await http(app)
        .post(`/applications/${id}/demographics`)
        .set(auth(service))
        .send({ sex: 'robot', raceEthnicity: ['martian'] });
      expect(bad.status).toBe(400);
      const other = await createOrgWithToken(app, ['service']);
      expect(
        (
          await http(app)
            .post(`/applications/${id}/demographics`)
            .set(auth(other.token))
            .send({ sex: 'male', raceEthnicity: ['asian'] })
        ).status,
      ).toBe(404);
    });
  });
});
