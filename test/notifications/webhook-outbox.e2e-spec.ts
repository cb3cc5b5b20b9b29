import type { INestApplication } from '@nestjs/common';
import { Types } from 'mongoose';
import { EventPublisher } from '../../src/modules/notifications/event-publisher';
import { DeliverySweeper } from '../../src/modules/notifications/webhooks/delivery-sweeper';
import { WebhookDeliveryRepository } from '../../src/modules/notifications/webhooks/webhook-delivery.repository';
import { eventually, LocalServer, privateRedis } from '../helpers/local-services';
import { createTestApp, createTestWorker } from '../helpers/test-app';
import {
  createWebhook,
  deliveries,
  FAST_WEBHOOKS,
  tenant,
  waitForDeliveries,
} from './notify-helpers';
import { WebhookReceiver } from './webhook-receiver';

/** The outbox: an event published while Redis is down is stored, then delivered once it is back. */
describe('webhook outbox', () => {
  let redis: LocalServer & { url: string };
  let api: INestApplication;
  let worker: INestApplication;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    redis = await privateRedis();
    await redis.start();
    const env = { ...FAST_WEBHOOKS, REDIS_URL: redis.url };
    api = await createTestApp(env);
    worker = await createTestWorker(env);
    receiver = await new WebhookReceiver().start();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await receiver?.stop();
    await redis?.stop();
  });

  const jobClosed = (orgId: string, tag: string) => ({
    type: 'job.closed' as const,
    orgId,
    id: `job.closed:${tag}-${process.pid}`,
    time: new Date(),
    subject: `/jobs/${tag}`,
    data: { jobId: tag },
  });
  /** A sweep as if a minute had passed (the sweeper waits that long before assuming a loss). */
  const sweepLater = () => worker.get(DeliverySweeper).sweep(new Date(Date.now() + 120_000));

  it('never fails the producer while Redis is down, and delivers the stored event once it is back', async () => {
    const t = await tenant(api);
    const hook = await createWebhook(api, t.admin, `${receiver.url}/redis-down`);
    const event = jobClosed(t.orgId, 'redis-down');

    await redis.stop();
    await expect(api.get(EventPublisher).publish(event)).resolves.toBeUndefined();
    const [stored] = await deliveries(api, t.admin, hook.id);
    expect(stored).toMatchObject({ status: 'pending', attemptCount: 0, eventId: event.id });

    await redis.start();
    // Either the client's offline queue or the sweeper gets the job into Redis; the
    // deterministic job id makes the two converge on one send.
    await eventually(async () => {
      await sweepLater();
      return (await deliveries(api, t.admin, hook.id))[0].status === 'succeeded';
    }, 'delivery after the outage');
    expect(receiver.to('/redis-down')).toHaveLength(1);

    // Publishing the same event again stores nothing new and sends nothing.
    await api.get(EventPublisher).publish(event);
    expect(await deliveries(api, t.admin, hook.id)).toHaveLength(1);
  });

  it('the sweeper enqueues a stored delivery whose job was lost (a crash between store and enqueue)', async () => {
    const t = await tenant(api);
    const hook = await createWebhook(api, t.admin, `${receiver.url}/lost`);
    const id = new Types.ObjectId();
    await worker.get(WebhookDeliveryRepository).createOnce(t.orgId, id, {
      endpointId: hook.id,
      eventId: 'job.closed:lost',
      eventType: 'job.closed',
      webhookId: `msg_${id.toHexString()}`,
      dedupKey: `${hook.id}:job.closed:lost`,
      payload: JSON.stringify({ specversion: '1.0', id: 'job.closed:lost' }),
      status: 'pending',
      nextAttemptAt: new Date(),
    });

    expect(await sweepLater()).toBeGreaterThanOrEqual(1);
    const [done] = await waitForDeliveries(
      api,
      t.admin,
      hook.id,
      (d) => d[0]?.status === 'succeeded',
      'swept delivery',
    );
    expect(done.id).toBe(id.toHexString());
    expect(receiver.to('/lost').map((h) => h.headers['webhook-id'])).toEqual([
      `msg_${id.toHexString()}`,
    ]);
  });
});
