import { DynamicModule, Module } from '@nestjs/common';
import { SentryModule } from '@sentry/nestjs/setup';
import { LoggingModule } from './common/logging/logging.module';
import { MetricsModule } from './common/metrics/metrics.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { MongoModule } from './infra/mongo/mongo.module';
import { ExtractorLifecycle } from './infra/extractor-lifecycle';
import { RedisModule } from './infra/redis/redis.module';
import { EventsModule } from './modules/notifications/events.module';
import { QueuesModule } from './queues/queues.module';

/** Infrastructure shared by the API and the worker processes. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [ExtractorLifecycle],
      imports: [
        ...(config.SENTRY_DSN ? [SentryModule.forRoot()] : []),
        ConfigModule.forRoot(config),
        LoggingModule,
        MetricsModule,
        MongoModule,
        RedisModule,
        QueuesModule,
        EventsModule,
      ],
    };
  }
}
