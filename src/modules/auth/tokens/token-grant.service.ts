import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import { AuditService } from '../../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { SECURITY_EVENT } from '../security-events';
import { LockoutStore } from './lockout.store';
import { IssuedToken, TokenService } from './token.service';

export interface ClientCredentials {
  grantType: string;
  clientId: string;
  clientSecret: string;
}

export interface RequestMeta {
  ip?: string;
  requestId?: string;
}

const invalidClient = () =>
  new DomainError('AUTH.INVALID_CLIENT', 'Client authentication failed.', 'unauthorized');

/** OAuth2 client-credentials grant: lockout check, secret check, token, audit. */
@Injectable()
export class TokenGrantService {
  constructor(
    private readonly clients: ClientsService,
    private readonly lockout: LockoutStore,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
  ) {}

  async exchange(creds: ClientCredentials, meta: RequestMeta): Promise<IssuedToken> {
    if (creds.grantType !== 'client_credentials') {
      throw new DomainError(
        'AUTH.UNSUPPORTED_GRANT_TYPE',
        'Only grant_type=client_credentials is supported.',
        'validation',
      );
    }
    const retryAfter = await this.lockout.lockedFor(creds.clientId);
    if (retryAfter > 0) {
      throw new DomainError(
        'AUTH.CLIENT_LOCKED',
        'Too many failed attempts for this client; retry later.',
        'rate_limited',
        { retryAfterSeconds: retryAfter },
      );
    }
    const result = await this.clients.authenticate(creds.clientId, creds.clientSecret);
    const base = {
      orgId: result.client?.orgId ?? null,
      actor: { sub: creds.clientId, kind: 'client' as const },
      ip: meta.ip ?? null,
      requestId: meta.requestId ?? null,
    };
    if (!result.ok || !result.client) {
      const locked = await this.lockout.recordFailure(creds.clientId);
      await this.audit.record({
        ...base,
        action: SECURITY_EVENT.authFailed,
        details: { reason: result.reason },
      });
      if (locked) await this.audit.record({ ...base, action: SECURITY_EVENT.lockedOut });
      throw invalidClient();
    }
    await this.lockout.reset(creds.clientId);
    const { client } = result;
    const token = await this.tokens.issue(
      { sub: client.clientId, orgId: client.orgId, roles: client.roles, kind: 'client' },
      client.tokenVersion,
    );
    await this.audit.record({
      ...base,
      action: SECURITY_EVENT.tokenIssued,
      details: { roles: client.roles },
    });
    return token;
  }
}
