import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../../config/app-config';
import { RedisService } from '../../../infra/redis/redis.service';
import { Clock } from '../clock';
import type { RetentionRun } from './retention.dto';
import { RetentionService } from './retention.service';

export const RETENTION_LOCK_KEY = 'screener:lock:retention';
const FIRST_SWEEP_MS = 5 * 60_000;

/**
 * Runs retention every RETENTION_SWEEP_MINUTES in the worker. Every worker ticks, but a Redis
 * lock held for one period lets only one of them run per period; 0 disables the sweep.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly clock: Clock,
    private readonly retention: RetentionService,
  ) {}

  private get periodMs(): number {
    return this.config.RETENTION_SWEEP_MINUTES * 60_000;
  }

  onApplicationBootstrap(): void {
    if (!this.periodMs) return;
    // A first sweep soon after start, so workers restarted more often than the period still sweep.
    this.timer = setTimeout(
      () => {
        void this.tick();
        this.timer = setInterval(() => void this.tick(), this.periodMs);
        this.timer.unref();
      },
      Math.min(this.periodMs, FIRST_SWEEP_MS),
    );
    this.timer.unref();
  }

  /** One sweep if this worker wins the period's lock; undefined when another worker has it. */
  async tick(): Promise<RetentionRun | undefined> {
    if (this.running) return undefined;
    try {
      const won = await this.redis.client.set(
        RETENTION_LOCK_KEY,
        randomUUID(),
        'PX',
        Math.max(this.periodMs, 60_000) - 1000,
        'NX',
      );
      if (won !== 'OK') return undefined;
      const run = this.retention.run(this.clock.now());
      this.running = run;
      return await run;
    } catch (err) {
      this.logger.warn(`retention sweep failed: ${(err as Error).message}`);
      return undefined;
    } finally {
      this.running = undefined;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
