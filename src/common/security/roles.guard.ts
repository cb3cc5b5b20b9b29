import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../libs/common/errors';
import { ROLES_KEY } from './auth.decorators';
import { JwtAuthGuard } from './jwt-auth.guard';
import type { AuthedRequest } from './principal';
import type { Role } from './roles';

/** Global guard after JwtAuthGuard: enforces `@Roles(...)` / `@Access(...)`; fails closed. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly logger = new Logger(RolesGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwtGuard: JwtAuthGuard,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.jwtGuard.isPublic(context)) return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const where = `${context.getClass().name}.${context.getHandler().name}`;
    if (!required) {
      this.logger.error(`${where} has neither @Public() nor @Roles(): refusing every caller`);
      throw new DomainError(
        'AUTH.NO_ROLE_POLICY',
        'This route declares no role policy, so it is closed.',
        'forbidden',
      );
    }
    const principal = context.switchToHttp().getRequest<AuthedRequest>().user;
    if (principal?.roles.some((r) => required.includes(r))) return true;
    throw new DomainError(
      'AUTH.FORBIDDEN_ROLE',
      'Your role does not allow this action.',
      'forbidden',
      {
        requiredRoles: required,
      },
    );
  }
}
