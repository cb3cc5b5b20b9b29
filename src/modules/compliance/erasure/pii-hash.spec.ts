import { createHash } from 'node:crypto';
import { hashedValue, hashPersonalData } from './pii-hash';

describe(hashPersonalData.name, () => {
  const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;

  it('hashes free text and any string holding an identifier, and keeps the rest', () => {
    const details = {
      applicationId: 'a1',
      value: 'reject',
      score: 42,
      reason: 'Prefer Jane Roe',
      nested: { to: 'JANE@example.com', list: ['x', 'file abc123def'] },
    };
    const { value, changed } = hashPersonalData(details, ['jane@example.com', 'abc123def']);
    expect(changed).toBe(true);
    expect(value).toEqual({
      applicationId: 'a1',
      value: 'reject',
      score: 42,
      reason: sha('Prefer Jane Roe'),
      nested: { to: sha('JANE@example.com'), list: ['x', sha('file abc123def')] },
    });
  });

  it('leaves records without personal data, and already-hashed values, unchanged', () => {
    const hashed = hashedValue('Prefer Jane Roe');
    expect(hashPersonalData({ reason: hashed, roles: ['admin'] }, ['jane@example.com'])).toEqual({
      value: { reason: hashed, roles: ['admin'] },
      changed: false,
    });
  });
});
