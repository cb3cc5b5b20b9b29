import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ConnectionOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../infra/redis/redis-options';
import { ALL_QUEUES } from './queue-names';
import { QueueMetrics } from './queue-metrics';
import { QueueProducer } from './queue-producer';

/** A Queue without an 'error' listener would throw on a Redis outage and end the process. */
@Injectable()
class QueueErrorListeners implements OnModuleInit {
  private readonly logger = new Logger('Queues');
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    let last = 0;
    for (const name of ALL_QUEUES) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (err: Error) => {
        if (Date.now() - last > 10_000) {
          last = Date.now();
          this.logger.warn(`queue ${name}: ${err.message}`);
        }
      });
    }
  }
}

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: {
          ...redisOptionsFromUrl(config.REDIS_URL),
          maxRetriesPerRequest: null,
        } as ConnectionOptions,
        prefix: 'screener',
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [QueueErrorListeners, QueueProducer, QueueMetrics],
  exports: [BullModule, QueueProducer],
})
export class QueuesModule {}
