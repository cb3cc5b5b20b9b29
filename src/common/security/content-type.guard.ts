import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../../libs/common/errors';

const ACCEPTS_KEY = 'http:acceptsContentTypes';
const DEFAULT_TYPES = ['application/json'];
// Metadata key of @nestjs/swagger's @ApiConsumes (SWAGGER_CONSUMES_KEY; not exported).
const SWAGGER_CONSUMES_KEY = 'swagger/apiConsumes';

/**
 * Media types a route accepts for its request body, e.g. `@AcceptContentTypes('text/csv')`.
 * Without it the route's swagger `@ApiConsumes(...)` list is enforced, so the documented types
 * are the accepted ones; with neither, application/json only.
 */
export const AcceptContentTypes = (...types: string[]) =>
  SetMetadata(
    ACCEPTS_KEY,
    types.map((t) => t.toLowerCase()),
  );

const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

export const mediaTypeOf = (header: string | undefined) =>
  (header ?? '').split(';')[0].trim().toLowerCase();

/** Global guard: a request body in a type the route does not accept is refused with 415. */
@Injectable()
export class ContentTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (!hasBody(req)) return true;
    const targets = [context.getHandler(), context.getClass()];
    const accepted =
      this.reflector.getAllAndOverride<string[]>(ACCEPTS_KEY, targets) ??
      this.reflector
        .getAllAndOverride<string[]>(SWAGGER_CONSUMES_KEY, targets)
        ?.map((t) => t.toLowerCase()) ??
      DEFAULT_TYPES;
    if (accepted.includes(mediaTypeOf(req.headers['content-type']))) return true;
    throw new DomainError(
      'COMMON.UNSUPPORTED_MEDIA_TYPE',
      `This endpoint accepts ${accepted.join(' or ')} bodies.`,
      'unsupported_media',
      { accepted },
    );
  }
}
