import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { WebhookEndpointRepository } from '../../src/modules/notifications/webhooks/webhook-endpoint.repository';
import { WebhookSecrets } from '../../src/modules/notifications/webhooks/webhook-secrets';
import { LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import { auth, closeJob, FAST_WEBHOOKS, Tenant, tenant, waitForDeliveries } from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

/** Production rules (WEBHOOKS_ALLOW_PRIVATE off, the default): nothing inside is reachable. */
describe('webhook SSRF protection under production config', () => {
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let worker: INestApplication;
  let receiver: WebhookReceiver;
  let t: Tenant;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    const env = { ...FAST_WEBHOOKS, WEBHOOKS_ALLOW_PRIVATE: 'false', REDIS_URL: redis.url };
    api = await createTestApp(env);
    worker = await createTestWorker(env);
    receiver = await new WebhookReceiver().start();
    t = await tenant(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.stop();
    await redis?.stop();
  });

  it.each([
    ['plain http', () => `${receiver.url}/hook`, 'https_required'],
    [
      'loopback literal',
      () => `https://127.0.0.1:${new URL(receiver.url).port}/hook`,
      'forbidden_address',
    ],
    [
      'a name resolving to loopback',
      () => `https://localhost:${new URL(receiver.url).port}/hook`,
      'forbidden_address',
    ],
    ['IPv6 loopback', () => 'https://[::1]/hook', 'forbidden_address'],
    ['IPv4-mapped IPv6 loopback', () => 'https://[::ffff:127.0.0.1]/hook', 'forbidden_address'],
    [
      'cloud metadata (link-local)',
      () => 'https://169.254.169.254/latest/meta-data/',
      'forbidden_address',
    ],
    ['private 10/8', () => 'https://10.0.0.1/hook', 'forbidden_address'],
    ['private 192.168/16', () => 'https://192.168.1.20/hook', 'forbidden_address'],
    ['credentials in the URL', () => 'https://user:pass@hooks.example.com/', 'credentials_in_url'],
  ])('refuses to register %s', async (_what, url, reason) => {
    const res = await request(api.getHttpServer())
      .post('/webhooks')
      .set(auth(t.admin))
      .send({ url: url(), events: ['job.closed'] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'WEBHOOK.TARGET_FORBIDDEN', details: { reason } });
    const list = await request(api.getHttpServer()).get('/webhooks').set(auth(t.admin));
    expect(list.body.items).toEqual([]);
  });

  it('re-checks at delivery time: an endpoint that now resolves inside is never connected to', async () => {
    // As if the name had resolved to a public address when it was saved and to loopback now.
    const secrets = worker.get(WebhookSecrets);
    const stored = await worker.get(WebhookEndpointRepository).create(t.orgId, {
      url: `https://localhost:${new URL(receiver.url).port}/inside`,
      events: ['job.closed'],
      status: 'active',
      secrets: [secrets.seal(secrets.generate(), new Date())],
      consecutiveFailures: 0,
    });
    await closeJob(api, t.recruiter);

    const [delivery] = await waitForDeliveries(
      api,
      t.admin,
      String(stored._id),
      (d) => (d[0]?.attemptCount ?? 0) >= 2,
      'two refused attempts',
    );
    for (const attempt of delivery.attempts) {
      expect(attempt).toMatchObject({ errorCode: 'WEBHOOK.TARGET_FORBIDDEN' });
      expect(attempt.statusCode).toBeUndefined();
    }
    expect(receiver.received).toHaveLength(0);
  });
});
