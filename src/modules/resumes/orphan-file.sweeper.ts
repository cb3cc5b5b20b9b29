import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { orphanSweeps, orphansRemoved } from '../../common/metrics/pipeline-metrics';
import { AppConfig } from '../../config/app-config';
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
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    private readonly orphans: OrphanFileRepository,
    private readonly files: FileStorage,
  ) {}

  private get periodMs(): number {
    return this.config.ORPHAN_SWEEP_MINUTES * 60_000;
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
  async tick(now = new Date()): Promise<OrphanSweep | undefined> {
    if (this.running) return undefined;
    try {
      const won = await this.redis.client.set(
        ORPHAN_SWEEP_LOCK_KEY,
        randomUUID(),
        'PX',
        Math.max(this.periodMs - 1000, 1000),
        'NX',
      );
      if (won !== 'OK') return undefined;
      const run = this.sweep(now);
      this.running = run;
      const result = await run;
      orphanSweeps().inc({ outcome: 'ok' });
      return result;
    } catch (err) {
      orphanSweeps().inc({ outcome: 'failed' });
      this.logger.warn(`orphaned-file sweep failed: ${(err as Error).message}`);
      return undefined;
    } finally {
      this.running = undefined;
    }
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

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
