import type { AppConfig } from '../../../config/app-config';
import { QueueName } from '../../../queues/queue-names';
import type { QueueProducer } from '../../../queues/queue-producer';
import type { AuditService } from '../../audit/audit.service';
import { EndpointDisabler } from './endpoint-disabler';
import type { WebhookEndpointRepository } from './webhook-endpoint.repository';

const HOUR = 3_600_000;
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function setup() {
  const mocks = {
    endpoints: {
      recordFailure: jest.fn(
        async () => ({ consecutiveFailures: 1, failingSince: t0 }) as object | null,
      ),
      disable: jest.fn(
        async () => ({ url: 'https://a.example.com', consecutiveFailures: 10 }) as object | null,
      ),
    },
    producer: { add: jest.fn(async () => true) },
    audit: { record: jest.fn(async () => undefined) },
  };
  const sut = new EndpointDisabler(
    mocks.endpoints as unknown as WebhookEndpointRepository,
    mocks.producer as unknown as QueueProducer,
    mocks.audit as unknown as AuditService,
    { WEBHOOK_DISABLE_AFTER_FAILURES: 10, WEBHOOK_DISABLE_AFTER_SECONDS: 86_400 } as AppConfig,
  );
  return { sut, mocks };
}

describe(EndpointDisabler.name, () => {
  it('needs both enough consecutive failures and a long enough streak', () => {
    const { sut } = setup();
    expect(sut.streakTooLong({ consecutiveFailures: 9, failingSince: t0 }, at(48 * HOUR))).toBe(
      false,
    );
    expect(sut.streakTooLong({ consecutiveFailures: 500, failingSince: t0 }, at(HOUR))).toBe(false);
    expect(sut.streakTooLong({ consecutiveFailures: 10, failingSince: t0 }, at(24 * HOUR))).toBe(
      true,
    );
    expect(
      sut.streakTooLong({ consecutiveFailures: 10, failingSince: undefined }, at(48 * HOUR)),
    ).toBe(false);
  });

  it('disables a failing endpoint, audits it and enqueues one admin alert', async () => {
    const { sut, mocks } = setup();
    mocks.endpoints.recordFailure.mockResolvedValue({ consecutiveFailures: 12, failingSince: t0 });
    expect(await sut.recordFailure('org1', 'ep1', at(25 * HOUR))).toBe(true);
    expect(mocks.endpoints.disable).toHaveBeenCalledWith('org1', 'ep1', 'failing', at(25 * HOUR));
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'webhook.disabled',
        orgId: 'org1',
        details: expect.objectContaining({ reason: 'failing' }),
      }),
    );
    expect(mocks.producer.add).toHaveBeenCalledWith(
      QueueName.Notify,
      `alert_ep1_${at(25 * HOUR).getTime()}`,
      { orgId: 'org1', endpointDisabled: { endpointId: 'ep1' } },
      expect.objectContaining({ attempts: expect.any(Number) }),
    );
  });

  it('keeps a healthy streak active', async () => {
    const { sut, mocks } = setup();
    expect(await sut.recordFailure('org1', 'ep1', at(1000))).toBe(false);
    expect(mocks.endpoints.disable).not.toHaveBeenCalled();
  });

  it('alerts only once when another worker disabled the endpoint first', async () => {
    const { sut, mocks } = setup();
    mocks.endpoints.disable.mockResolvedValue(null);
    expect(await sut.disable('org1', 'ep1', 'gone', t0)).toBe(false);
    expect(mocks.producer.add).not.toHaveBeenCalled();
    expect(mocks.audit.record).not.toHaveBeenCalled();
  });

  it('reports an endpoint that is no longer active as disabled, so retries stop', async () => {
    const { sut, mocks } = setup();
    mocks.endpoints.recordFailure.mockResolvedValue(null);
    expect(await sut.recordFailure('org1', 'ep1', t0)).toBe(true);
  });
});
