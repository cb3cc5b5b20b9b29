import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC_KEY } from './auth.decorators';
import type { Principal } from './principal';
import { mapTokenFailure } from './token-errors';

/** Infrastructure routes served by controllers we cannot decorate (terminus, prometheus). */
const PUBLIC_PREFIXES = ['/health/', '/metrics'];

export const isInfrastructurePath = (path: string) =>
  PUBLIC_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p));

/** Global guard: every route needs a valid bearer JWT unless it is marked `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.isPublic(context)) return true;
    return super.canActivate(context);
  }

  isPublic(context: ExecutionContext): boolean {
    const marked = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (marked) return true;
    return isInfrastructurePath(context.switchToHttp().getRequest<Request>().path);
  }

  // passport calls this with (error, principal | false, info) once verification finishes.
  override handleRequest<T = Principal>(err: unknown, user: T | false, info: unknown): T {
    if (err || !user) throw mapTokenFailure(err ?? info);
    return user;
  }
}
