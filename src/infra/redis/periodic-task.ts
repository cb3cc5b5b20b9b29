import type { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RedisService } from './redis.service';

export interface PeriodicTaskOptions {
  /** Redis key of the per-period lock. */
  lockKey: string;
  /** 0 disables the task. */
  periodMs: number;
  /** The first run comes this soon after start, so workers restarted more often still run it. */
  firstMs: number;
  /** How long a won lock is held: about one period, so one worker runs per period. */
  lockMs: number;
  /** What a failed run is logged as. */
  what: string;
}

/**
 * A sweep that every worker process ticks on a timer while a Redis lock lets only one of them
 * run it per period. One run at a time per process; `stop()` waits for the one in flight.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly redis: RedisService,
    private readonly logger: Logger,
    private readonly opts: PeriodicTaskOptions,
  ) {}

  start(tick: () => Promise<unknown>): void {
    const { periodMs, firstMs } = this.opts;
    if (!periodMs) return;
    this.timer = setTimeout(
      () => {
        void tick();
        this.timer = setInterval(() => void tick(), periodMs);
        this.timer.unref();
      },
      Math.min(periodMs, firstMs),
    );
    this.timer.unref();
  }

  /** `run` if this process wins the period's lock; undefined when another has it or it failed. */
  async tick<T>(run: () => Promise<T>): Promise<T | undefined> {
    if (this.running) return undefined;
    try {
      const won = await this.redis.client.set(
        this.opts.lockKey,
        randomUUID(),
        'PX',
        this.opts.lockMs,
        'NX',
      );
      if (won !== 'OK') return undefined;
      const pending = run();
      this.running = pending;
      return await pending;
    } catch (err) {
      this.logger.warn(`${this.opts.what} failed: ${(err as Error).message}`);
      return undefined;
    } finally {
      this.running = undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
