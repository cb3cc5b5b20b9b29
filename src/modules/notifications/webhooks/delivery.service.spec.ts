import { Types } from 'mongoose';
import { webhookDeliveries } from '../../../common/metrics/pipeline-metrics';
import type { AppConfig } from '../../../config/app-config';
import { JobOutcome } from '../../../queues/queue-names';
import { DeliveryRetryError, DeliveryService, webhookBackoff } from './delivery.service';
import type { EndpointDisabler } from './endpoint-disabler';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { WebhookEndpointRepository } from './webhook-endpoint.repository';
import type { AttemptResult, WebhookHttpClient } from './webhook-http.client';
import { WebhookSecrets } from './webhook-secrets';
import { verifySignature } from './webhook-signature';

const config = {
  WEBHOOK_RETRY_BASE_MS: 1000,
  WEBHOOK_RETRY_MAX_DELAY_MS: 60_000,
  WEBHOOK_RETRY_WINDOW_SECONDS: 3600,
} as AppConfig;
const secrets = new WebhookSecrets({} as AppConfig);
const deliveryId = new Types.ObjectId().toHexString();
const job = { orgId: 'org1', deliveryId };

function setup(result: AttemptResult, over: { delivery?: object; endpoint?: object | null } = {}) {
  const delivery = {
    _id: deliveryId,
    orgId: 'org1',
    endpointId: 'ep1',
    webhookId: 'msg_1',
    payload: '{"id":"e1"}',
    status: 'pending',
    attemptCount: 0,
    createdAt: new Date(),
    ...over.delivery,
  };
  const endpoint =
    over.endpoint === null
      ? null
      : {
          _id: 'ep1',
          url: 'https://portal.example.com/h',
          status: 'active',
          secrets: [secrets.seal('whsec_x', new Date(0))],
          ...over.endpoint,
        };
  const mocks = {
    deliveries: {
      findById: jest.fn(async () => delivery),
      recordAttempt: jest.fn(async (..._args: unknown[]) => delivery),
      markDead: jest.fn(async () => delivery),
    },
    endpoints: {
      findById: jest.fn(async () => endpoint),
      recordSuccess: jest.fn(async () => endpoint),
    },
    http: {
      post: jest.fn(async (_url: string, _body: string, _h: Record<string, string>) => result),
    },
    disabler: { recordFailure: jest.fn(async () => false), disable: jest.fn(async () => true) },
  };
  const sut = new DeliveryService(
    mocks.deliveries as unknown as WebhookDeliveryRepository,
    mocks.endpoints as unknown as WebhookEndpointRepository,
    secrets,
    mocks.http as unknown as WebhookHttpClient,
    mocks.disabler as unknown as EndpointDisabler,
    config,
  );
  return { sut, mocks };
}

