import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import type { WithId } from '../../common/tenancy/org-scoped.repository';
import { Organization } from './organization.schema';

/** Organizations are the tenants themselves, so this is the one repository without org scope. */
@Injectable()
export class OrgsRepository {
  constructor(@InjectModel(Organization.name) private readonly model: Model<Organization>) {}

  async create(name: string): Promise<WithId<Organization>> {
    const doc = await this.model.create({ name, status: 'active' });
    return doc.toObject() as WithId<Organization>;
  }

  async findById(orgId: string): Promise<WithId<Organization> | null> {
    if (!Types.ObjectId.isValid(orgId) || String(new Types.ObjectId(orgId)) !== orgId) return null;
    return this.model.findById(orgId).lean<WithId<Organization>>().exec();
  }
}
