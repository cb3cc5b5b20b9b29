import { decodeCursor, encodeCursor, shortlistFilter } from './shortlist.query';

describe('shortlist cursor', () => {
  it('round-trips score and id, including unscored positions', () => {
    const id = '6650c2f1e4b0a1b2c3d4e5f6';
    expect(decodeCursor(encodeCursor({ s: 71.25, id }))).toEqual({ s: 71.25, id });
    expect(decodeCursor(encodeCursor({ s: null, id }))).toEqual({ s: null, id });
  });

  it.each(['garbage', Buffer.from('{"s":"x","id":"1"}').toString('base64url'), ''])(
    'rejects a forged or broken cursor %j with a stable code',
    (raw) => {
      expect(() => decodeCursor(raw)).toThrow(
        expect.objectContaining({ code: 'COMMON.INVALID_CURSOR' }),
      );
    },
  );
});

describe(shortlistFilter.name, () => {
  it('always scopes to the org and job', () => {
    const f = shortlistFilter('org1', 'job1', {}) as { $and: object[] };
    expect(f.$and.slice(0, 2)).toEqual([{ orgId: 'org1' }, { jobId: 'job1' }]);
  });

  it('pages strictly after (score, id) with unscored items last', () => {
    const f = shortlistFilter('o', 'j', {}, { s: 50, id: '6650c2f1e4b0a1b2c3d4e5f6' }) as {
      $and: unknown[];
    };
    const after = JSON.parse(JSON.stringify(f.$and[2]));
    expect(after.$or).toEqual([
      { score: { $lt: 50 } },
      { score: null },
      { $and: [{ score: 50 }, { _id: { $gt: '6650c2f1e4b0a1b2c3d4e5f6' } }] },
    ]);
  });

  it('combines filters with AND and supports "no decision yet"', () => {
    const f = shortlistFilter('o', 'j', {
      label: ['strong_fit'],
      minScore: 60,
      skill: ['Go'],
      decision: ['none', 'hold'],
    }) as {
      $and: unknown[];
    };
    expect(JSON.parse(JSON.stringify(f.$and.slice(2)))).toEqual([
      { label: { $in: ['strong_fit'] } },
      { score: { $gte: 60 } },
      { skills: { $all: ['Go'] } },
      { $or: [{ 'decision.value': { $in: ['hold'] } }, { decision: { $exists: false } }] },
    ]);
  });
});
