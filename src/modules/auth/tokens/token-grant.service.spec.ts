import { DomainError } from '../../../../libs/common/errors';
import type { AuditService } from '../../audit/audit.service';
import type { ClientsService } from '../clients/clients.service';
import type { LockoutStore } from './lockout.store';
import { TokenGrantService } from './token-grant.service';
import type { TokenService } from './token.service';

const client = {
  clientId: 'cli_1',
  orgId: 'org-1',
  roles: ['recruiter'],
  tokenVersion: 3,
} as unknown as NonNullable<Awaited<ReturnType<ClientsService['authenticate']>>['client']>;

function setup() {
  const mocks = {
    clients: { authenticate: jest.fn() },
    lockout: {
      lockedFor: jest.fn(async () => 0),
      recordFailure: jest.fn(async () => false),
      reset: jest.fn(async () => undefined),
    },
    tokens: {
      issue: jest.fn(async () => ({ access_token: 't', token_type: 'Bearer', expires_in: 900 })),
    },
    audit: { record: jest.fn(async (_event: Record<string, unknown>) => undefined) },
  };
  const sut = new TokenGrantService(
    mocks.clients as unknown as ClientsService,
    mocks.lockout as unknown as LockoutStore,
    mocks.tokens as unknown as TokenService,
    mocks.audit as unknown as AuditService,
  );
  return { sut, mocks };
}

const creds = { grantType: 'client_credentials', clientId: 'cli_1', clientSecret: 's' };
const meta = { ip: '10.0.0.1', requestId: 'r1' };
const actions = (audit: { record: jest.Mock }) => audit.record.mock.calls.map((c) => c[0].action);

describe(TokenGrantService.name, () => {
  it('issues a token carrying the client’s org, roles and token version, and audits it', async () => {
    const { sut, mocks } = setup();
    mocks.clients.authenticate.mockResolvedValue({ ok: true, client });
    await expect(sut.exchange(creds, meta)).resolves.toMatchObject({ access_token: 't' });
    expect(mocks.tokens.issue).toHaveBeenCalledWith(
      { sub: 'cli_1', orgId: 'org-1', roles: ['recruiter'], kind: 'client' },
      3,
    );
    expect(mocks.lockout.reset).toHaveBeenCalledWith('cli_1');
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'auth.token_issued',
        orgId: 'org-1',
        ip: '10.0.0.1',
        requestId: 'r1',
      }),
    );
  });

  it('refuses a locked client without checking its secret', async () => {
    const { sut, mocks } = setup();
    mocks.lockout.lockedFor.mockResolvedValue(42);
    const err = await sut.exchange(creds, meta).catch((e: DomainError) => e);
    expect(err).toMatchObject({
      code: 'AUTH.CLIENT_LOCKED',
      kind: 'rate_limited',
      details: { retryAfterSeconds: 42 },
    });
    expect(mocks.clients.authenticate).not.toHaveBeenCalled();
    expect(mocks.tokens.issue).not.toHaveBeenCalled();
  });

  it.each(['bad_secret', 'unknown_client', 'revoked'] as const)(
    'answers %s with the same 401, counts the failure and audits it',
    async (reason) => {
      const { sut, mocks } = setup();
      mocks.clients.authenticate.mockResolvedValue({
        ok: false,
        client: reason === 'unknown_client' ? null : client,
        reason,
      });
      const err = await sut.exchange(creds, meta).catch((e: DomainError) => e);
      expect(err).toMatchObject({ code: 'AUTH.INVALID_CLIENT', kind: 'unauthorized' });
      expect(mocks.lockout.recordFailure).toHaveBeenCalledWith('cli_1');
      expect(actions(mocks.audit)).toEqual(['auth.failed']);
      expect(mocks.audit.record.mock.calls[0][0].details).toEqual({ reason });
      expect(mocks.tokens.issue).not.toHaveBeenCalled();
    },
  );

  it('audits the failure that triggers a lockout', async () => {
    const { sut, mocks } = setup();
    mocks.clients.authenticate.mockResolvedValue({ ok: false, client, reason: 'bad_secret' });
    mocks.lockout.recordFailure.mockResolvedValue(true);
    await expect(sut.exchange(creds, meta)).rejects.toThrow(DomainError);
    expect(actions(mocks.audit)).toEqual(['auth.failed', 'auth.locked_out']);
  });

  it('refuses other grant types before touching anything', async () => {
    const { sut, mocks } = setup();
    await expect(sut.exchange({ ...creds, grantType: 'password' }, meta)).rejects.toMatchObject({
      code: 'AUTH.UNSUPPORTED_GRANT_TYPE',
    });
    expect(mocks.lockout.lockedFor).not.toHaveBeenCalled();
  });
});
