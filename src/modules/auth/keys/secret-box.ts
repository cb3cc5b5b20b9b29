import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PLAIN = 'plain:';
const V1 = 'v1:';

/**
 * Seals secrets stored in Mongo (private signing keys, IdP client secrets) with AES-256-GCM
 * when AUTH_ENCRYPTION_KEY is set. Without a key it stores `plain:` text, which stays
 * readable after a key is configured later; sealed values need the key to open.
 */
export class SecretBox {
  private readonly key?: Buffer;

  constructor(base64Key?: string) {
    if (base64Key) {
      this.key = Buffer.from(base64Key, 'base64');
      if (this.key.length !== 32) throw new Error('AUTH_ENCRYPTION_KEY must decode to 32 bytes');
    }
  }

  get encrypts(): boolean {
    return this.key !== undefined;
  }

  seal(plain: string): string {
    if (!this.key) return PLAIN + plain;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      V1 + iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      data.toString('base64'),
    ].join(':');
  }

  open(sealed: string): string {
    if (sealed.startsWith(PLAIN)) return sealed.slice(PLAIN.length);
    if (!sealed.startsWith(V1)) throw new Error('SecretBox: unknown format');
    if (!this.key)
      throw new Error('SecretBox: AUTH_ENCRYPTION_KEY is required to open this secret');
    const [iv, tag, data] = sealed.slice(V1.length).split(':');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
  }
}
