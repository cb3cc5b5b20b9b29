import { Types } from 'mongoose';
import { systemContext } from '../../../common/tenancy/org-context';
import type { AuditService } from '../../audit/audit.service';
import type { TokenVersionStore } from '../tokens/token-versions.store';
import { ClientsService } from './clients.service';
import { hashSecret } from './secret-hasher';
import type { ServiceClientRepository } from './service-client.repository';

const ctx = systemContext('org-a', 'tester');

function stored(extra: object = {}) {
  return {
    _id: new Types.ObjectId(),
    orgId: 'org-a',
    clientId: 'cli_1',
    name: 'portal',
    roles: ['recruiter'],
    status: 'active',
    tokenVersion: 1,
    revokedAt: null,
    createdAt: new Date(),
    secretHash: '',
    ...extra,
  };
}

function setup() {
  const mocks = {
    repo: {
      insert: jest.fn(async (_org: string, data: object) => stored(data)),
      find: jest.fn(async () => [stored()]),
      findByClientId: jest.fn(async () => stored()),
      findForAuthentication: jest.fn(),
      updateOne: jest.fn(),
    },
    audit: { record: jest.fn(async (_event: Record<string, unknown>) => undefined) },
    versions: { raise: jest.fn(async () => undefined) },
  };
  const sut = new ClientsService(
    mocks.repo as unknown as ServiceClientRepository,
    mocks.audit as unknown as AuditService,
    mocks.versions as unknown as TokenVersionStore,
  );
  return { sut, mocks };
}

describe(ClientsService.name, () => {
  it('creates a client with a hashed secret, returns the secret once and audits it', async () => {
    const { sut, mocks } = setup();
    const created = await sut.create(ctx, { name: 'portal', roles: ['service'] });
    expect(created.clientSecret).toMatch(/^[\w-]{43}$/);
    const saved = mocks.repo.insert.mock.calls[0][1] as { secretHash: string; clientId: string };
    expect(mocks.repo.insert.mock.calls[0][0]).toBe('org-a');
    expect(saved.secretHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(saved)).not.toContain(created.clientSecret);
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'client.created',
        orgId: 'org-a',
        actor: { sub: 'tester', kind: 'system' },
      }),
    );
  });

  it('a role change bumps the token version, publishes it and audits from/to', async () => {
    const { sut, mocks } = setup();
    mocks.repo.updateOne.mockResolvedValue(stored({ roles: ['auditor'], tokenVersion: 2 }));
    await sut.update(ctx, 'cli_1', { roles: ['auditor'] });
    expect(mocks.repo.updateOne).toHaveBeenCalledWith(
      'org-a',
      { clientId: 'cli_1' },
      { $set: { roles: ['auditor'] }, $inc: { tokenVersion: 1 } },
    );
    expect(mocks.versions.raise).toHaveBeenCalledWith('cli_1', 2);
    expect(mocks.audit.record.mock.calls[0][0]).toMatchObject({
      action: 'client.roles_changed',
      details: { from: ['recruiter'], to: ['auditor'] },
    });
  });

  it('a rename (or the same roles) revokes nothing', async () => {
    const { sut, mocks } = setup();
    mocks.repo.updateOne.mockResolvedValue(stored({ name: 'renamed' }));
    await sut.update(ctx, 'cli_1', { name: 'renamed', roles: ['recruiter'] });
    expect(mocks.repo.updateOne.mock.calls[0][2]).toEqual({ $set: { name: 'renamed' } });
    expect(mocks.versions.raise).not.toHaveBeenCalled();
  });

  it('answers a client of another org (not found by the scoped repository) with CLIENT.NOT_FOUND', async () => {
    const { sut, mocks } = setup();
    mocks.repo.findByClientId.mockResolvedValue(null as never);
    await expect(sut.revoke(ctx, 'cli_other')).rejects.toMatchObject({
      code: 'CLIENT.NOT_FOUND',
      kind: 'not_found',
    });
    expect(mocks.repo.updateOne).not.toHaveBeenCalled();
  });

  it('revocation is idempotent', async () => {
    const { sut, mocks } = setup();
    mocks.repo.findByClientId.mockResolvedValue(stored({ status: 'revoked' }) as never);
    await sut.revoke(ctx, 'cli_1');
    expect(mocks.repo.updateOne).not.toHaveBeenCalled();
    expect(mocks.audit.record).not.toHaveBeenCalled();
  });

  it('authenticates only an active client with the right secret', async () => {
    const { sut, mocks } = setup();
    const secretHash = await hashSecret('right');
    mocks.repo.findForAuthentication.mockResolvedValueOnce(stored({ secretHash }));
    expect(await sut.authenticate('cli_1', 'right')).toMatchObject({ ok: true });
    mocks.repo.findForAuthentication.mockResolvedValueOnce(stored({ secretHash }));
    expect(await sut.authenticate('cli_1', 'wrong')).toMatchObject({
      ok: false,
      reason: 'bad_secret',
    });
    mocks.repo.findForAuthentication.mockResolvedValueOnce(
      stored({ secretHash, status: 'revoked' }),
    );
    expect(await sut.authenticate('cli_1', 'right')).toMatchObject({
      ok: false,
      reason: 'revoked',
    });
    mocks.repo.findForAuthentication.mockResolvedValueOnce(null);
    expect(await sut.authenticate('cli_x', 'right')).toEqual({
      ok: false,
      client: null,
      reason: 'unknown_client',
    });
  });
});
