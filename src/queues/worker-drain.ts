import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, Module } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';

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
    const hosts = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((i): i is WorkerHost => i instanceof WorkerHost);
    await Promise.all(
      hosts.map(async (host) => {
        try {
          await host.worker.close();
        } catch (err) {
          this.logger.warn(`closing a worker failed: ${(err as Error).message}`);
        }
      }),
    );
  }
}

@Module({ imports: [DiscoveryModule], providers: [WorkerDrain] })
export class WorkerDrainModule {}
