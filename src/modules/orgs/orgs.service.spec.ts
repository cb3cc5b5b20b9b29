import { Types } from 'mongoose';
import { systemContext } from '../../common/tenancy/org-context';
import type { AuditService } from '../audit/audit.service';
import type { OrgsRepository } from './orgs.repository';
import { OrgsService } from './orgs.service';

function setup() {
  const _id = new Types.ObjectId();
  const mocks = {
    orgs: {
      create: jest.fn(async (name: string) => ({
        _id,
        name,
        status: 'active',
        createdAt: new Date(),
      })),
      findById: jest.fn(async () => null as unknown),
    },
    audit: { record: jest.fn(async () => undefined) },
  };
  const sut = new OrgsService(
    mocks.orgs as unknown as OrgsRepository,
    mocks.audit as unknown as AuditService,
  );
  return { sut, mocks, id: _id.toHexString() };
}

describe(OrgsService.name, () => {
  it('creates a trimmed org and audits it under the new org', async () => {
    const { sut, mocks, id } = setup();
    const org = await sut.create('  Acme  ', 'ops');
    expect(org).toMatchObject({ id, name: 'Acme', status: 'active' });
    expect(mocks.orgs.create).toHaveBeenCalledWith('Acme');
    expect(mocks.audit.record).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'org.created',
        orgId: id,
        actor: { sub: 'ops', kind: 'system' },
      }),
    );
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses the name %p', async (name) => {
    const { sut, mocks } = setup();
    await expect(sut.create(name)).rejects.toMatchObject({
      code: 'ORG.INVALID_NAME',
      kind: 'validation',
    });
    expect(mocks.orgs.create).not.toHaveBeenCalled();
  });

  it('answers a token whose org no longer exists with ORG.NOT_FOUND', async () => {
    const { sut } = setup();
    await expect(sut.current(systemContext('0123456789abcdef01234567'))).rejects.toMatchObject({
      code: 'ORG.NOT_FOUND',
      kind: 'not_found',
    });
  });
});
