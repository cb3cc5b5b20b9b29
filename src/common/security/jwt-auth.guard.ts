import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { Principal } from './principal';
import { mapTokenFailure } from './token-errors';

/** Infrastructure routes served by controllers we cannot decorate (terminus, prometheus). */
export const isInfrastructurePath = (path: string) =>
  path === '/metrics' || path.startsWith('/health/');

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
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    // A route that declares roles is never opened by its path.
    if (this.reflector.getAllAndOverride<unknown>(ROLES_KEY, targets)) return false;
    return isInfrastructurePath(context.switchToHttp().getRequest<Request>().path);
  }

  // passport calls this with (error, principal | false, info) once verification finishes.
  override handleRequest<T = Principal>(err: unknown, user: T | false, info: unknown): T {
    if (err || !user) throw mapTokenFailure(err ?? info);
    return user;
  }
}
