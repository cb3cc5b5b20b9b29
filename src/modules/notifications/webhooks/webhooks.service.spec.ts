import { Types } from 'mongoose';
import { DomainError } from '../../../../libs/common/errors';
import { systemContext } from '../../../common/tenancy/org-context';
import type { AppConfig } from '../../../config/app-config';
import type { AuditService } from '../../audit/audit.service';
import type { DeliveryEnqueuer } from './delivery-enqueuer';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookTargetPolicy } from './webhook-target.policy';
import { MAX_ENDPOINTS_PER_ORG, WebhooksService } from './webhooks.service';

const ctx = systemContext('org1', 'admin-1');
const endpointId = new Types.ObjectId().toHexString();

function setup() {
  const secrets = new WebhookSecrets({
    AUTH_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  } as AppConfig);
  const endpoint = {
    _id: endpointId,
    orgId: 'org1',
    url: 'https://a.example.com',
    status: 'active',
    secrets: [secrets.seal('whsec_old', new Date(0))],
  };
  const mocks = {
    endpoints: {
      count: jest.fn(async () => 0),
      create: jest.fn(async (_o: string, data: object) => ({ _id: endpointId, ...data })),
      getById: jest.fn(async () => endpoint),
      updateById: jest.fn(async () => endpoint),
      deleteById: jest.fn(async () => true),
      enable: jest.fn(),
      disable: jest.fn(),
    },
    deliveries: {
      getById: jest.fn(async () => ({
        _id: 'd1',
        endpointId,
        eventId: 'e1',
        eventType: 'job.closed',
        webhookId: 'msg_d1',
        payload: '{"specversion":"1.0"}',
        status: 'dead',
      })),
      createOnce: jest.fn(async (_o: string, id: Types.ObjectId, data: object) => ({
        _id: id,
        ...data,
      })),
      markDeadForEndpoint: jest.fn(async () => 2),
      page: jest.fn(),
    },
    policy: { vet: jest.fn(async () => undefined) },
    enqueuer: { enqueue: jest.fn(async () => true) },
    audit: { record: jest.fn(async () => undefined) },
  };
  const sut = new WebhooksService(
    mocks.endpoints as unknown as WebhookEndpointRepository,
    mocks.deliveries as unknown as WebhookDeliveryRepository,
    secrets,
    mocks.policy as unknown as WebhookTargetPolicy,
    mocks.enqueuer as unknown as DeliveryEnqueuer,
    mocks.audit as unknown as AuditService,
    { WEBHOOK_SECRET_GRACE_SECONDS: 600 } as AppConfig,
  );
  return { sut, mocks, secrets, endpoint };
}

