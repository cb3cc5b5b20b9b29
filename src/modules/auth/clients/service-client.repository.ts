import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { OrgScopedRepository, WithId } from '../../../common/tenancy/org-scoped.repository';
import { ServiceClient } from './service-client.schema';

@Injectable()
export class ServiceClientRepository extends OrgScopedRepository<ServiceClient> {
  constructor(@InjectModel(ServiceClient.name) model: Model<ServiceClient>) {
    super(model, 'CLIENT.NOT_FOUND');
  }

  findByClientId(orgId: string, clientId: string): Promise<WithId<ServiceClient> | null> {
    return this.findOne(orgId, { clientId });
  }

  /**
   * The one unscoped read: the token endpoint learns the org from the client it authenticates.
   * Returns the client in any status; callers must check it is active.
   */
  findForAuthentication(clientId: string): Promise<WithId<ServiceClient> | null> {
    return this.model.findOne({ clientId }).lean<WithId<ServiceClient>>().exec();
  }
}
