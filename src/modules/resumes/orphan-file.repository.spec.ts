import { ObjectId } from 'mongodb';
import {
  idAt,
  ORPHAN_WINDOW_MS,
  resumeKeys,
  sweepBounds,
  unreferenced,
} from './orphan-file.repository';

describe('orphan-file selection', () => {
  const now = new Date('2025-03-10T12:00:00.500Z');

  it('looks back a 7-day window and stops a grace before now', () => {
    const b = sweepBounds(now, 600_000);
    expect(b.cutoff.toISOString()).toBe('2025-03-10T11:50:00.500Z');
    expect(b.from.toISOString()).toBe('2025-03-03T12:00:00.500Z');
    expect(now.getTime() - b.from.getTime()).toBe(ORPHAN_WINDOW_MS);
  });

  it('makes ids that bound an _id range by creation time, to the second', () => {
    const cutoff = idAt(now);
    const sameSecond = ObjectId.createFromTime(Math.floor(now.getTime() / 1000));
    const secondBefore = ObjectId.createFromTime(Math.floor(now.getTime() / 1000) - 1);
    const madeLater = new ObjectId(); // real time, years after `now`
    expect(cutoff.getTimestamp().toISOString()).toBe('2025-03-10T12:00:00.000Z');
    expect(secondBefore.toHexString() < cutoff.toHexString()).toBe(true);
    expect(sameSecond.toHexString() >= cutoff.toHexString()).toBe(true);
    expect(madeLater.toHexString() > cutoff.toHexString()).toBe(true);
  });

  it('keys files by the resumes’ unique (orgId, sha256), skipping files without both strings', () => {
    const files = [
      { _id: new ObjectId(), metadata: { orgId: 'o1', sha256: 'aa', contentType: 'text/plain' } },
      { _id: new ObjectId(), metadata: { orgId: 'o1' } },
      { _id: new ObjectId(), metadata: { orgId: { $ne: '' }, sha256: 'bb' } },
      { _id: new ObjectId() },
    ];
    expect(resumeKeys(files)).toEqual([{ orgId: 'o1', sha256: 'aa' }]);
  });

  it('keeps ids no resume references, comparing string and ObjectId references by hex', () => {
    const [a, b, c, d] = [1, 2, 3, 4].map(() => new ObjectId());
    const orphans = unreferenced([a, b, c, d, a], [b.toHexString(), c, undefined, null]);
    expect(orphans.map(String)).toEqual([a, d].map(String));
    expect(unreferenced([a], [])).toEqual([a]);
  });
});