describe(DeliveryService.name, () => {
  it('signs the stored body with the endpoint secret and logs a success', async () => {
    const { sut, mocks } = setup({ statusCode: 204, latencyMs: 12 });
    expect(await sut.attempt(job)).toBe(JobOutcome.Done);
    const [url, body, headers] = mocks.http.post.mock.calls[0];
    expect(url).toBe('https://portal.example.com/h');
    expect(body).toBe('{"id":"e1"}');
    expect(headers).toMatchObject({ 'webhook-id': 'msg_1', 'webhook-attempt': '1' });
    expect(headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    expect(verifySignature(body, headers['webhook-signature'], 'whsec_x')).toBe(true);
    expect(mocks.deliveries.recordAttempt).toHaveBeenCalledWith(
      'org1',
      deliveryId,
      expect.objectContaining({ n: 1, statusCode: 204, latencyMs: 12 }),
      {
        status: 'succeeded',
      },
    );
    expect(mocks.endpoints.recordSuccess).toHaveBeenCalledWith('org1', 'ep1', expect.any(Date));
  });

  it('on a failure logs the attempt as retrying and throws the next delay for BullMQ', async () => {
    const { sut, mocks } = setup(
      { statusCode: 500, latencyMs: 5 },
      { delivery: { attemptCount: 2 } },
    );
    const err = await sut.attempt(job).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryRetryError);
    const delay = (err as DeliveryRetryError).retryInMs;
    expect(delay).toBeGreaterThanOrEqual(2000);
    expect(delay).toBeLessThanOrEqual(4000);
    expect(mocks.deliveries.recordAttempt).toHaveBeenCalledWith(
      'org1',
      deliveryId,
      expect.objectContaining({ n: 3, statusCode: 500 }),
      { status: 'retrying', nextAttemptAt: expect.any(Date) },
    );
    expect(mocks.disabler.recordFailure).toHaveBeenCalledWith('org1', 'ep1', expect.any(Date));
    expect(webhookBackoff(3, 'webhook', err as Error)).toBe(delay);
  });

  it('treats network errors and 3xx without success as failures', async () => {
    const { sut } = setup({
      latencyMs: 5,
      error: 'ECONNREFUSED',
      errorCode: 'WEBHOOK.NETWORK_ERROR',
    });
    await expect(sut.attempt(job)).rejects.toBeInstanceOf(DeliveryRetryError);
    const redirect = setup({ statusCode: 307, latencyMs: 5, error: 'more than 3 redirects' });
    await expect(redirect.sut.attempt(job)).rejects.toBeInstanceOf(DeliveryRetryError);
  });

  it('dead-letters once the retry window has passed', async () => {
    const old = new Date(Date.now() - 3601_000);
    const { sut, mocks } = setup(
      { statusCode: 503, latencyMs: 5 },
      { delivery: { createdAt: old, status: 'retrying', attemptCount: 9 } },
    );
    expect(await sut.attempt(job)).toBe(JobOutcome.Skipped);
    expect(mocks.deliveries.recordAttempt).toHaveBeenCalledWith(
      'org1',
      deliveryId,
      expect.objectContaining({ n: 10 }),
      {
        status: 'dead',
        deadReason: 'no successful attempt within 3600 s',
      },
    );
  });

  it('a 410 dead-letters the delivery and disables the endpoint at once', async () => {
    const { sut, mocks } = setup({ statusCode: 410, latencyMs: 5 });
    expect(await sut.attempt(job)).toBe(JobOutcome.Skipped);
    expect(mocks.deliveries.recordAttempt).toHaveBeenCalledWith(
      'org1',
      deliveryId,
      expect.objectContaining({ statusCode: 410 }),
      {
        status: 'dead',
        deadReason: 'receiver answered 410 Gone',
      },
    );
    expect(mocks.disabler.disable).toHaveBeenCalledWith('org1', 'ep1', 'gone', expect.any(Date));
    expect(mocks.disabler.recordFailure).not.toHaveBeenCalled();
  });

  it('stops retrying when the failure streak disabled the endpoint', async () => {
    const { sut, mocks } = setup({ statusCode: 500, latencyMs: 5 });
    mocks.disabler.recordFailure.mockResolvedValue(true);
    expect(await sut.attempt(job)).toBe(JobOutcome.Skipped);
    expect(mocks.deliveries.recordAttempt.mock.calls[0][3]).toEqual({
      status: 'dead',
      deadReason: 'endpoint disabled after repeated failures',
    });
  });

  it('does not send for a disabled or deleted endpoint, and dead-letters instead', async () => {
    const disabled = setup(
      { statusCode: 200, latencyMs: 1 },
      { endpoint: { status: 'disabled', disabledReason: 'gone' } },
    );
    expect(await disabled.sut.attempt(job)).toBe(JobOutcome.Skipped);
    expect(disabled.mocks.http.post).not.toHaveBeenCalled();
    expect(disabled.mocks.deliveries.markDead).toHaveBeenCalledWith(
      'org1',
      deliveryId,
      'endpoint disabled (gone)',
    );
    const deleted = setup({ statusCode: 200, latencyMs: 1 }, { endpoint: null });
    await deleted.sut.attempt(job);
    expect(deleted.mocks.deliveries.markDead).toHaveBeenCalledWith(
      'org1',
      deliveryId,
      'endpoint deleted',
    );
  });

  it('skips deliveries that already finished (a re-run after a crash)', async () => {
    const { sut, mocks } = setup(
      { statusCode: 200, latencyMs: 1 },
      { delivery: { status: 'succeeded' } },
    );
    expect(await sut.attempt(job)).toBe(JobOutcome.Skipped);
    expect(mocks.http.post).not.toHaveBeenCalled();
  });
});

describe(webhookBackoff.name, () => {
  it('falls back to a capped exponential delay for other errors', () => {
    expect(webhookBackoff(1, 'webhook', new Error('mongo'))).toBe(2000);
    expect(webhookBackoff(30, 'webhook', new Error('mongo'))).toBe(600_000);
  });
});

describe('screener_webhook_deliveries_total', () => {
  const count = async (outcome: string) =>
    (await webhookDeliveries().get()).values.find((v) => v.labels.outcome === outcome)?.value ?? 0;

  it('counts a delivered, a failed (retrying) and a dead-lettered attempt', async () => {
    const before = {
      delivered: await count('delivered'),
      failed: await count('failed'),
      dead: await count('dead_lettered'),
    };
    await setup({ statusCode: 204, latencyMs: 5 }).sut.attempt(job);
    await expect(setup({ statusCode: 500, latencyMs: 5 }).sut.attempt(job)).rejects.toThrow();
    await setup({ statusCode: 410, latencyMs: 5 }).sut.attempt(job);
    await setup({ statusCode: 204, latencyMs: 5 }).sut.deadLetter(job, 'lock lost');
    expect(await count('delivered')).toBe(before.delivered + 1);
    expect(await count('failed')).toBe(before.failed + 1);
    expect(await count('dead_lettered')).toBe(before.dead + 2);
  });
});
