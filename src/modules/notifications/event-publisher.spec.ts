import { Types } from 'mongoose';
import type { AppConfig } from '../../config/app-config';
import { applicationEvent } from './application-events';
import { EventPublisher } from './event-publisher';
import type { DigestItemRepository } from './email/digest-item.repository';
import type { DeliveryEnqueuer } from './webhooks/delivery-enqueuer';
import type { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import type { WebhookEndpointRepository } from './webhooks/webhook-endpoint.repository';

const app = { _id: new Types.ObjectId(), orgId: 'org1', jobId: 'job1', resumeId: 'res1' };
const screened = applicationEvent('application.screened', app, {
  score: 88,
  label: 'strong_fit',
  modelVersion: 'v1',
  jobRevision: 1,
});

function setup(config: Partial<AppConfig> = {}) {
  const mocks = {
    endpoints: { subscribedTo: jest.fn(async () => [{ _id: 'ep1' }, { _id: 'ep2' }]) },
    deliveries: {
      createOnce: jest.fn(async (_org: string, id: Types.ObjectId, data: object) => ({
        _id: id,
        ...data,
      })),
    },
    enqueuer: { enqueue: jest.fn(async () => true) },
    digests: { record: jest.fn(async () => undefined) },
  };
  const sut = new EventPublisher(
    mocks.endpoints as unknown as WebhookEndpointRepository,
    mocks.deliveries as unknown as WebhookDeliveryRepository,
    mocks.enqueuer as unknown as DeliveryEnqueuer,
    mocks.digests as unknown as DigestItemRepository,
    {
      NOTIFY_PUBLIC_BASE_URL: 'https://api.example.com',
      SMTP_HOST: 'smtp.example.com',
      ...config,
    } as AppConfig,
  );
  return { sut, mocks };
}

describe(EventPublisher.name, () => {
  it('stores one delivery per subscribed endpoint, then enqueues each', async () => {
    const { sut, mocks } = setup();
    await sut.publish(screened);
    expect(mocks.endpoints.subscribedTo).toHaveBeenCalledWith('org1', 'application.screened');
    expect(mocks.deliveries.createOnce).toHaveBeenCalledTimes(2);
    const [, id, data] = mocks.deliveries.createOnce.mock.calls[0] as unknown as [
      string,
      Types.ObjectId,
      Record<string, string>,
    ];
    expect(data).toMatchObject({
      endpointId: 'ep1',
      eventId: screened.id,
      dedupKey: `ep1:${screened.id}`,
      status: 'pending',
    });
    expect(data.webhookId).toBe(`msg_${id.toHexString()}`);
    expect(JSON.parse(data.payload)).toMatchObject({
      specversion: '1.0',
      id: screened.id,
      type: 'application.screened',
    });
    expect(mocks.enqueuer.enqueue.mock.calls).toEqual([
      ['org1', String(id)],
      ['org1', expect.any(String)],
    ]);
  });

  it('does not enqueue again a delivery that already exists and has moved on', async () => {
    const { sut, mocks } = setup();
    mocks.deliveries.createOnce.mockResolvedValue({
      _id: new Types.ObjectId(),
      status: 'succeeded',
    } as never);
    await sut.publish(screened);
    expect(mocks.enqueuer.enqueue).not.toHaveBeenCalled();
  });

  it('never throws into the producer, and one failing endpoint does not stop the others', async () => {
    const { sut, mocks } = setup();
    mocks.deliveries.createOnce.mockRejectedValueOnce(new Error('mongo down'));
    await expect(sut.publish(screened)).resolves.toBeUndefined();
    expect(mocks.enqueuer.enqueue).toHaveBeenCalledTimes(1);

    mocks.endpoints.subscribedTo.mockRejectedValueOnce(new Error('mongo down'));
    mocks.digests.record.mockRejectedValueOnce(new Error('mongo down'));
    await expect(sut.publish(screened)).resolves.toBeUndefined();
  });

  it('records screened applications for the job digest when e-mail is configured', async () => {
    const { sut, mocks } = setup();
    await sut.publish(screened);
    expect(mocks.digests.record).toHaveBeenCalledWith('org1', {
      jobId: 'job1',
      applicationId: String(app._id),
      status: 'screened',
      label: 'strong_fit',
      score: 88,
      at: screened.time,
    });
  });

  it('records nothing for digests without SMTP or for non-application events', async () => {
    const off = setup({ SMTP_HOST: undefined });
    await off.sut.publish(screened);
    expect(off.mocks.digests.record).not.toHaveBeenCalled();
    const on = setup();
    await on.sut.publish({ ...screened, type: 'job.closed', data: { jobId: 'job1' } });
    expect(on.mocks.digests.record).not.toHaveBeenCalled();
  });
});
