import { DomainError } from '../../../../libs/common/errors';
import type { UserRole } from '../../../common/security/roles';
import type { RoleMapping } from './sso-config.schema';

export interface SsoPolicy {
  allowedDomains: string[];
  groupsClaim: string;
  roleMappings: RoleMapping[];
}

export interface SsoIdentity {
  subject: string;
  email: string;
  roles: UserRole[];
}

export const ssoDenied = (code: string, message: string) =>
  new DomainError(code, message, 'forbidden');

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const raw = claims[claim];
  if (typeof raw === 'string') return [raw];
  return Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * Who may sign in and with which roles: a verified e-mail in an allowed domain, and at least
 * one IdP group mapped to a role. Everything else is refused with a stable code.
 */
export function resolveIdentity(claims: Record<string, unknown>, policy: SsoPolicy): SsoIdentity {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const at = email.lastIndexOf('@');
  if (at < 1) throw ssoDenied('SSO.EMAIL_MISSING', 'The identity provider sent no e-mail address.');
  if (claims.email_verified === false) {
    throw ssoDenied(
      'SSO.EMAIL_UNVERIFIED',
      'The e-mail address is not verified at the identity provider.',
    );
  }
  if (!policy.allowedDomains.includes(email.slice(at + 1))) {
    throw ssoDenied(
      'SSO.DOMAIN_NOT_ALLOWED',
      'This e-mail domain may not sign in to this organization.',
    );
  }
  const groups = new Set(groupsOf(claims, policy.groupsClaim));
  const roles = new Set<UserRole>();
  for (const mapping of policy.roleMappings) {
    if (groups.has(mapping.group)) mapping.roles.forEach((r) => roles.add(r));
  }
  if (roles.size === 0) throw ssoDenied('SSO.NO_ROLE', 'None of your groups grants a role here.');
  return { subject: String(claims.sub), email, roles: [...roles].sort() };
}
