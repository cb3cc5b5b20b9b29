import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { RedisService } from '../../../infra/redis/redis.service';

// Keys hash the client_id: it is attacker-chosen text of up to 128 characters.
const id = (clientId: string) => createHash('sha256').update(clientId).digest('base64url');
const failKey = (clientId: string) => `screener:auth:failures:${id(clientId)}`;
const lockKey = (clientId: string) => `screener:auth:lock:${id(clientId)}`;

/**
 * Per-client_id lockout shared by all instances: AUTH_LOCKOUT_THRESHOLD failed secrets within
 * AUTH_LOCKOUT_WINDOW_SECONDS lock the client_id for AUTH_LOCKOUT_SECONDS, whatever IPs the
 * guesses come from. While locked, even the right secret is refused.
 */
@Injectable()
export class LockoutStore {
  private readonly logger = new Logger(LockoutStore.name);

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {}

  /** Seconds the client_id stays locked; 0 when it is not (or Redis is unreachable). */
  async lockedFor(clientId: string): Promise<number> {
    try {
      const ms = await this.redis.client.pttl(lockKey(clientId));
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    } catch (err) {
      this.logger.warn(`lockout check skipped: ${(err as Error).message}`);
      return 0;
    }
  }

  /** Counts a failure; resolves to true when this failure locked the client_id. */
  async recordFailure(clientId: string): Promise<boolean> {
    try {
      // SET NX starts the window with the first failure; later failures do not extend it.
      const [, [, count]] = (await this.redis.client
        .multi()
        .set(failKey(clientId), '0', 'EX', this.config.AUTH_LOCKOUT_WINDOW_SECONDS, 'NX')
        .incr(failKey(clientId))
        .exec()) as [unknown, [Error | null, number]];
      if (count < this.config.AUTH_LOCKOUT_THRESHOLD) return false;
      await this.redis.client
        .multi()
        .set(lockKey(clientId), '1', 'EX', this.config.AUTH_LOCKOUT_SECONDS)
        .del(failKey(clientId))
        .exec();
      return true;
    } catch (err) {
      this.logger.warn(`lockout bookkeeping skipped: ${(err as Error).message}`);
      return false;
    }
  }

  async reset(clientId: string): Promise<void> {
    await this.redis.client.del(failKey(clientId)).catch(() => undefined);
  }
}
