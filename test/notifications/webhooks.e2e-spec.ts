import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { verifySignature } from '../../src/modules/notifications/webhooks/webhook-signature';
import { createOrgWithToken } from '../helpers/auth';
import { eventually, LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import {
  auth,
  closeJob,
  createWebhook,
  deliveries,
  docsVerifyExample,
  endpoint,
  FAST_WEBHOOKS,
  Tenant,
  tenant,
  waitForDeliveries,
} from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

/** The id with its last character changed (an id ending in 0 gets a 1, so it always differs). */
const tampered = (id: string) => id.replace(/.$/, (c) => (c === '0' ? '1' : '0'));

/** Webhooks end to end: API → Mongo outbox → BullMQ notify queue → worker → a real HTTP receiver. */
describe('webhooks', () => {
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let worker: INestApplication;
  let receiver: WebhookReceiver;
  let t: Tenant;
  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    const env = { ...FAST_WEBHOOKS, REDIS_URL: redis.url };
    api = await createTestApp(env);
    worker = await createTestWorker(env);
    receiver = await new WebhookReceiver().start();
  });

  beforeEach(async () => {
    t = await tenant(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.stop();
    await redis?.stop();
  });

  it('manages endpoints for admins only; the secret is shown once; other orgs get 404', async () => {
    const created = await createWebhook(api, t.admin, `${receiver.url}/crud`, [
      'application.screened',
    ]);
    expect(created).toMatchObject({
      url: `${receiver.url}/crud`,
      status: 'active',
      events: ['application.screened'],
    });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);

    const list = await http().get('/webhooks').set(auth(t.admin));
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: { id: string }) => w.id)).toEqual([created.id]);
    const one = await http().get(`/webhooks/${created.id}`).set(auth(t.admin));
    expect(JSON.stringify([list.body, one.body])).not.toContain(created.secret);
    expect(one.body).not.toHaveProperty('secret');

    const patched = await http()
      .patch(`/webhooks/${created.id}`)
      .set(auth(t.admin))
      .send({ events: ['job.closed', 'decision.recorded'] });
    expect(patched.status).toBe(200);
    expect(patched.body.events).toEqual(['job.closed', 'decision.recorded']);

    const bad = await http()
      .post('/webhooks')
      .set(auth(t.admin))
      .send({ url: `${receiver.url}/x`, events: ['resume.read'] });
    expect(bad.status).toBe(400);
    const recruiter = await http()
      .post('/webhooks')
      .set(auth(t.recruiter))
      .send({ url: `${receiver.url}/x`, events: ['job.closed'] });
    expect(recruiter.status).toBe(403);
    const other = await createOrgWithToken(api, ['admin']);
    expect((await http().get(`/webhooks/${created.id}`).set(auth(other.token))).status).toBe(404);
    expect((await http().delete(`/webhooks/${created.id}`).set(auth(other.token))).status).toBe(
      404,
    );

    expect((await http().delete(`/webhooks/${created.id}`).set(auth(t.admin))).status).toBe(204);
    expect((await http().get(`/webhooks/${created.id}`).set(auth(t.admin))).status).toBe(404);
  });

  it('delivers a signed CloudEvent that verifies, while a tampered body does not', async () => {
    const hook = await createWebhook(api, t.admin, `${receiver.url}/signed`);
    const jobId = await closeJob(api, t.recruiter);
    await eventually(async () => receiver.to('/signed').length === 1, 'the job.closed delivery');
    const [hit] = receiver.to('/signed');

    expect(hit.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(JSON.parse(hit.body)).toMatchObject({
      specversion: '1.0',
      id: `job.closed:${jobId}`,
      type: 'job.closed',
      source: `https://screener.example.com/orgs/${t.orgId}`,
      subject: `/jobs/${jobId}`,
      datacontenttype: 'application/json',
      data: { jobId, links: { job: `https://screener.example.com/jobs/${jobId}` } },
    });
    const signature = hit.headers['webhook-signature'] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(hit.body, signature, hook.secret)).toBe(true);
    expect(verifySignature(hit.body.replace(jobId, tampered(jobId)), signature, hook.secret)).toBe(
      false,
    );

    const verifyWebhook = docsVerifyExample();
    expect(verifyWebhook(hit.body, signature, hook.secret)).toBe(true);
    expect(
      verifyWebhook(hit.body.replace('"job.closed"', '"job.opened"'), signature, hook.secret),
    ).toBe(false);
    expect(verifyWebhook(hit.body, signature, 'whsec_wrong')).toBe(false);

    const [logged] = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'succeeded',
      'success logged',
    );
    expect(logged.webhookId).toBe(hit.headers['webhook-id']);
    expect(logged.attempts).toEqual([
      expect.objectContaining({ n: 1, statusCode: 200, latencyMs: expect.any(Number) }),
    ]);
  });

  it('retries 500, 500, 500 then 200: one successful delivery, four attempts logged', async () => {
    receiver.script('/flaky', 500, 500, 500, 200);
    const hook = await createWebhook(api, t.admin, `${receiver.url}/flaky`);
    await closeJob(api, t.recruiter);

    const items = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'succeeded',
      'the fourth attempt',
    );
    expect(items).toHaveLength(1);
    expect(items[0].attemptCount).toBe(4);
    expect(items[0].attempts.map((a) => [a.n, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 200],
    ]);
    for (const a of items[0].attempts) expect(a.latencyMs).toEqual(expect.any(Number));

    const hits = receiver.to('/flaky');
    expect(hits).toHaveLength(4);
    expect(new Set(hits.map((h) => h.headers['webhook-id']))).toEqual(
      new Set([items[0].webhookId]),
    );
    expect(new Set(hits.map((h) => h.body)).size).toBe(1);
    expect(hits.map((h) => h.headers['webhook-attempt'])).toEqual(['1', '2', '3', '4']);
    expect((await endpoint(api, t.admin, hook.id)).consecutiveFailures).toBe(0);
  });

  it('a 410 disables the endpoint at once and dead-letters the delivery', async () => {
    receiver.script('/gone', 410);
    const hook = await createWebhook(api, t.admin, `${receiver.url}/gone`);
    await closeJob(api, t.recruiter);

    await eventually(
      async () => (await endpoint(api, t.admin, hook.id)).status === 'disabled',
      'the endpoint disabled',
    );
    expect(await endpoint(api, t.admin, hook.id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'gone',
    });
    const [dead] = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'dead',
      'dead letter',
    );
    expect(dead).toMatchObject({ attemptCount: 1, deadReason: 'receiver answered 410 Gone' });

    // Publishing happens inside the close request, so a disabled endpoint gets nothing stored.
    await closeJob(api, t.recruiter);
    expect(await deliveries(api, t.admin, hook.id)).toHaveLength(1);
    expect(receiver.to('/gone')).toHaveLength(1);
    const replay = await http().post(`/webhooks/deliveries/${dead.id}/replay`).set(auth(t.admin));
    expect(replay.status).toBe(409);
    expect(replay.body.error.code).toBe('WEBHOOK.DISABLED');
  });

  it('replays a delivery with the same body and Webhook-Id as a new logged delivery', async () => {
    const hook = await createWebhook(api, t.admin, `${receiver.url}/replay`);
    await closeJob(api, t.recruiter);
    const [first] = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'succeeded',
      'first delivery',
    );

    const res = await http().post(`/webhooks/deliveries/${first.id}/replay`).set(auth(t.admin));
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      replayOf: first.id,
      webhookId: first.webhookId,
      status: 'pending',
    });
    expect(res.body.id).not.toBe(first.id);

    const items = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d.length === 2 && d.every((x) => x.status === 'succeeded'),
      'replay',
    );
    expect(items.map((d) => d.id)).toEqual([res.body.id, first.id]);
    const hits = receiver.to('/replay');
    expect(hits).toHaveLength(2);
    expect(hits[1].body).toBe(hits[0].body);
    expect(hits[1].headers['webhook-id']).toBe(first.webhookId);
    expect(
      verifySignature(hits[1].body, hits[1].headers['webhook-signature'] as string, hook.secret),
    ).toBe(true);

    const stranger = await createOrgWithToken(api, ['admin']);
    expect(
      (await http().post(`/webhooks/deliveries/${first.id}/replay`).set(auth(stranger.token)))
        .status,
    ).toBe(404);
  });

  it('signs with both secrets during a rotation grace period, and only the new one after', async () => {
    const hook = await createWebhook(api, t.admin, `${receiver.url}/rotate`);
    const rotated = await http()
      .post(`/webhooks/${hook.id}/rotate-secret`)
      .set(auth(t.admin))
      .send({ graceSeconds: 3600 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now());

    await closeJob(api, t.recruiter);
    await eventually(async () => receiver.to('/rotate').length === 1, 'delivery during grace');
    const during = receiver.to('/rotate')[0];
    const sig = during.headers['webhook-signature'] as string;
    expect(sig.match(/v1=/g)).toHaveLength(2);
    expect(verifySignature(during.body, sig, hook.secret)).toBe(true);
    expect(verifySignature(during.body, sig, rotated.body.secret)).toBe(true);

    const again = await http()
      .post(`/webhooks/${hook.id}/rotate-secret`)
      .set(auth(t.admin))
      .send({ graceSeconds: 0 });
    expect(again.body.previousSecretExpiresAt).toBeNull();
    await closeJob(api, t.recruiter);
    await eventually(async () => receiver.to('/rotate').length === 2, 'delivery after grace');
    const after = receiver.to('/rotate')[1];
    const sig2 = after.headers['webhook-signature'] as string;
    expect(verifySignature(after.body, sig2, again.body.secret)).toBe(true);
    expect(verifySignature(after.body, sig2, rotated.body.secret)).toBe(false);
    expect(verifySignature(after.body, sig2, hook.secret)).toBe(false);
  });
});
