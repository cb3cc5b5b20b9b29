import { Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RedisService } from '../../../infra/redis/redis.service';
import { QueueName } from '../../../queues/queue-names';
import { parseJobId, QueueProducer } from '../../../queues/queue-producer';
import { JobCache } from '../../jobs/job-cache';
import type { ErasureItem, ErasureSubject } from './erasure.types';

const QUEUE_PREFIX = 'screener';

export async function scanKeys(client: Redis, pattern: string): Promise<string[]> {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    for (const k of batch) keys.add(k);
    cursor = next;
  } while (cursor !== '0');
  return [...keys];
}

/** Glob-escapes an id for SCAN MATCH (ids are hex, but stay safe). */
const glob = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Queue payloads and cache entries in Redis. Payloads carry ids only, but a queued job still
 * says "this person applied", so their jobs go; a job a worker holds right now cannot be removed
 * and will find nothing when it runs. Cache entries of the org are dropped, not just outdated.
 */
@Injectable()
export class RedisEraser {
  constructor(
    private readonly redis: RedisService,
    private readonly producer: QueueProducer,
    private readonly cache: JobCache,
  ) {}

  async erase(subject: ErasureSubject): Promise<ErasureItem[]> {
    // Queue clients wait out an outage instead of failing; find out first, while it is cheap to stop.
    if (!(await this.redis.ping())) throw new Error('Redis is unreachable');
    const client = this.redis.client;
    const jobs: [QueueName, string][] = subject.resumeIds.map((id) => [
      QueueName.ResumeParse,
      parseJobId(id),
    ]);
    for (const appId of subject.applicationIds) {
      const prefix = `${QUEUE_PREFIX}:${QueueName.ApplicationScreen}:`;
      const keys = await scanKeys(client, `${prefix}${glob(`screen_${appId}_`)}*`);
      for (const k of keys)
        jobs.push([QueueName.ApplicationScreen, k.slice(prefix.length).split(':')[0]]);
    }
    let removed = 0;
    let active = 0;
    for (const [queue, id] of uniq(jobs)) {
      const job = await this.producer.queue(queue).getJob(id);
      if (!job) continue;
      try {
        await job.remove();
        removed++;
      } catch {
        active++; // locked by a worker right now
      }
    }
    const cacheKeys = (await scanKeys(client, `screener:cache:*:${glob(subject.orgId)}:*`)).filter(
      (k) => !k.startsWith('screener:cache:gen:'),
    );
    for (let i = 0; i < cacheKeys.length; i += 500)
      await client.del(...cacheKeys.slice(i, i + 500));
    for (const jobId of subject.jobIds) await this.cache.invalidateJob(subject.orgId, jobId);
    return [
      {
        store: 'redis:queues',
        action: 'deleted',
        count: removed,
        ...(active
          ? { detail: `${active} job(s) running; they carry ids only and find nothing to process` }
          : {}),
      },
      { store: 'redis:cache', action: 'deleted', count: cacheKeys.length },
    ];
  }
}

function uniq(jobs: [QueueName, string][]): [QueueName, string][] {
  const seen = new Set<string>();
  return jobs.filter(([q, id]) => !seen.has(`${q}/${id}`) && seen.add(`${q}/${id}`) !== undefined);
}
