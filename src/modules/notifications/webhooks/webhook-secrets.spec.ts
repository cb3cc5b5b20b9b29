import type { AppConfig } from '../../../config/app-config';
import { WebhookSecrets } from './webhook-secrets';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe(WebhookSecrets.name, () => {
  const sut = new WebhookSecrets({ AUTH_ENCRYPTION_KEY: KEY } as AppConfig);
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  it('generates distinct whsec_ secrets with 256 bits of entropy', () => {
    const a = sut.generate();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(sut.generate()).not.toBe(a);
  });

  it('stores secrets sealed, never in plain text, and opens them to sign', () => {
    const plain = sut.generate();
    const stored = sut.seal(plain, t0);
    expect(stored.sealed).not.toContain(plain.slice(6));
    expect(sut.signing([stored], t0)).toEqual([plain]);
  });

  it('after a rotation both secrets sign until the grace period ends, then only the new one', () => {
    const old = sut.seal('whsec_old', t0);
    const fresh = sut.seal('whsec_new', at(10));
    const { secrets, previousExpiresAt } = sut.rotate([old], fresh, at(10), 3600);
    expect(previousExpiresAt).toEqual(at(3610));
    expect(sut.signing(secrets, at(11))).toEqual(['whsec_new', 'whsec_old']);
    expect(sut.signing(secrets, at(3609))).toEqual(['whsec_new', 'whsec_old']);
    expect(sut.signing(secrets, at(3610))).toEqual(['whsec_new']);
  });

  it('a zero grace period retires the old secret at once', () => {
    const { secrets, previousExpiresAt } = sut.rotate(
      [sut.seal('a', t0)],
      sut.seal('b', at(1)),
      at(1),
      0,
    );
    expect(previousExpiresAt).toBeNull();
    expect(sut.signing(secrets, at(1))).toEqual(['b']);
    expect(secrets).toHaveLength(1);
  });

  it('never extends an earlier expiry and keeps at most three secrets', () => {
    let secrets = [sut.seal('s0', t0)];
    for (let i = 1; i <= 4; i++)
      secrets = sut.rotate(secrets, sut.seal(`s${i}`, at(i)), at(i), 100).secrets;
    expect(secrets).toHaveLength(3);
    expect(sut.signing(secrets, at(5))).toEqual(['s4', 's3', 's2']);
    expect(secrets[1].expiresAt).toEqual(at(104));
    expect(secrets[2].expiresAt).toEqual(at(103));
  });
});
