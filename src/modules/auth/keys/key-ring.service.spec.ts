import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../../config/app-config';
import { KeyRingService, thumbprint } from './key-ring.service';
import type { SigningKey } from './signing-key.schema';
import type { SigningKeyRepository } from './signing-key.repository';

/** An in-memory stand-in for the signingKeys collection. */
function fakeRepo() {
  const docs: SigningKey[] = [];
  return {
    docs,
    recent: jest.fn(async () => [...docs].sort((a, b) => +b.createdAt - +a.createdAt)),
    insert: jest.fn(async (k: SigningKey) => void docs.push({ ...k })),
    retireAllExcept: jest.fn(async (kid: string, at: Date) => {
      for (const d of docs) if (d._id !== kid && !d.retiredAt) d.retiredAt = at;
      return 0;
    }),
  };
}

const config = (extra: Partial<AppConfig> = {}) =>
  ({ JWT_TTL_SECONDS: 900, ...extra }) as AppConfig;

describe(KeyRingService.name, () => {
  let repo: ReturnType<typeof fakeRepo>;
  let sut: KeyRingService;

  beforeEach(() => {
    repo = fakeRepo();
    sut = new KeyRingService(repo as unknown as SigningKeyRepository, config());
  });

  it('creates one key on first use and reuses it', async () => {
    const first = await sut.signingKey();
    const second = await sut.signingKey();
    expect(second.kid).toBe(first.kid);
    expect(repo.insert).toHaveBeenCalledTimes(1);
    expect(repo.docs[0].publicJwk).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: first.kid,
    });
    expect(first.kid).toBe(thumbprint(repo.docs[0].publicJwk as { n: string; e: string }));
  });

  it('rotation switches the signer but keeps the old key verifiable and published', async () => {
    const old = await sut.signingKey();
    const kid = await sut.rotate();
    expect((await sut.signingKey()).kid).toBe(kid);
    expect(await sut.verificationKey(old.kid)).not.toBeNull();
    expect((await sut.jwks()).keys.map((k) => k.kid).sort()).toEqual([old.kid, kid].sort());
  });

  it('drops a key once one token lifetime plus two cache periods have passed since retirement', async () => {
    const old = await sut.signingKey();
    await sut.rotate();
    repo.docs.find((d) => d._id === old.kid)!.retiredAt = new Date(Date.now() - (900 + 121) * 1000);
    const fresh = new KeyRingService(repo as unknown as SigningKeyRepository, config());
    expect(await fresh.verificationKey(old.kid)).toBeNull();
    expect((await fresh.jwks()).keys.map((k) => k.kid)).not.toContain(old.kid);
  });

  it('re-reads the store for an unknown kid, but at most once per interval', async () => {
    await sut.signingKey();
    repo.recent.mockClear();
    expect(await sut.verificationKey('unknown-1')).toBeNull();
    expect(await sut.verificationKey('unknown-2')).toBeNull();
    expect(repo.recent).toHaveBeenCalledTimes(1);
  });

  it('learns a key another instance created', async () => {
    const other = new KeyRingService(repo as unknown as SigningKeyRepository, config());
    await sut.signingKey();
    const kid = await other.rotate();
    expect(await sut.verificationKey(kid)).not.toBeNull();
  });

  it('seals private keys when AUTH_ENCRYPTION_KEY is set', async () => {
    const key = randomBytes(32).toString('base64');
    const sealed = new KeyRingService(
      repo as unknown as SigningKeyRepository,
      config({ AUTH_ENCRYPTION_KEY: key }),
    );
    await sealed.signingKey();
    expect(repo.docs[0].privateKey).toMatch(/^v1:/);
    expect(repo.docs[0].privateKey).not.toContain('PRIVATE KEY');
  });
});
