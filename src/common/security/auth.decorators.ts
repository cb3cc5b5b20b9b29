import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { DomainError } from '../../../libs/common/errors';
import type { OrgContext } from '../tenancy/org-context';
import type { AuthedRequest, Principal } from './principal';
import { ENDPOINT_ACCESS, EndpointClass, Role } from './roles';

export const IS_PUBLIC_KEY = 'auth:isPublic';
export const ROLES_KEY = 'auth:roles';

/** The route needs no token (health, JWKS, token and SSO endpoints). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Only principals holding at least one of `roles` may call the route; others get 403.
 * A non-public route without any roles policy is refused (fail closed).
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or revoked token' }),
    ApiForbiddenResponse({ description: `Requires one of: ${roles.join(', ')}` }),
  );

/** `@Roles` for one class of the role matrix (src/common/security/roles.ts). */
export const Access = (endpointClass: EndpointClass) => Roles(...ENDPOINT_ACCESS[endpointClass]);

function principalOf(ctx: ExecutionContext): Principal {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.user) {
    // Only reachable when a @Public route asks for the principal: a programming error.
    throw new DomainError('AUTH.UNAUTHORIZED', 'Authentication required.', 'unauthorized');
  }
  return req.user;
}

/** The verified caller: `{ sub, orgId, roles, kind }`. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  principalOf(ctx),
);

/** The caller's org context (tenant from the token, actor, request id and client IP). */
export const CurrentOrg = createParamDecorator((_: unknown, ctx: ExecutionContext): OrgContext => {
  const p = principalOf(ctx);
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  return {
    orgId: p.orgId,
    actor: { sub: p.sub, kind: p.kind },
    roles: p.roles,
    requestId: req.id,
    ip: req.ip,
  };
});
