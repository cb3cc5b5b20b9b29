import type { WorkerOptions } from 'bullmq';

/**
 * Parsing runs in a child process, so the event loop stays free to renew locks: a short lock
 * lets a crashed worker's jobs be recovered as stalled within ~15 s instead of the default 30+.
 */
export const PROCESSOR_OPTIONS: Partial<WorkerOptions> = {
  // WorkerStarter runs them once Mongo is connected.
  autorun: false,
  lockDuration: 15_000,
  stalledInterval: 10_000,
  maxStalledCount: 2,
};
