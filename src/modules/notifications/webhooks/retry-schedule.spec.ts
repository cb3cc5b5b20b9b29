import { MAX_DELIVERY_ATTEMPTS, nextRetryDelay, nominalDelays } from './retry-schedule';

const DAY = 86_400_000;
const schedule = { baseMs: 30_000, maxDelayMs: 4 * 3_600_000, windowMs: DAY };

describe(nextRetryDelay.name, () => {
  it('doubles per failed attempt up to the cap', () => {
    const top = (n: number) => nextRetryDelay(n, 0, schedule, () => 1);
    expect([1, 2, 3, 4].map(top)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(top(12)).toBe(4 * 3_600_000);
  });

  it('jitters between half and all of the exponential delay', () => {
    expect(nextRetryDelay(3, 0, schedule, () => 0)).toBe(60_000);
    expect(nextRetryDelay(3, 0, schedule, () => 0.5)).toBe(90_000);
    const seen = new Set(Array.from({ length: 50 }, () => nextRetryDelay(3, 0, schedule)));
    expect(seen.size).toBeGreaterThan(1);
    for (const d of seen) expect(d).toBeGreaterThanOrEqual(60_000);
  });

  it('never schedules past the window, and gives up once it has passed', () => {
    expect(nextRetryDelay(12, DAY - 5_000, schedule, () => 1)).toBe(5_000);
    expect(nextRetryDelay(12, DAY, schedule)).toBeNull();
    expect(nextRetryDelay(2, DAY + 1, schedule)).toBeNull();
  });

  it('gives up after the attempt cap even inside the window', () => {
    expect(nextRetryDelay(MAX_DELIVERY_ATTEMPTS, 0, schedule)).toBeNull();
  });

  it('with the defaults retries for 24 hours in about 15 attempts', () => {
    const delays = nominalDelays(schedule);
    expect(delays.reduce((a, b) => a + b, 0)).toBe(DAY);
    expect(delays.length).toBeGreaterThanOrEqual(12);
    expect(delays.length).toBeLessThanOrEqual(20);
  });
});
