import { Types, type Model } from 'mongoose';
import { DomainError } from '../../../libs/common/errors';
import { assertOrgUntouched, OrgScopedRepository } from './org-scoped.repository';

interface Thing {
  orgId: string;
  name: string;
}

class ThingRepository extends OrgScopedRepository<Thing> {
  constructor(model: Model<Thing>) {
    super(model, 'THING.NOT_FOUND');
  }
}

/** A chainable stand-in for a mongoose query that resolves to `result`. */
interface FakeQuery {
  sort: jest.Mock;
  skip: jest.Mock;
  limit: jest.Mock;
  lean: jest.Mock;
  exec: jest.Mock;
}

function query(result: unknown): FakeQuery {
  const q: FakeQuery = {
    sort: jest.fn(() => q),
    skip: jest.fn(() => q),
    limit: jest.fn(() => q),
    lean: jest.fn(() => q),
    exec: jest.fn(async () => result),
  };
  return q;
}

type Args = unknown[];
const returning = (result: unknown) => jest.fn((..._args: Args) => query(result));

function newModel() {
  return {
    create: jest.fn(async (doc: object) => ({
      toObject: () => ({ _id: new Types.ObjectId(), ...doc }),
    })),
    findOne: returning(null),
    find: returning([]),
    countDocuments: returning(0),
    findOneAndUpdate: returning(null),
    updateMany: returning({ matchedCount: 0 }),
    deleteOne: returning({ deletedCount: 0 }),
    deleteMany: returning({ deletedCount: 0 }),
  };
}

describe(OrgScopedRepository.name, () => {
  let mocks: ReturnType<typeof newModel>;
  let sut: ThingRepository;
  const id = new Types.ObjectId().toHexString();

  beforeEach(() => {
    mocks = newModel();
    sut = new ThingRepository(mocks as unknown as Model<Thing>);
  });

  it('stamps the org on inserts, overriding any orgId in the data', async () => {
    const data = { name: 'a', orgId: 'org-b' } as unknown as Omit<Thing, 'orgId'>;
    const saved = await sut.insert('org-a', data);
    expect(mocks.create).toHaveBeenCalledWith({ name: 'a', orgId: 'org-a' });
    expect(saved.orgId).toBe('org-a');
  });

  it('adds the org to every filter, and a caller-supplied orgId cannot replace it', async () => {
    await sut.findOne('org-a', { name: 'x', orgId: 'org-b' });
    await sut.find('org-a', { name: 'x' }, { sort: { name: 1 }, limit: 5 });
    await sut.count('org-a');
    await sut.updateOne('org-a', { name: 'x' }, { $set: { name: 'y' } });
    await sut.updateMany('org-a', {}, { $set: { name: 'y' } });
    await sut.deleteOne('org-a', { name: 'x' });
    await sut.deleteMany('org-a', {});
    const filters = [
      mocks.findOne.mock.calls[0][0],
      mocks.find.mock.calls[0][0],
      mocks.countDocuments.mock.calls[0][0],
      mocks.findOneAndUpdate.mock.calls[0][0],
      mocks.updateMany.mock.calls[0][0],
      mocks.deleteOne.mock.calls[0][0],
      mocks.deleteMany.mock.calls[0][0],
    ] as Record<string, unknown>[];
    for (const filter of filters) expect(filter.orgId).toBe('org-a');
    expect(filters[0]).toEqual({ name: 'x', orgId: 'org-a' });
  });

  it.each([undefined, '', { $ne: null }, 'a b', 'x'.repeat(65)])(
    'refuses to query without a well-formed org id (%p)',
    async (orgId) => {
      await expect(sut.findOne(orgId as string, {})).rejects.toThrow(/valid orgId is required/);
      await expect(sut.insert(orgId as string, { name: 'a' })).rejects.toThrow(/valid orgId/);
      expect(mocks.findOne).not.toHaveBeenCalled();
      expect(mocks.create).not.toHaveBeenCalled();
    },
  );

  it('scopes id lookups and answers malformed ids with null without querying', async () => {
    await sut.findById('org-a', id);
    expect(mocks.findOne).toHaveBeenCalledWith({ _id: id, orgId: 'org-a' });
    mocks.findOne.mockClear();
    expect(await sut.findById('org-a', 'not-an-id')).toBeNull();
    expect(await sut.updateById('org-a', '{"$gt":""}', { name: 'z' })).toBeNull();
    expect(await sut.deleteById('org-a', 'zzz')).toBe(false);
    expect(mocks.findOne).not.toHaveBeenCalled();
    expect(mocks.findOneAndUpdate).not.toHaveBeenCalled();
  });

  it('getById turns a missing (or foreign) document into a not_found DomainError', async () => {
    const err = await sut.getById('org-a', id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'THING.NOT_FOUND', kind: 'not_found' });
  });

  it('returns the updated document from updateOne', async () => {
    mocks.findOneAndUpdate.mockReturnValueOnce(query({ _id: id, orgId: 'org-a', name: 'y' }));
    const updated = await sut.updateById('org-a', id, { $set: { name: 'y' } });
    expect(updated?.name).toBe('y');
    expect(mocks.findOneAndUpdate.mock.calls[0][2]).toMatchObject({ returnDocument: 'after' });
  });

  it('reports deletions', async () => {
    mocks.deleteOne.mockReturnValueOnce(query({ deletedCount: 1 }));
    expect(await sut.deleteById('org-a', id)).toBe(true);
    expect(mocks.deleteOne).toHaveBeenCalledWith({ _id: id, orgId: 'org-a' });
  });
});

describe(assertOrgUntouched.name, () => {
  it.each([
    { orgId: 'org-b' },
    { $set: { orgId: 'org-b' } },
    { $unset: { orgId: 1 } },
    { $rename: { orgId: 'tenant' } },
    { $rename: { name: 'orgId' } },
    [{ $set: { name: 'x' } }],
  ])('rejects %p', (update) => {
    expect(() => assertOrgUntouched(update)).toThrow(/orgId|pipeline/);
  });

  it('accepts updates of other fields', () => {
    expect(() => assertOrgUntouched({ $set: { name: 'x' }, $inc: { n: 1 } })).not.toThrow();
  });
});
