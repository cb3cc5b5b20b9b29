import { Model, ProjectionType, QueryFilter, SortOrder, Types, UpdateQuery } from 'mongoose';
import { DomainError } from '../../../libs/common/errors';
import { isObjectIdString } from '../../infra/mongo/find-in-org';

/** A stored document as repositories return it (lean, with its id). */
export type WithId<T, Id = Types.ObjectId> = T & { _id: Id };

export interface FindOptions {
  sort?: Record<string, SortOrder>;
  skip?: number;
  limit?: number;
  projection?: ProjectionType<unknown>;
}

const ORG_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Refuses to build a query without a well-formed org id (a bug, not a client error). */
export function assertOrgId(orgId: unknown): asserts orgId is string {
  if (typeof orgId !== 'string' || !ORG_ID.test(orgId)) {
    throw new Error(`OrgScopedRepository: a valid orgId is required (got ${typeof orgId})`);
  }
}

/** Updates may never move a document to another org, directly or through an operator. */
export function assertOrgUntouched(update: unknown): void {
  if (Array.isArray(update))
    throw new Error('OrgScopedRepository: pipeline updates are not supported');
  for (const [key, value] of Object.entries((update ?? {}) as Record<string, unknown>)) {
    const ops = value !== null && typeof value === 'object' ? (value as object) : {};
    const touches =
      key === 'orgId' ||
      (key.startsWith('$') && 'orgId' in ops) ||
      (key === '$rename' && Object.values(ops).includes('orgId'));
    if (touches) throw new Error('OrgScopedRepository: an update may not change orgId');
  }
}

/**
 * Base for every tenant-owned collection. Each method takes the org id first and adds it to
 * every filter, update and insert, so a query cannot run unscoped and another org's document
 * is simply not found. Subclasses add typed, intention-revealing queries on top of these.
 * Request input must reach filters only as values: sanitizeFilter is on globally, and
 * server-built operators use `trusted()` (src/infra/mongo/trusted.ts).
 */
export abstract class OrgScopedRepository<T extends { orgId: string }> {
  protected constructor(
    protected readonly model: Model<T>,
    /** Stable code thrown by `getById`, e.g. `JOB.NOT_FOUND`. */
    private readonly notFoundCode: string,
  ) {}

  /** Whether `id` can name a document; override for non-ObjectId keys. */
  protected isValidId(id: string): boolean {
    return isObjectIdString(id);
  }

  protected scope(orgId: string, filter: QueryFilter<T> = {}): QueryFilter<T> {
    assertOrgId(orgId);
    // orgId last, so a caller-supplied orgId can never widen or redirect the scope.
    return { ...filter, orgId } as QueryFilter<T>;
  }

  async insert(orgId: string, data: Omit<T, 'orgId'>): Promise<WithId<T>> {
    assertOrgId(orgId);
    const doc = await this.model.create({ ...data, orgId } as unknown as T);
    return doc.toObject() as WithId<T>;
  }

  async findById(orgId: string, id: string): Promise<WithId<T> | null> {
    if (!this.isValidId(id)) return null;
    return this.findOne(orgId, { _id: id } as QueryFilter<T>);
  }

  /** Like findById, but another org's (or a missing) document is a not_found DomainError. */
  async getById(orgId: string, id: string): Promise<WithId<T>> {
    const found = await this.findById(orgId, id);
    if (!found)
      throw new DomainError(this.notFoundCode, 'The resource was not found.', 'not_found');
    return found;
  }

  async findOne(orgId: string, filter: QueryFilter<T>): Promise<WithId<T> | null> {
    return this.model.findOne(this.scope(orgId, filter)).lean<WithId<T>>().exec();
  }

  async find(
    orgId: string,
    filter: QueryFilter<T> = {},
    options: FindOptions = {},
  ): Promise<WithId<T>[]> {
    const query = this.model.find(this.scope(orgId, filter), options.projection ?? undefined);
    if (options.sort) query.sort(options.sort);
    if (options.skip) query.skip(options.skip);
    if (options.limit) query.limit(options.limit);
    return query.lean<WithId<T>[]>().exec();
  }

  async count(orgId: string, filter: QueryFilter<T> = {}): Promise<number> {
    return this.model.countDocuments(this.scope(orgId, filter)).exec();
  }

  /** Applies `update` to one matching document and returns it as it is now, or null. */
  async updateOne(
    orgId: string,
    filter: QueryFilter<T>,
    update: UpdateQuery<T>,
  ): Promise<WithId<T> | null> {
    assertOrgUntouched(update);
    return this.model
      .findOneAndUpdate(this.scope(orgId, filter), update, {
        returnDocument: 'after',
        runValidators: true,
      })
      .lean<WithId<T>>()
      .exec();
  }

  async updateById(orgId: string, id: string, update: UpdateQuery<T>): Promise<WithId<T> | null> {
    if (!this.isValidId(id)) return null;
    return this.updateOne(orgId, { _id: id } as QueryFilter<T>, update);
  }

  /** Returns how many documents matched. */
  async updateMany(orgId: string, filter: QueryFilter<T>, update: UpdateQuery<T>): Promise<number> {
    assertOrgUntouched(update);
    const res = await this.model
      .updateMany(this.scope(orgId, filter), update, { runValidators: true })
      .exec();
    return res.matchedCount;
  }

  async deleteOne(orgId: string, filter: QueryFilter<T>): Promise<boolean> {
    const res = await this.model.deleteOne(this.scope(orgId, filter)).exec();
    return res.deletedCount === 1;
  }

  async deleteById(orgId: string, id: string): Promise<boolean> {
    if (!this.isValidId(id)) return false;
    return this.deleteOne(orgId, { _id: id } as QueryFilter<T>);
  }

  async deleteMany(orgId: string, filter: QueryFilter<T>): Promise<number> {
    const res = await this.model.deleteMany(this.scope(orgId, filter)).exec();
    return res.deletedCount;
  }
}
