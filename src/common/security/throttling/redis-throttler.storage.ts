import { Logger } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { RedisOptions } from 'ioredis';
import { redisOptionsFromUrl } from '../../../infra/redis/redis-options';

const ADMIT: ThrottlerStorageRecord = {
  totalHits: 0,
  timeToExpire: 0,
  isBlocked: false,
  timeToBlockExpire: 0,
};

/**
 * Redis-backed counters shared by every API instance. It owns its connection (closed on
 * shutdown). While Redis is unreachable it admits requests (fail open) rather than turning a
 * cache outage into an API outage; readiness already reports Redis as down.
 */
export class ResilientRedisThrottlerStorage extends ThrottlerStorageRedisService {
  private readonly log = new Logger('Throttler');
  private lastWarned = 0;

  constructor(url: string) {
    const options: RedisOptions = {
      ...redisOptionsFromUrl(url),
      keyPrefix: 'screener:throttle:',
      maxRetriesPerRequest: 1,
      // Bound the added latency of a hung Redis to half a second.
      commandTimeout: 500,
    };
    super(options);
    this.redis.on('error', () => undefined);
  }

  override async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      return await super.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (err) {
      if (Date.now() - this.lastWarned > 10_000) {
        this.lastWarned = Date.now();
        this.log.warn(`rate limiting suspended: ${(err as Error).message}`);
      }
      return ADMIT;
    }
  }
}
