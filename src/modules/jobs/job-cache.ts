import { Injectable } from '@nestjs/common';
import { Counter, register } from 'prom-client';
import { RedisService } from '../../infra/redis/redis.service';

// Bounds staleness in the one case invalidation cannot reach Redis (an outage during a write).
const TTL_SECONDS = 60;

function cacheCounter(): Counter<string> {
  return (
    (register.getSingleMetric('screener_cache_requests_total') as Counter<string>) ??
    new Counter({
      name: 'screener_cache_requests_total',
      help: 'Read-through cache lookups by cache and result (hit, miss, error)',
      labelNames: ['cache', 'result'],
    })
  );
}

/**
 * Read-through cache for job lists, job detail and shortlist pages. Entries are keyed by a
 * generation number per org (job lists) or per job (detail, shortlist); a write bumps the
 * generation, so no stale entry can be read after it, on any instance. Old entries expire.
 * Redis being down only costs the cache: reads fall through to Mongo.
 */
@Injectable()
export class JobCache {
  private readonly counter = cacheCounter();
  /** Loads in flight per key: concurrent misses share one Mongo query instead of each running it. */
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(private readonly redis: RedisService) {}

  private genKey(scope: 'org' | 'job', orgId: string, id: string) {
    return `screener:cache:gen:${scope}:${orgId}:${id}`;
  }

  async read<T>(
    name: string,
    scope: 'org' | 'job',
    orgId: string,
    id: string,
    part: string,
    load: () => Promise<T>,
  ): Promise<T> {
    let key: string | undefined;
    try {
      const gen = (await this.redis.client.get(this.genKey(scope, orgId, id))) ?? '0';
      key = `screener:cache:${name}:${orgId}:${id}:${gen}:${part}`;
      const hit = await this.redis.client.get(key);
      if (hit !== null) {
        this.counter.inc({ cache: name, result: 'hit' });
        return JSON.parse(hit) as T;
      }
      this.counter.inc({ cache: name, result: 'miss' });
    } catch {
      this.counter.inc({ cache: name, result: 'error' });
    }
    if (!key) return load();
    return this.loadOnce(key, load);
  }

  private loadOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const next = (async () => {
      const value = await load();
      await this.redis.client
        .set(key, JSON.stringify(value), 'EX', TTL_SECONDS)
        .catch(() => undefined);
      return value;
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, next);
    return next;
  }

  /** After any write to a job or its applications. */
  async invalidateJob(orgId: string, jobId: string): Promise<void> {
    await Promise.all([
      this.redis.client.incr(this.genKey('job', orgId, jobId)),
      this.redis.client.incr(this.genKey('org', orgId, 'jobs')),
    ]).catch(() => undefined);
  }

  async invalidateOrgJobs(orgId: string): Promise<void> {
    await this.redis.client.incr(this.genKey('org', orgId, 'jobs')).catch(() => undefined);
  }
}
