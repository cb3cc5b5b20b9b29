import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { type Connection, ConnectionStates } from 'mongoose';
import type { Role } from '../../src/common/security/roles';
import { systemContext } from '../../src/common/tenancy/org-context';
import { ClientsService } from '../../src/modules/auth/clients/clients.service';
import { TokenService } from '../../src/modules/auth/tokens/token.service';
import { OrgsService } from '../../src/modules/orgs/orgs.service';

export interface TestTenant {
  orgId: string;
  /** A real RS256 access token for `clientId`, valid on every app sharing the test Mongo. */
  token: string;
  clientId: string;
  clientSecret: string;
  /** `{ Authorization: 'Bearer …' }`, for `request(...).set(tenant.headers)`. */
  headers: { Authorization: string };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

let counter = 0;

/** Mongo connects lazily (and commands do not buffer), so wait for it before seeding. */
export async function waitForMongo(app: INestApplication, timeoutMs = 15_000): Promise<void> {
  const connection = app.get<Connection>(getConnectionToken(), { strict: false });
  const deadline = Date.now() + timeoutMs;
  while (connection.readyState !== ConnectionStates.connected) {
    if (Date.now() > deadline) throw new Error('Mongo did not connect in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A fresh org with one service client holding `roles`, and a token for it, without going
 * through /auth/token (so suites never spend the per-IP token rate limit).
 */
export async function createOrgWithToken(
  app: INestApplication,
  roles: Role[] = ['recruiter'],
  name = `test-org-${process.pid}-${++counter}`,
): Promise<TestTenant> {
  await waitForMongo(app);
  const org = await app.get(OrgsService, { strict: false }).create(name, 'test');
  const client = await app
    .get(ClientsService, { strict: false })
    .create(systemContext(org.id, 'test'), { name: `client for ${roles.join('+')}`, roles });
  const token = await tokenFor(app, org.id, roles, { sub: client.clientId });
  return {
    orgId: org.id,
    token,
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    headers: bearer(token),
  };
}

/** Another token in an existing org (e.g. a second role); the subject need not exist. */
export async function tokenFor(
  app: INestApplication,
  orgId: string,
  roles: Role[],
  opts: { sub?: string; kind?: 'client' | 'user' } = {},
): Promise<string> {
  await waitForMongo(app);
  const issued = await app.get(TokenService, { strict: false }).issue({
    sub: opts.sub ?? `test-${roles.join('+')}-${++counter}`,
    orgId,
    roles,
    kind: opts.kind ?? 'client',
  });
  return issued.access_token;
}
