import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisService } from '../../../infra/redis/redis.service';

const key = (sub: string) => `screener:auth:token-version:${sub}`;

/**
 * Immediate revocation for stateless tokens: each token carries the subject's `ver` at issue;
 * revoking or changing roles bumps the version here, so older tokens are refused on every
 * instance. Entries expire once every token they could refuse has expired anyway.
 */
@Injectable()
export class TokenVersionStore {
  private readonly logger = new Logger(TokenVersionStore.name);

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  /** The minimum valid version for `sub`, or null when none is recorded (or Redis is down). */
  async minimum(sub: string): Promise<number | null> {
    try {
      const raw = await this.redis.client.get(key(sub));
      return raw === null ? null : Number(raw);
    } catch (err) {
      // Fail open: an outage must not lock every caller out; tokens still expire on time.
      this.logger.warn(`token version check skipped: ${(err as Error).message}`);
      return null;
    }
  }

  async raise(sub: string, version: number): Promise<void> {
    const ttl = this.config.JWT_TTL_SECONDS + 120;
    await this.redis.client.set(key(sub), String(version), 'EX', ttl);
  }
}
