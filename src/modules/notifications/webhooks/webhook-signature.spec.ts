import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature';

describe(verifySignature.name, () => {
  const body = JSON.stringify({ id: 'evt-1', data: { score: 81.5 } });
  const t = 1_700_000_000;
  const now = t * 1000;

  it('produces the documented format: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const header = signatureHeader(body, ['whsec_a'], t);
    const hex = createHmac('sha256', 'whsec_a').update(`${t}.${body}`).digest('hex');
    expect(header).toBe(`t=${t},v1=${hex}`);
  });

  it('verifies with the right secret and rejects a tampered body or a wrong secret', () => {
    const header = signatureHeader(body, ['whsec_a'], t);
    expect(verifySignature(body, header, 'whsec_a', { now })).toBe(true);
    expect(verifySignature(body.replace('81.5', '99.5'), header, 'whsec_a', { now })).toBe(false);
    expect(verifySignature(body, header, 'whsec_b', { now })).toBe(false);
  });

  it('signs with every active secret so either verifies during a rotation', () => {
    const header = signatureHeader(body, ['whsec_new', 'whsec_old'], t);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(body, header, 'whsec_new', { now })).toBe(true);
    expect(verifySignature(body, header, 'whsec_old', { now })).toBe(true);
  });

  it('rejects timestamps outside the tolerance, and a tampered timestamp', () => {
    const header = signatureHeader(body, ['s'], t);
    expect(verifySignature(body, header, 's', { now: now + 299_000 })).toBe(true);
    expect(verifySignature(body, header, 's', { now: now + 301_000 })).toBe(false);
    expect(verifySignature(body, header, 's', { now: now - 301_000 })).toBe(false);
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(verifySignature(body, moved, 's', { now })).toBe(false);
  });

  it('rejects malformed headers without throwing', () => {
    for (const h of ['', 'v1=abc', `t=${t}`, `t=x,v1=${'0'.repeat(64)}`, `t=${t},v1=zz`]) {
      expect(verifySignature(body, h, 's', { now })).toBe(false);
    }
  });

  it('refuses to sign without a secret', () => {
    expect(() => signatureHeader(body, [], t)).toThrow(/secret/);
  });
});
