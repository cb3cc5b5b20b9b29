import type { RedisService } from '../../infra/redis/redis.service';
import { JobCache } from './job-cache';

/** An in-memory stand-in for the few Redis commands the cache uses. */
function fakeRedis(): RedisService {
  const data = new Map<string, string>();
  const client = {
    get: async (k: string) => data.get(k) ?? null,
    set: async (k: string, v: string) => void data.set(k, v),
    incr: async (k: string) => {
      const n = Number(data.get(k) ?? '0') + 1;
      data.set(k, String(n));
      return n;
    },
  };
  return { client } as unknown as RedisService;
}

describe('JobCache', () => {
  it('runs one load for concurrent misses on the same key, and caches its value', async () => {
    const cache = new JobCache(fakeRedis());
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 20));
      return { rows: [1, 2, 3] };
    };
    const read = () => cache.read('shortlist', 'job', 'org1', 'job1', 'p1', load);
    const results = await Promise.all([read(), read(), read(), read()]);
    expect(loads).toBe(1);
    expect(results.every((r) => r.rows.length === 3)).toBe(true);
    await read();
    expect(loads).toBe(1);
  });

  it('loads again after invalidation, and keeps other keys apart', async () => {
    const cache = new JobCache(fakeRedis());
    const calls: string[] = [];
    const read = (job: string) =>
      cache.read('shortlist', 'job', 'org1', job, 'p1', async () => (calls.push(job), job));
    await Promise.all([read('a'), read('b')]);
    await cache.invalidateJob('org1', 'a');
    await read('a');
    await read('b');
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('lets the next reader retry after a failed load', async () => {
    const cache = new JobCache(fakeRedis());
    let attempt = 0;
    const read = () =>
      cache.read('job', 'job', 'org1', 'j', 'detail', async () => {
        if (++attempt === 1) throw new Error('mongo down');
        return 'ok';
      });
    await expect(read()).rejects.toThrow('mongo down');
    await expect(read()).resolves.toBe('ok');
  });
});
