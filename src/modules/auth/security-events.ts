/** Audit `action` names for security events (collection `auditEvents`). */
export const SECURITY_EVENT = {
  tokenIssued: 'auth.token_issued',
  authFailed: 'auth.failed',
  lockedOut: 'auth.locked_out',
  clientCreated: 'client.created',
  clientRevoked: 'client.revoked',
  clientRolesChanged: 'client.roles_changed',
  ssoConfigured: 'sso.config_changed',
  ssoLogin: 'sso.login',
  ssoFailed: 'sso.failed',
  keyRotated: 'auth.key_rotated',
} as const;
