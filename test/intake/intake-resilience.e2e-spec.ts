import type { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createOrgWithToken } from '../helpers/auth';
import { eventually, freePort, LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import { createJob, getApplication, textResume, upload, waitForStatus } from './intake-helpers';

const WORKER_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'worker.js');

async function spawnWorker(redisUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER_ENTRY], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      REDIS_URL: redisUrl,
      WORKER_PORT: String(await freePort()),
      WORKER_CONCURRENCY: '1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Kept so a worker that fails to boot says why in the test failure.
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  Object.defineProperty(child, 'stderrTail', { get: () => stderr });
  return child;
}

describe('nothing is lost', () => {
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let token: string;
  let jobId: string;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    api = await createTestApp({ REDIS_URL: redis.url });
    ({ token } = await createOrgWithToken(api, ['recruiter']));
    jobId = (await createJob(api, token)).id;
  });

  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  it('accepts an upload while Redis is down and screens it once Redis is back', async () => {
    await redis.stop();
    const res = await upload(api, token, jobId, textResume('redis-down'), 'cv.txt');
    expect(res.status).toBe(202);
    expect(res.body.status).toBe('queued');
    expect((await getApplication(api, token, res.body.applicationId)).body.status).toBe('queued');

    await redis.start();
    const worker = await createTestWorker({ REDIS_URL: redis.url });
    try {
      const done = await waitForStatus(
        api,
        token,
        res.body.applicationId,
        ['screened', 'failed'],
        90_000,
      );
      expect(done.status).toBe('screened');
    } finally {
      await worker.close();
    }
  });

  it('screens every application exactly once when a worker process is killed mid-run', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await upload(api, token, jobId, textResume(`kill-${i}`), `cv-${i}.txt`);
      expect(res.status).toBe(202);
      ids.push(res.body.applicationId);
    }
    const first = await spawnWorker(redis.url);
    let unfinishedAtKill = 0;
    await eventually(
      async () => {
        const statuses = await Promise.all(
          ids.map(async (id) => (await getApplication(api, token, id)).body.status),
        );
        if (!statuses.includes('screened')) return false;
        first.kill('SIGKILL');
        unfinishedAtKill = statuses.filter((s) => s !== 'screened').length;
        return true;
      },
      'the first worker to screen something',
      150_000,
    ).catch((err: Error) => {
      throw new Error(
        `${err.message}; worker stderr: ${(first as unknown as { stderrTail: string }).stderrTail}`,
      );
    });
    const second = await spawnWorker(redis.url);
    try {
      expect(unfinishedAtKill).toBeGreaterThan(0);
      for (const id of ids) {
        const done = await waitForStatus(api, token, id, ['screened', 'failed'], 120_000);
        expect(done.status).toBe('screened');
        expect(done.timeline.filter((t) => t.status === 'screened')).toHaveLength(1);
      }
    } finally {
      second.kill('SIGTERM');
    }
  });
});
