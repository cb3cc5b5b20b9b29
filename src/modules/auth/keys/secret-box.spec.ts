import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe(SecretBox.name, () => {
  const key = randomBytes(32).toString('base64');

  it('round-trips through AES-GCM without leaving the plain text in the sealed value', () => {
    const sut = new SecretBox(key);
    const sealed = sut.seal('-----BEGIN PRIVATE KEY-----abc');
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain('PRIVATE KEY');
    expect(sut.open(sealed)).toBe('-----BEGIN PRIVATE KEY-----abc');
  });

  it('detects tampering', () => {
    const sut = new SecretBox(key);
    const sealed = sut.seal('secret');
    const parts = sealed.split(':');
    parts[3] = Buffer.from('SECRET').toString('base64');
    expect(() => sut.open(parts.join(':'))).toThrow();
  });

  it('stores plain text without a key, and still opens it once a key is configured', () => {
    const sealed = new SecretBox().seal('secret');
    expect(sealed).toBe('plain:secret');
    expect(new SecretBox(key).open(sealed)).toBe('secret');
  });

  it('refuses to open a sealed value without the key, or with the wrong key', () => {
    const sealed = new SecretBox(key).seal('secret');
    expect(() => new SecretBox().open(sealed)).toThrow(/AUTH_ENCRYPTION_KEY/);
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(sealed)).toThrow();
  });

  it('rejects keys of the wrong size', () => {
    expect(() => new SecretBox(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