describe(WebhooksService.name, () => {
  it('creates an endpoint after vetting the URL, storing the secret sealed and returning it once', async () => {
    const { sut, mocks, secrets } = setup();
    const { endpoint, secret } = await sut.create(ctx, {
      url: 'https://portal.example.com/h',
      events: ['job.closed'],
    });
    expect(mocks.policy.vet).toHaveBeenCalledWith('https://portal.example.com/h');
    expect(secret).toMatch(/^whsec_/);
    const stored = (mocks.endpoints.create.mock.calls[0][1] as { secrets: { sealed: string }[] })
      .secrets;
    expect(stored).toHaveLength(1);
    expect(stored[0].sealed).not.toContain(secret);
    expect(secrets.signing(endpoint.secrets, new Date())).toEqual([secret]);
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'webhook.created', orgId: 'org1' }),
    );
  });

  it('does not store an endpoint whose target the SSRF policy refuses', async () => {
    const { sut, mocks } = setup();
    mocks.policy.vet.mockRejectedValue(
      new DomainError('WEBHOOK.TARGET_FORBIDDEN', 'no', 'validation'),
    );
    await expect(
      sut.create(ctx, { url: 'https://10.0.0.1/', events: ['job.closed'] }),
    ).rejects.toMatchObject({
      code: 'WEBHOOK.TARGET_FORBIDDEN',
    });
    expect(mocks.endpoints.create).not.toHaveBeenCalled();
  });

  it('caps endpoints per org', async () => {
    const { sut, mocks } = setup();
    mocks.endpoints.count.mockResolvedValue(MAX_ENDPOINTS_PER_ORG);
    await expect(
      sut.create(ctx, { url: 'https://a.example.com', events: ['job.closed'] }),
    ).rejects.toMatchObject({
      code: 'WEBHOOK.LIMIT_REACHED',
      kind: 'conflict',
    });
  });

  it('rotates the secret with the default grace period and audits it', async () => {
    const { sut, mocks, secrets } = setup();
    const res = await sut.rotateSecret(ctx, endpointId);
    const saved = (
      mocks.endpoints.updateById.mock.calls[0] as unknown as [
        string,
        string,
        { $set: { secrets: never[] } },
      ]
    )[2].$set.secrets;
    expect(secrets.signing(saved, new Date())).toEqual([res.secret, 'whsec_old']);
    expect(res.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(590_000);
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'webhook.secret_rotated',
        details: expect.objectContaining({ graceSeconds: 600 }),
      }),
    );
  });

  it('replays as a new delivery with the same body and Webhook-Id, and enqueues it', async () => {
    const { sut, mocks } = setup();
    const replay = await sut.replay(ctx, 'd1');
    expect(replay).toMatchObject({
      webhookId: 'msg_d1',
      payload: '{"specversion":"1.0"}',
      status: 'pending',
      replayOf: 'd1',
    });
    expect((replay as unknown as { dedupKey: string }).dedupKey).toMatch(
      new RegExp(`^${endpointId}:e1:replay:`),
    );
    expect(mocks.enqueuer.enqueue).toHaveBeenCalledWith('org1', String(replay._id));
  });

  it('refuses to replay a delivery whose body was erased for a candidate', async () => {
    const { sut, mocks } = setup();
    mocks.deliveries.getById.mockResolvedValue({
      ...(await mocks.deliveries.getById()),
      payload: '{"erased":true}',
    });
    await expect(sut.replay(ctx, 'd1')).rejects.toMatchObject({
      code: 'WEBHOOK.DELIVERY_ERASED',
      kind: 'gone',
    });
    expect(mocks.deliveries.createOnce).not.toHaveBeenCalled();
  });

  it('refuses to replay to a disabled endpoint', async () => {
    const { sut, mocks, endpoint } = setup();
    mocks.endpoints.getById.mockResolvedValue({ ...endpoint, status: 'disabled' });
    await expect(sut.replay(ctx, 'd1')).rejects.toMatchObject({
      code: 'WEBHOOK.DISABLED',
      kind: 'conflict',
    });
    expect(mocks.deliveries.createOnce).not.toHaveBeenCalled();
  });

  it('dead-letters open deliveries of a deleted endpoint', async () => {
    const { sut, mocks } = setup();
    await sut.remove(ctx, endpointId);
    expect(mocks.endpoints.deleteById).toHaveBeenCalledWith('org1', endpointId);
    expect(mocks.deliveries.markDeadForEndpoint).toHaveBeenCalledWith(
      'org1',
      endpointId,
      'endpoint deleted',
    );
  });

  it('re-enables and disables on request', async () => {
    const { sut, mocks } = setup();
    await sut.update(ctx, endpointId, { enabled: true });
    expect(mocks.endpoints.enable).toHaveBeenCalledWith('org1', endpointId);
    await sut.update(ctx, endpointId, { enabled: false, url: 'https://b.example.com' });
    expect(mocks.policy.vet).toHaveBeenCalledWith('https://b.example.com');
    expect(mocks.endpoints.disable).toHaveBeenCalledWith(
      'org1',
      endpointId,
      'manual',
      expect.any(Date),
    );
  });

  it('pages the delivery log with a cursor', async () => {
    const { sut, mocks } = setup();
    mocks.deliveries.page.mockResolvedValue([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]);
    const page = await sut.deliveriesOf('org1', endpointId, { limit: 2 });
    expect(page.items.map((d) => d._id)).toEqual(['a', 'b']);
    expect(page.nextCursor).toBe('b');
  });
});
