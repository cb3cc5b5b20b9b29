import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { ContentTypeGuard } from './content-type.guard';
import { JwtAuthGuard } from './jwt-auth.guard';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { RolesGuard } from './roles.guard';
import { ResilientRedisThrottlerStorage } from './throttling/redis-throttler.storage';
import { IpThrottlerGuard, PrincipalThrottlerGuard } from './throttling/throttler.guards';
import { buildThrottlers } from './throttling/throttlers';

/**
 * The API's global guard chain, in this order: content type (415) → per-IP throttling (429)
 * → JWT (401) → roles (403) → per-principal throttling (429). Needs a passport strategy named
 * 'jwt' (AuthModule provides it).
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: buildThrottlers(config),
        storage: new ResilientRedisThrottlerStorage(config.REDIS_URL),
      }),
    }),
  ],
  providers: [
    JwtAuthGuard,
    { provide: APP_GUARD, useClass: ContentTypeGuard },
    { provide: APP_GUARD, useClass: IpThrottlerGuard },
    { provide: APP_GUARD, useExisting: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: RetryAfterInterceptor },
  ],
  exports: [JwtAuthGuard],
})
export class SecurityModule {}
