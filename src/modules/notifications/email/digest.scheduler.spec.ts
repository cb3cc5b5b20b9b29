import type { AppConfig } from '../../../config/app-config';
import { QueueName } from '../../../queues/queue-names';
import type { QueueProducer } from '../../../queues/queue-producer';
import type { DigestItemRepository } from './digest-item.repository';
import { DigestScheduler } from './digest.scheduler';

describe(DigestScheduler.name, () => {
  const HOUR = 3_600_000;

  function setup() {
    const mocks = {
      items: {
        pendingJobs: jest.fn(async () => [
          { orgId: 'o1', jobId: 'j1' },
          { orgId: 'o1', jobId: 'j2' },
        ]),
      },
      producer: { add: jest.fn(async () => true) },
    };
    const sut = new DigestScheduler(
      mocks.items as unknown as DigestItemRepository,
      mocks.producer as unknown as QueueProducer,
      { NOTIFY_DIGEST_INTERVAL_SECONDS: 3600 } as AppConfig,
    );
    return { sut, mocks };
  }

  it('closes the last ended window and enqueues one digest per job under a deterministic id', async () => {
    const { sut, mocks } = setup();
    const now = 10 * HOUR + 1234;
    expect(await sut.tick(now)).toBe(2);
    expect(mocks.items.pendingJobs).toHaveBeenCalledWith(new Date(10 * HOUR), expect.any(Number));
    expect(
      mocks.producer.add.mock.calls.map((c) => [(c as unknown[])[1], (c as unknown[])[2]]),
    ).toEqual([
      [`digest_o1_j1_${10 * HOUR}`, { orgId: 'o1', digest: { jobId: 'j1', windowEnd: 10 * HOUR } }],
      [`digest_o1_j2_${10 * HOUR}`, { orgId: 'o1', digest: { jobId: 'j2', windowEnd: 10 * HOUR } }],
    ]);
    expect((mocks.producer.add.mock.calls[0] as unknown[])[0]).toBe(QueueName.Notify);
  });

  it('gives every tick within one window the same ids, so repeats are no-ops', async () => {
    const { sut, mocks } = setup();
    await sut.tick(10 * HOUR + 1);
    await sut.tick(11 * HOUR - 1);
    const ids = mocks.producer.add.mock.calls.map((c) => (c as unknown[])[1]);
    expect(ids.slice(0, 2)).toEqual(ids.slice(2));
  });

  it('survives a failing scan', async () => {
    const { sut, mocks } = setup();
    mocks.items.pendingJobs.mockRejectedValue(new Error('mongo down'));
    await expect(sut.tick(HOUR)).resolves.toBe(0);
  });
});
