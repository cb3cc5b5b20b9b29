import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from '../../../../libs/common/errors';
import { isInfrastructurePath } from '../jwt-auth.guard';
import { THROTTLER, ThrottlerName } from './throttlers';

/** A ThrottlerGuard that runs only some of the named throttlers and answers 429 our way. */
abstract class SelectiveThrottlerGuard extends ThrottlerGuard {
  protected abstract readonly selected: readonly ThrottlerName[];

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    this.throttlers = this.throttlers.filter((t) =>
      this.selected.includes(t.name as ThrottlerName),
    );
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return isInfrastructurePath(context.switchToHttp().getRequest<Request>().path);
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new DomainError(
      'COMMON.RATE_LIMITED',
      'Too many requests; retry later.',
      'rate_limited',
      {
        retryAfterSeconds: retryAfter,
      },
    );
  }
}

/** Runs first: per-IP limits, so unauthenticated floods are limited before any crypto. */
@Injectable()
export class IpThrottlerGuard extends SelectiveThrottlerGuard {
  protected readonly selected = [THROTTLER.ip, THROTTLER.auth] as const;
}

/** Runs after authentication: per-principal limits. */
@Injectable()
export class PrincipalThrottlerGuard extends SelectiveThrottlerGuard {
  protected readonly selected = [THROTTLER.client, THROTTLER.upload] as const;
}
