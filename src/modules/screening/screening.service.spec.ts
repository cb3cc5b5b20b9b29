import { Types } from 'mongoose';
import { buildProfile } from '../../../libs/parsing';
import { fixture } from '../../../libs/parsing/test-support/fixtures';
import type { ScoreResult, ScreeningModel } from '../../../libs/scoring';
import type { ApplicationRecord } from '../applications/application.repository';
import type { DomainEvent } from '../notifications/domain-events';
import { ScreeningService } from './screening.service';

const PROFILE = buildProfile(fixture('resume-utf8.txt').toString('utf8'), { pages: 1 });

const JOB = {
  _id: 'job1',
  revision: 3,
  title: 'Backend Engineer',
  description: 'Node.js services',
  requiredSkills: [{ name: 'TypeScript' }],
  preferredSkills: [],
  minYears: 2,
};

function fakeModel(): ScreeningModel & { runs: number } {
  const model = {
    version: '1.0.0',
    runs: 0,
    async scoreBatch(items: unknown[]): Promise<ScoreResult[]> {
      model.runs += items.length;
      return items.map(() => ({
        score: 72.5,
        label: 'strong_fit',
        modelVersion: '1.0.0',
        modelSha256: 'abc',
        features: {},
        explanation: { contributions: [], reasons: [], baseline: 50 },
        expected: 0.7,
      }));
    },
  };
  return model as unknown as ScreeningModel & { runs: number };
}

/** The service over in-memory collaborators; `app` is what the repository returns. */
function setup(app: Partial<ApplicationRecord>, opts: { logged?: boolean } = {}) {
  const model = fakeModel();
  const published: DomainEvent[] = [];
  const recorded: unknown[] = [];
  let failNextRecord = false;
  const stored: ApplicationRecord = {
    _id: new Types.ObjectId(),
    orgId: 'org1',
    jobId: 'job1',
    resumeId: 'res1',
    status: 'parsed',
    ...app,
  } as ApplicationRecord;
  const applications = {
    findById: async () => ({ ...stored }),
    claimScreening: async () => true,
    transition: async (
      _o: string,
      _id: string,
      to: string,
      _r: string,
      _from: string[],
      set = {},
    ) => {
      Object.assign(stored, { status: to, ...set });
      return true;
    },
    setShadow: async () => undefined,
  };
  const decisionLog = {
    hasScore: async () => opts.logged ?? recorded.length > 0,
    recordScore: async (...args: unknown[]) => {
      if (failNextRecord) {
        failNextRecord = false;
        throw new Error('database is locked');
      }
      recorded.push(args);
    },
  };
  const service = new ScreeningService(
    applications as never,
    { findById: async () => ({ profile: PROFILE, parseStatus: 'parsed' }) } as never,
    { findById: async () => JOB } as never,
    { forVersion: async () => model, shadowVersion: () => undefined } as never,
    { invalidateJob: async () => undefined } as never,
    { publish: async (e: DomainEvent) => void published.push(e) } as never,
    decisionLog as never,
  );
  const run = () => service.handle({ orgId: 'org1', applicationId: String(stored._id) });
  return { run, model, published, recorded, failRecordOnce: () => (failNextRecord = true) };
}

describe('ScreeningService', () => {
  it('screens, logs the score once and announces it', async () => {
    const s = setup({});
    await expect(s.run()).resolves.toBe('done');
    expect(s.recorded).toHaveLength(1);
    expect(s.published.map((e) => e.type)).toEqual(['application.screened']);
  });

  it('finishes on retry what an attempt that failed after the transition left undone', async () => {
    const s = setup({});
    s.failRecordOnce();
    await expect(s.run()).rejects.toThrow('database is locked');
    expect(s.published).toHaveLength(0);
    await expect(s.run()).resolves.toBe('skipped');
    expect(s.recorded).toHaveLength(1);
    expect(s.published).toHaveLength(1);
    expect(s.published[0]).toMatchObject({ type: 'application.screened', data: { score: 72.5 } });
  });

  it('repeats only the event when the log already holds the score', async () => {
    const s = setup(
      {
        status: 'screened',
        jobRevision: 3,
        modelVersion: '1.0.0',
        score: 72.5,
        label: 'strong_fit',
      },
      { logged: true },
    );
    await s.run();
    await s.run();
    expect(s.model.runs).toBe(0);
    expect(s.recorded).toHaveLength(0);
    // Same id each time: webhook delivery de-duplicates by it, so a receiver sees one event.
    expect(new Set(s.published.map((e) => e.id)).size).toBe(1);
  });
});
