import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError } from '../../../libs/common/errors';

/**
 * Any `rate_limited` DomainError carrying `details.retryAfterSeconds` (e.g. a locked-out
 * client) answers with a matching `Retry-After` header. Guards set the header themselves.
 */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        const seconds = err instanceof DomainError ? err.details?.retryAfterSeconds : undefined;
        if (
          err instanceof DomainError &&
          err.kind === 'rate_limited' &&
          typeof seconds === 'number'
        ) {
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
        }
        return throwError(() => err);
      }),
    );
  }
}
