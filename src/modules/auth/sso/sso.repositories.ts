import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import {
  assertOrgUntouched,
  OrgScopedRepository,
  WithId,
} from '../../../common/tenancy/org-scoped.repository';
import { SsoConfig } from './sso-config.schema';
import { SsoUser } from './sso-user.schema';

export type SsoConfigFields = Omit<SsoConfig, 'orgId' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class SsoConfigRepository extends OrgScopedRepository<SsoConfig> {
  constructor(@InjectModel(SsoConfig.name) model: Model<SsoConfig>) {
    super(model, 'SSO.NOT_CONFIGURED');
  }

  forOrg(orgId: string): Promise<WithId<SsoConfig> | null> {
    return this.findOne(orgId, {});
  }

  /** One config per org: creates or replaces it. */
  async save(orgId: string, fields: SsoConfigFields): Promise<WithId<SsoConfig>> {
    const update = { $set: fields };
    assertOrgUntouched(update);
    return this.model
      .findOneAndUpdate(this.scope(orgId), update, {
        upsert: true,
        returnDocument: 'after',
        runValidators: true,
      })
      .lean<WithId<SsoConfig>>()
      .orFail()
      .exec();
  }
}

export interface SsoLogin {
  issuer: string;
  subject: string;
  email: string;
  roles: SsoUser['roles'];
}

@Injectable()
export class SsoUserRepository extends OrgScopedRepository<SsoUser> {
  constructor(@InjectModel(SsoUser.name) model: Model<SsoUser>) {
    super(model, 'USER.NOT_FOUND');
  }

  /** Records a login, creating the user on first sign-in (keyed by issuer and subject). */
  async recordLogin(orgId: string, login: SsoLogin): Promise<WithId<SsoUser>> {
    const update = { $set: { email: login.email, roles: login.roles, lastLoginAt: new Date() } };
    return this.model
      .findOneAndUpdate(
        this.scope(orgId, { issuer: login.issuer, subject: login.subject }),
        update,
        {
          upsert: true,
          returnDocument: 'after',
          runValidators: true,
        },
      )
      .lean<WithId<SsoUser>>()
      .orFail()
      .exec();
  }
}
