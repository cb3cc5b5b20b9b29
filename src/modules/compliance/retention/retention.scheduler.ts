import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { PeriodicTask } from '../../../infra/redis/periodic-task';
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
  private readonly task: PeriodicTask;

  constructor(
    config: AppConfig,
    redis: RedisService,
    private readonly clock: Clock,
    private readonly retention: RetentionService,
  ) {
    const periodMs = config.RETENTION_SWEEP_MINUTES * 60_000;
    this.task = new PeriodicTask(redis, this.logger, {
      lockKey: RETENTION_LOCK_KEY,
      periodMs,
      firstMs: FIRST_SWEEP_MS,
      lockMs: Math.max(periodMs, 60_000) - 1000,
      what: 'retention sweep',
    });
  }

  onApplicationBootstrap(): void {
    this.task.start(() => this.tick());
  }

  /** One sweep if this worker wins the period's lock; undefined when another worker has it. */
  tick(): Promise<RetentionRun | undefined> {
    return this.task.tick(() => this.retention.run(this.clock.now()));
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
