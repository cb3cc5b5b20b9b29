import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection, ConnectionStates } from 'mongoose';
import { AppConfig } from '../../config/app-config';

const RETRY_MS = 2000;

/**
 * The driver heals dropped connections by itself, but a failed *initial* connection is final.
 * This re-opens it until it succeeds, so a process started during an outage recovers too.
 */
@Injectable()
export class MongoSupervisor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MongoSupervisor.name);
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private opening = false;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly config: AppConfig,
  ) {}

  private indexes?: Promise<void>;
  /** True once every registered model's indexes exist (unique indexes carry correctness). */
  indexesReady = false;

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), RETRY_MS);
    this.timer.unref();
    // autoIndex runs when models compile, before the lazy connection is open, and is never
    // retried; so indexes are built here on every (re)connect instead.
    this.connection.on('connected', () => void this.ensureIndexes());
    if (this.connection.readyState === ConnectionStates.connected) void this.ensureIndexes();
  }

  async ensureIndexes(): Promise<void> {
    this.indexes ??= (async () => {
      for (const model of Object.values(this.connection.models)) await model.createIndexes();
      this.indexesReady = true;
    })();
    try {
      await this.indexes;
    } catch (err) {
      this.indexes = undefined;
      this.logger.warn(`index build failed, will retry: ${(err as Error).message}`);
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.opening) return;
    if (!this.indexesReady && this.connection.readyState === ConnectionStates.connected) {
      await this.ensureIndexes();
    }
    if (this.connection.readyState !== ConnectionStates.disconnected) return;
    if (this.connection.getClient?.()) {
      // A client exists and is reconnecting on its own after a drop.
      const topology = (this.connection.getClient() as unknown as { topology?: unknown }).topology;
      if (topology) return;
    }
    this.opening = true;
    try {
      await this.connection.openUri(this.config.MONGO_URI);
      this.logger.log('mongo: connected');
    } catch (err) {
      this.logger.warn(`mongo: still unreachable (${(err as Error).message})`);
    } finally {
      this.opening = false;
    }
  }

  /** Pings with a bound; false while disconnected. */
  async ping(timeoutMs = 1500): Promise<boolean> {
    if (this.connection.readyState !== ConnectionStates.connected || !this.connection.db) {
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.connection.db
          .admin()
          .ping()
          .then(() => true),
        new Promise<false>((r) => (timer = setTimeout(() => r(false), timeoutMs))),
      ]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }
}
