/** Retry timing of webhook deliveries; all durations in milliseconds. */
export interface RetrySchedule {
  baseMs: number;
  maxDelayMs: number;
  windowMs: number;
}

/** A safety net far beyond what the 24 h window allows with the default base and cap. */
export const MAX_DELIVERY_ATTEMPTS = 50;

/**
 * Delay before attempt `failedAttempts + 1`, or null when the delivery should be dead-lettered.
 * Exponential (base · 2^(n-1), capped) with "equal jitter": a uniformly random 50–100 % of
 * that, so retries from one outage spread out instead of hitting the receiver together.
 * The last retry is pulled in to land inside the window rather than skipped.
 */
export function nextRetryDelay(
  failedAttempts: number,
  elapsedMs: number,
  schedule: RetrySchedule,
  random: () => number = Math.random,
): number | null {
  if (failedAttempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const remaining = schedule.windowMs - elapsedMs;
  if (remaining <= 0) return null;
  const exp = Math.min(schedule.baseMs * 2 ** Math.max(0, failedAttempts - 1), schedule.maxDelayMs);
  const jittered = Math.round(exp / 2 + (random() * exp) / 2);
  return Math.max(1, Math.min(jittered, remaining));
}

/** The schedule without jitter (upper bounds), for documentation and the README table. */
export function nominalDelays(schedule: RetrySchedule): number[] {
  const delays: number[] = [];
  let elapsed = 0;
  for (let n = 1; ; n++) {
    const d = nextRetryDelay(n, elapsed, schedule, () => 1);
    if (d === null) return delays;
    delays.push(d);
    elapsed += d;
  }
}
