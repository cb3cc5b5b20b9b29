import { DomainError } from '../../../libs/common/errors';
import type { OrgContext } from '../../common/tenancy/org-context';
import { againstModel, DecisionsService, reasonRequired } from './decisions.service';

describe('decision rules', () => {
  it.each([
    ['advance', 'weak_fit', true],
    ['advance', 'potential_fit', false],
    ['advance', 'strong_fit', false],
    ['reject', 'strong_fit', true],
    ['hold', 'strong_fit', true],
    ['reject', 'weak_fit', false],
  ] as const)('%s on %s is against the model: %s', (decision, label, expected) => {
    expect(againstModel(decision, label)).toBe(expected);
  });

  it('always requires a reason to reject, and to go against the label', () => {
    expect(reasonRequired('reject', 'weak_fit')).toBe(true);
    expect(reasonRequired('advance', 'weak_fit')).toBe(true);
    expect(reasonRequired('advance', 'strong_fit')).toBe(false);
    expect(reasonRequired('hold', 'potential_fit')).toBe(false);
  });
});

describe(DecisionsService.name, () => {
  const ctx: OrgContext = {
    orgId: 'org1',
    actor: { sub: 'u1', kind: 'user' },
    roles: ['recruiter'],
  };
  const app = {
    _id: 'a1',
    orgId: 'org1',
    jobId: 'j1',
    status: 'screened',
    label: 'strong_fit',
    score: 88,
    modelVersion: 'v1',
    jobRevision: 2,
  };
  let mocks: {
    applications: { findById: jest.Mock; decide: jest.Mock };
    audit: { record: jest.Mock };
    cache: { invalidateJob: jest.Mock };
  };
  let sut: DecisionsService;

  beforeEach(() => {
    mocks = {
      applications: {
        findById: jest.fn().mockResolvedValue(app),
        decide: jest.fn().mockResolvedValue({ ...app }),
      },
      audit: { record: jest.fn() },
      cache: { invalidateJob: jest.fn() },
    };
    sut = new DecisionsService(
      mocks.applications as never,
      mocks.audit as never,
      mocks.cache as never,
      { publish: jest.fn() } as never,
      { recordDecision: jest.fn() } as never,
    );
  });

  it('refuses to reject without a reason and records nothing', async () => {
    await expect(sut.decide(ctx, 'a1', 'reject')).rejects.toMatchObject({
      code: 'DECISION.REASON_REQUIRED',
    });
    expect(mocks.applications.decide).not.toHaveBeenCalled();
    expect(mocks.audit.record).not.toHaveBeenCalled();
  });

  it('refuses an application the pipeline has not finished', async () => {
    mocks.applications.findById.mockResolvedValue({ ...app, status: 'parsing' });
    const err = await sut.decide(ctx, 'a1', 'advance').catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: 'DECISION.NOT_READY', kind: 'conflict' });
  });

  it('records the decision with what the person saw, audits it and invalidates the list cache', async () => {
    await sut.decide(ctx, 'a1', 'advance');
    expect(mocks.applications.decide).toHaveBeenCalledWith(
      'org1',
      'a1',
      expect.objectContaining({
        value: 'advance',
        actor: 'u1',
        score: 88,
        label: 'strong_fit',
        modelVersion: 'v1',
        jobRevision: 2,
      }),
      ['screened', 'needs_review', 'failed'],
    );
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'decision.recorded',
        orgId: 'org1',
        details: expect.objectContaining({
          applicationId: 'a1',
          value: 'advance',
          score: 88,
          modelVersion: 'v1',
          jobRevision: 2,
        }),
      }),
    );
    expect(mocks.cache.invalidateJob).toHaveBeenCalledWith('org1', 'j1');
  });
});
