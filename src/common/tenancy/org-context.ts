import type { PrincipalKind } from '../security/principal';
import type { Role } from '../security/roles';

export type ActorKind = PrincipalKind | 'system';

/**
 * What a service needs to act inside one org: the tenant, who acts (for audit) and where the
 * request came from. Controllers get it from `@CurrentOrg()`; the CLI uses `systemContext`.
 */
export interface OrgContext {
  readonly orgId: string;
  readonly actor: { readonly sub: string; readonly kind: ActorKind };
  readonly roles: readonly Role[];
  readonly requestId?: string;
  readonly ip?: string;
}

/** A context for trusted operator tooling (CLI, migrations) acting on one org. */
export function systemContext(orgId: string, sub = 'cli'): OrgContext {
  return { orgId, actor: { sub, kind: 'system' }, roles: ['admin'] };
}
