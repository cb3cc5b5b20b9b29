import {
  DECOY_HASH,
  hashSecret,
  newClientId,
  newClientSecret,
  verifySecret,
} from './secret-hasher';

describe('secret-hasher', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const secret = newClientSecret();
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored).not.toContain(secret);
    await expect(verifySecret(secret, stored)).resolves.toBe(true);
    await expect(verifySecret(secret + 'x', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashSecret('same')).not.toBe(await hashSecret('same'));
  });

  it('never matches the decoy or a malformed hash', async () => {
    await expect(verifySecret('', DECOY_HASH)).resolves.toBe(false);
    await expect(verifySecret('x', 'plaintext')).resolves.toBe(false);
  });

  it('mints distinct, well-formed ids and 256-bit secrets', () => {
    expect(newClientId()).toMatch(/^cli_[0-9a-f]{24}$/);
    expect(newClientSecret()).toMatch(/^[\w-]{43}$/);
    expect(newClientSecret()).not.toBe(newClientSecret());
  });
});
