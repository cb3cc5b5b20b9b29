import type { INestApplication } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually, freePort, LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp } from '../helpers/test-app';
import {
  closeJob,
  createWebhook,
  deliveries,
  FAST_WEBHOOKS,
  tenant,
  waitForDeliveries,
} from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

const WORKER_ENTRY = join(__dirname, '..', '..', 'dist', 'src', 'worker.js');

/** A real worker process (the built dist), so the test can SIGKILL it in the middle of a send. */
async function spawnWorker(redisUrl: string): Promise<ChildProcess> {
  return spawn(process.execPath, [WORKER_ENTRY], {
    env: {
      ...process.env,
      ...FAST_WEBHOOKS,
      NODE_OPTIONS: '',
      NODE_ENV: 'test',
      REDIS_URL: redisUrl,
      WORKER_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

/**
 * Delivery is at-least-once: a worker that dies after the receiver got a message but before the
 * answer was recorded leaves the job to be recovered (BullMQ stalled-job check), and the same
 * message is sent again with the same Webhook-Id. A receiver that de-duplicates on Webhook-Id
 * processes it exactly once.
 */
describe('at-least-once delivery when a worker dies mid-send', () => {
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let receiver: WebhookReceiver;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    api = await createTestApp({ ...FAST_WEBHOOKS, REDIS_URL: redis.url });
    receiver = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await Promise.all(workers.map(killed));
    await api?.close();
    await receiver?.stop();
    await redis?.stop();
  });

  it('re-sends the message with the same Webhook-Id and a de-duplicating receiver processes it once', async () => {
    const t = await tenant(api);
    const seen = new Set<string>();
    let processedCount = 0;
    let duplicates = 0;
    /** The portal's handler: processes each Webhook-Id once and only acknowledges repeats. */
    const portal = (id: string) => {
      if (seen.has(id)) {
        duplicates++;
        return;
      }
      seen.add(id);
      processedCount++;
    };
    let holding = false;
    // The very first request is processed but never answered: the worker is still waiting on
    // it when it is killed.
    receiver.script('/portal', (req) => {
      portal(req.headers['webhook-id'] as string);
      holding = true;
    });
    receiver.fallback = (req, res) => {
      portal(req.headers['webhook-id'] as string);
      res.writeHead(200).end();
    };
    const hook = await createWebhook(api, t.admin, `${receiver.url}/portal`);

    const first = await spawnWorker(redis.url);
    workers.push(first);
    await closeJob(api, t.recruiter);
    await eventually(async () => holding, 'the first worker to be mid-send', 60_000);
    await killed(first);

    const [inFlight] = await deliveries(api, t.admin, hook.id);
    expect(inFlight).toMatchObject({ status: 'pending', attemptCount: 0 });

    workers.push(await spawnWorker(redis.url));
    const [done] = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'succeeded',
      'recovery',
      120_000,
    );

    const hits = receiver.to('/portal');
    expect(hits).toHaveLength(2);
    expect(hits[1].headers['webhook-id']).toBe(hits[0].headers['webhook-id']);
    expect(hits[1].body).toBe(hits[0].body);
    expect(hits[0].headers['webhook-id']).toBe(done.webhookId);
    expect(processedCount).toBe(1);
    expect(duplicates).toBe(1);
    // The attempt that was in flight when its worker died was never recorded.
    expect(done.attempts).toEqual([expect.objectContaining({ n: 1, statusCode: 200 })]);
  });
});
