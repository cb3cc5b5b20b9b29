import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  KeyObject,
} from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { SecretBox } from './secret-box';
import { SigningKey } from './signing-key.schema';
import { SigningKeyRepository } from './signing-key.repository';

const generate = promisify(generateKeyPair);

/** How long a loaded key set is trusted before it is re-read from Mongo. */
export const KEY_CACHE_MS = 60_000;
/** Unknown kids trigger at most one reload per this interval (a random kid is cheap to send). */
const MISS_RELOAD_MS = 5_000;

export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

interface LoadedKey {
  kid: string;
  jwk: PublicJwk;
  publicKey: KeyObject;
  privateKey: KeyObject;
  createdAt: Date;
  retiredAt: Date | null;
}

/** RFC 7638 JWK thumbprint: a kid that every instance derives identically from the key. */
export function thumbprint(jwk: { e: string; n: string }): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * The RS256 key set shared through Mongo. The newest unretired key signs; a retired key keeps
 * verifying for one token lifetime plus two cache periods, so a rotation never invalidates a
 * token that any instance issued. With no key stored (fresh dev/test database) the first
 * instance that needs one generates it.
 */
@Injectable()
export class KeyRingService {
  private readonly logger = new Logger(KeyRingService.name);
  private readonly box: SecretBox;
  private keys: LoadedKey[] = [];
  private loadedAt = 0;
  private lastMissReload = 0;
  private loading?: Promise<void>;

  constructor(
    private readonly repo: SigningKeyRepository,
    private readonly config: AppConfig,
  ) {
    this.box = new SecretBox(config.AUTH_ENCRYPTION_KEY);
  }

  private get graceMs(): number {
    return this.config.JWT_TTL_SECONDS * 1000 + 2 * KEY_CACHE_MS;
  }

  private verifiable(key: LoadedKey, now = Date.now()): boolean {
    return key.retiredAt === null || key.retiredAt.getTime() + this.graceMs > now;
  }

  async signingKey(): Promise<{ kid: string; privateKey: KeyObject }> {
    await this.fresh();
    let active = this.keys.find((k) => k.retiredAt === null);
    if (!active) {
      await this.create();
      await this.reload();
      active = this.keys.find((k) => k.retiredAt === null);
    }
    if (!active) throw new Error('KeyRing: no signing key after bootstrap');
    return { kid: active.kid, privateKey: active.privateKey };
  }

  /** The public key for `kid`, or null when it is unknown or past its verification window. */
  async verificationKey(kid: string): Promise<KeyObject | null> {
    await this.fresh();
    let key = this.keys.find((k) => k.kid === kid);
    if (!key && Date.now() - this.lastMissReload > MISS_RELOAD_MS) {
      // Another instance may have rotated since our last load.
      this.lastMissReload = Date.now();
      await this.reload();
      key = this.keys.find((k) => k.kid === kid);
    }
    return key && this.verifiable(key) ? key.publicKey : null;
  }

  async jwks(): Promise<{ keys: PublicJwk[] }> {
    await this.signingKey();
    return { keys: this.keys.filter((k) => this.verifiable(k)).map((k) => k.jwk) };
  }

  /** Makes a new key the signer and retires the rest; returns the new kid. */
  async rotate(): Promise<string> {
    const kid = await this.create();
    await this.repo.retireAllExcept(kid, new Date());
    await this.reload();
    return kid;
  }

  private async fresh(): Promise<void> {
    if (Date.now() - this.loadedAt > KEY_CACHE_MS) await this.reload();
  }

  private reload(): Promise<void> {
    // Single flight: concurrent requests share one read.
    this.loading ??= this.repo
      .recent()
      .then((docs) => {
        this.keys = docs.map((d) => this.load(d));
        this.loadedAt = Date.now();
      })
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  private load(doc: SigningKey): LoadedKey {
    const privateKey = createPrivateKey(this.box.open(doc.privateKey));
    return {
      kid: doc._id,
      jwk: doc.publicJwk as unknown as PublicJwk,
      publicKey: createPublicKey(privateKey),
      privateKey,
      createdAt: new Date(doc.createdAt),
      retiredAt: doc.retiredAt ? new Date(doc.retiredAt) : null,
    };
  }

  private async create(): Promise<string> {
    const { privateKey, publicKey } = await generate('rsa', { modulusLength: 2048 });
    const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    const kid = thumbprint({ n, e });
    await this.repo.insert({
      _id: kid,
      alg: 'RS256',
      publicJwk: { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' },
      privateKey: this.box.seal(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string),
      createdAt: new Date(),
      retiredAt: null,
    });
    this.logger.log(
      `signing key ${kid} created${this.box.encrypts ? '' : ' (stored unencrypted)'}`,
    );
    return kid;
  }
}
