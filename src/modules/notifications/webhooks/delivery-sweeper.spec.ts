import type { QueueProducer } from '../../../queues/queue-producer';
import type { DeliveryEnqueuer } from './delivery-enqueuer';
import { DeliverySweeper } from './delivery-sweeper';
import type { WebhookDeliveryRepository } from './webhook-delivery.repository';

function setup(state: string | null, promote = jest.fn(async () => undefined)) {
  const job =
    state === null
      ? undefined
      : { getState: jest.fn(async () => state), failedReason: 'boom', promote };
  const mocks = {
    deliveries: {
      findOverdue: jest.fn(async () => [{ _id: 'd1', orgId: 'org1' }]),
      markDead: jest.fn(async () => null),
    },
    enqueuer: { enqueue: jest.fn(async () => true) },
    producer: {
      queue: jest.fn(() => ({ getJob: jest.fn(async () => job) })),
      remove: jest.fn(async () => undefined),
    },
  };
  const sut = new DeliverySweeper(
    mocks.deliveries as unknown as WebhookDeliveryRepository,
    mocks.enqueuer as unknown as DeliveryEnqueuer,
    mocks.producer as unknown as QueueProducer,
  );
  return { sut, mocks };
}

describe(DeliverySweeper.name, () => {
  it('enqueues an overdue delivery whose job never reached Redis', async () => {
    const { sut, mocks } = setup(null);
    const now = new Date('2026-01-01T00:10:00Z');
    expect(await sut.sweep(now)).toBe(1);
    expect(mocks.deliveries.findOverdue).toHaveBeenCalledWith(
      new Date('2026-01-01T00:09:00Z'),
      expect.any(Number),
    );
    expect(mocks.enqueuer.enqueue).toHaveBeenCalledWith('org1', 'd1');
  });

  it('leaves deliveries alone whose job is still waiting or running', async () => {
    for (const state of ['waiting', 'active']) {
      const { sut, mocks } = setup(state);
      expect(await sut.sweep()).toBe(0);
      expect(mocks.enqueuer.enqueue).not.toHaveBeenCalled();
    }
  });

  it('runs at once an overdue delivery whose job is still delayed (fallback backoff)', async () => {
    const promote = jest.fn(async () => undefined);
    const { sut, mocks } = setup('delayed', promote);
    expect(await sut.sweep()).toBe(1);
    expect(promote).toHaveBeenCalledTimes(1);
    expect(mocks.enqueuer.enqueue).not.toHaveBeenCalled();
    expect(mocks.deliveries.markDead).not.toHaveBeenCalled();
  });

  it('does not count a delayed job that started before it could be promoted', async () => {
    const promote = jest.fn(async () => {
      throw new Error('Job is not in the delayed state');
    });
    const { sut, mocks } = setup('delayed', promote);
    expect(await sut.sweep()).toBe(0);
    expect(mocks.enqueuer.enqueue).not.toHaveBeenCalled();
  });

  it('dead-letters a delivery whose job failed for good', async () => {
    const { sut, mocks } = setup('failed');
    await sut.sweep();
    expect(mocks.deliveries.markDead).toHaveBeenCalledWith('org1', 'd1', 'retries exhausted: boom');
    expect(mocks.enqueuer.enqueue).not.toHaveBeenCalled();
  });

  it('re-adds a delivery whose job completed without recording an outcome', async () => {
    const { sut, mocks } = setup('completed');
    expect(await sut.sweep()).toBe(1);
    expect(mocks.producer.remove).toHaveBeenCalledWith('notify', 'wh_d1');
    expect(mocks.enqueuer.enqueue).toHaveBeenCalledWith('org1', 'd1');
  });
});
