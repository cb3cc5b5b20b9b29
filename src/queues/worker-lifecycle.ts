import { WorkerHost } from '@nestjs/bullmq';
import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { InjectConnection } from '@nestjs/mongoose';
import { ConnectionStates, type Connection } from 'mongoose';

/** Every BullMQ processor instance of the application. */
function workerHosts(discovery: DiscoveryService): WorkerHost[] {
  return discovery
    .getProviders()
    .map((wrapper) => wrapper.instance as unknown)
    .filter((i): i is WorkerHost => i instanceof WorkerHost);
}

/**
 * Starts the processors (created with `autorun: false`) once Mongo is connected. A worker that
 * took jobs while the driver was still connecting failed each one's first attempt and spent a
 * retry on it; now a job waits in Redis until this process can actually do it.
 */
@Injectable()
export class WorkerStarter implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerStarter.name);

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  onApplicationBootstrap(): void {
    void this.whenConnected().then(() => {
      for (const host of workerHosts(this.discovery)) {
        if (host.worker.isRunning()) continue;
        host.worker
          .run()
          .catch((err: Error) => this.logger.error(`worker stopped: ${err.message}`));
      }
    });
  }

  private whenConnected(): Promise<void> {
    if (this.connection.readyState === ConnectionStates.connected) return Promise.resolve();
    return new Promise((resolve) => this.connection.once('connected', () => resolve()));
  }
}

/**
 * Closes every BullMQ worker, waiting for its active jobs, in `beforeApplicationShutdown`: before
 * any `onApplicationShutdown` hook tears down what those jobs use (the parser's extraction child
 * processes, the Mongo connection). @nestjs/bullmq also closes its workers in
 * `onApplicationShutdown`, in no fixed order relative to those hooks, so a parse in flight at
 * SIGTERM had its child killed. BullMQ's `close()` is idempotent: the later call is a no-op.
 */
@Injectable()
export class WorkerDrain implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerDrain.name);

  constructor(private readonly discovery: DiscoveryService) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      workerHosts(this.discovery).map(async (host) => {
        try {
          await host.worker.close();
        } catch (err) {
          this.logger.warn(`closing a worker failed: ${(err as Error).message}`);
        }
      }),
    );
  }
}

/** Starts the processors when Mongo is up, and drains them before shutdown. */
@Module({ imports: [DiscoveryModule], providers: [WorkerStarter, WorkerDrain] })
export class WorkerLifecycleModule {}
