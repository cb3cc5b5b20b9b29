import { Logger } from '@nestjs/common';
import mongoose, { Connection, Model, Schema } from 'mongoose';
import { AppConfig, loadConfig } from '../../config/app-config';
import { AuditEvent, AuditEventSchema } from '../audit/audit-event.schema';
import { AuditService } from '../audit/audit.service';
import { Organization, OrganizationSchema } from '../orgs/organization.schema';
import { OrgsRepository } from '../orgs/orgs.repository';
import { OrgsService } from '../orgs/orgs.service';
import { ClientsService } from './clients/clients.service';
import { ServiceClientRepository } from './clients/service-client.repository';
import { ServiceClient, ServiceClientSchema } from './clients/service-client.schema';
import { KeyRingService } from './keys/key-ring.service';
import { SigningKeyRepository } from './keys/signing-key.repository';
import { SigningKey, SigningKeySchema } from './keys/signing-key.schema';
import type { TokenVersionStore } from './tokens/token-versions.store';

export interface IdentityCliServices {
  orgs: OrgsService;
  clients: ClientsService;
  keys: KeyRingService;
  close(): Promise<void>;
}

// The CLI never revokes, so it needs no Redis; using this would be a bug.
const noVersions = {
  raise: () => Promise.reject(new Error('token revocation is not available in the CLI')),
  minimum: async () => null,
} as unknown as TokenVersionStore;

/**
 * The identity services over a plain Mongoose connection, for operator tooling: no Nest
 * container, no Redis. Reads the same environment as the server (MONGO_URI and friends).
 */
export async function openIdentityServices(
  env: NodeJS.ProcessEnv = process.env,
): Promise<IdentityCliServices> {
  // Nest's logger writes to stdout, which must carry only the command's (JSON) output.
  Logger.overrideLogger(['error']);
  // REDIS_URL is required by the shared schema but unused here.
  const config: AppConfig = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', ...env });
  // Same guards as the server (src/infra/mongo/mongo.module.ts).
  mongoose.set('strictQuery', 'throw');
  mongoose.set('sanitizeFilter', true);
  const conn: Connection = await mongoose
    .createConnection(config.MONGO_URI, { serverSelectionTimeoutMS: 5000 })
    .asPromise();
  const model = <T>(name: string, schema: Schema) =>
    conn.model(name, schema) as unknown as Model<T>;
  const audit = new AuditService(model<AuditEvent>(AuditEvent.name, AuditEventSchema));
  const orgs = new OrgsService(
    new OrgsRepository(model<Organization>(Organization.name, OrganizationSchema)),
    audit,
  );
  const clientModel = model<ServiceClient>(ServiceClient.name, ServiceClientSchema);
  await clientModel.init(); // the unique clientId index must exist before the first insert
  const clients = new ClientsService(new ServiceClientRepository(clientModel), audit, noVersions);
  const keys = new KeyRingService(
    new SigningKeyRepository(model<SigningKey>(SigningKey.name, SigningKeySchema)),
    config,
  );
  return { orgs, clients, keys, close: () => conn.close() };
}
