import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { SecretBox } from '../../auth/keys/secret-box';
import type { WebhookSecret } from './webhook-endpoint.schema';

/** Secrets a portal may hold at once: the current one plus rotated-out ones still in grace. */
const MAX_SECRETS = 3;

/**
 * Webhook signing secrets: generated here, shown to the admin once, stored sealed (they must
 * be recoverable to sign, so they cannot be hashed). The HMAC key is the whole `whsec_…`
 * string as UTF-8.
 */
@Injectable()
export class WebhookSecrets {
  private readonly box: SecretBox;

  constructor(config: AppConfig) {
    this.box = new SecretBox(config.AUTH_ENCRYPTION_KEY);
  }

  generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  seal(plain: string, now: Date): WebhookSecret {
    return { sealed: this.box.seal(plain), createdAt: now, expiresAt: null };
  }

  /** Plain secrets that sign at `now`, newest first. */
  signing(secrets: readonly WebhookSecret[], now: Date): string[] {
    return secrets
      .filter((s) => s.expiresAt === null || s.expiresAt === undefined || s.expiresAt > now)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((s) => this.box.open(s.sealed));
  }

  /**
   * The secret list after a rotation: every still-valid secret expires at `now + grace` at the
   * latest (an earlier expiry stays), expired ones are dropped, and `fresh` becomes current.
   */
  rotate(secrets: readonly WebhookSecret[], fresh: WebhookSecret, now: Date, graceSeconds: number) {
    const graceEnd = new Date(now.getTime() + graceSeconds * 1000);
    const kept = secrets
      .map((s) => ({
        ...s,
        expiresAt: s.expiresAt && s.expiresAt < graceEnd ? s.expiresAt : graceEnd,
      }))
      .filter((s) => s.expiresAt > now)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, MAX_SECRETS - 1);
    return { secrets: [fresh, ...kept], previousExpiresAt: kept.length ? graceEnd : null };
  }
}
