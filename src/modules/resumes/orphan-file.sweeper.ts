import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { orphanSweeps, orphansRemoved } from '../../common/metrics/pipeline-metrics';
import { AppConfig } from '../../config/app-config';
import { PeriodicTask } from '../../infra/redis/periodic-task';
import { RedisService } from '../../infra/redis/redis.service';
import { FileStorage } from '../../infra/storage/file-storage';
import { OrphanFileRepository, sweepBounds } from './orphan-file.repository';

export const ORPHAN_SWEEP_LOCK_KEY = 'screener:lock:orphan-files';
/** The first sweep after start comes at most this soon (1 min), not a whole period later. */
const FIRST_SWEEP_MS = 60_000;
/** Most files, and most chunk groups, one sweep removes; a backlog drains over later periods. */
const MAX_REMOVED = 1000;

export interface OrphanSweep {
  /** Files no resume referenced, removed with their chunks. */
  files: number;
  /** Chunks whose files doc was missing. */
  chunks: number;
}

/**
 * Removes GridFS resume data left half-written when Mongo dies during an upload: files that no
 * resume references and chunks without a files doc, once older than ORPHAN_GRACE_SECONDS (younger
 * ones may belong to an upload still in flight). Runs every ORPHAN_SWEEP_MINUTES in the worker;
 * every worker ticks, but a Redis lock held for one period lets only one of them sweep per period.
 */
@Injectable()
export class OrphanFileSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OrphanFileSweeper.name);
  private readonly task: PeriodicTask;

  constructor(
    private readonly config: AppConfig,
    redis: RedisService,
    private readonly orphans: OrphanFileRepository,
    private readonly files: FileStorage,
  ) {
    const periodMs = config.ORPHAN_SWEEP_MINUTES * 60_000;
    this.task = new PeriodicTask(redis, this.logger, {
      lockKey: ORPHAN_SWEEP_LOCK_KEY,
      periodMs,
      firstMs: FIRST_SWEEP_MS,
      lockMs: Math.max(periodMs - 1000, 1000),
      what: 'orphaned-file sweep',
    });
  }

  onApplicationBootstrap(): void {
    this.task.start(() => this.tick());
  }

  /** One sweep if this worker wins the period's lock; undefined when another worker has it. */
  tick(now = new Date()): Promise<OrphanSweep | undefined> {
    return this.task.tick(async () => {
      try {
        const result = await this.sweep(now);
        orphanSweeps().inc({ outcome: 'ok' });
        return result;
      } catch (err) {
        orphanSweeps().inc({ outcome: 'failed' });
        throw err;
      }
    });
  }

  /** Files first: a file delete cut short after its files doc leaves chunks the second step finds. */
  async sweep(now = new Date()): Promise<OrphanSweep> {
    const bounds = sweepBounds(now, this.config.ORPHAN_GRACE_SECONDS * 1000);
    let files = 0;
    for (const id of await this.orphans.findUnreferencedFiles(bounds, MAX_REMOVED)) {
      await this.files.delete(id.toHexString());
      orphansRemoved().inc({ kind: 'file' });
      files++;
    }
    const groups = await this.orphans.findChunkGroupsWithoutFile(bounds, MAX_REMOVED);
    const chunks = await this.orphans.deleteChunkGroups(groups);
    if (chunks) orphansRemoved().inc({ kind: 'chunk' }, chunks);
    if (files || chunks) {
      this.logger.log(
        `removed ${files} orphaned resume files and ${chunks} chunks of ${groups.length} ` +
          `unfinished uploads (older than ${this.config.ORPHAN_GRACE_SECONDS} s)`,
      );
    }
    return { files, chunks };
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
