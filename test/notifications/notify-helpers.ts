import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { UserRole } from '../../src/common/security/roles';
import { SsoUser } from '../../src/modules/auth/sso/sso-user.schema';
import { createOrgWithToken, tokenFor } from '../helpers/auth';
import { eventually } from '../helpers/local-services';
import { createJob } from '../intake/intake-helpers';

/** Retries in milliseconds instead of minutes; loopback receivers allowed (test-only switch). */
export const FAST_WEBHOOKS = {
  WEBHOOKS_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_BASE_MS: '200',
  WEBHOOK_RETRY_MAX_DELAY_MS: '1000',
  WEBHOOK_TIMEOUT_MS: '3000',
  WEBHOOK_DISABLE_AFTER_FAILURES: '5',
  WEBHOOK_DISABLE_AFTER_SECONDS: '0',
  NOTIFY_PUBLIC_BASE_URL: 'https://screener.example.com',
};

export interface Tenant {
  orgId: string;
  /** org.admin: manages webhooks. */
  admin: string;
  /** jobs.write: creates and closes jobs (the events' producer). */
  recruiter: string;
}

export async function tenant(api: INestApplication): Promise<Tenant> {
  const { orgId, token } = await createOrgWithToken(api, ['admin']);
  return { orgId, admin: token, recruiter: await tokenFor(api, orgId, ['recruiter']) };
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function createWebhook(
  api: INestApplication,
  token: string,
  url: string,
  events: string[] = ['job.closed'],
) {
  const res = await request(api.getHttpServer())
    .post('/webhooks')
    .set(auth(token))
    .send({ url, events });
  if (res.status !== 201)
    throw new Error(`webhook create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; secret: string; url: string; status: string };
}

/** Creates a job and closes it: the API's JobsService publishes `job.closed`. */
export async function closeJob(api: INestApplication, token: string): Promise<string> {
  const { id } = await createJob(api, token);
  const res = await request(api.getHttpServer()).post(`/jobs/${id}/close`).set(auth(token));
  if (res.status !== 200) throw new Error(`job close failed: ${res.status}`);
  return id;
}

export interface DeliveryBody {
  id: string;
  status: string;
  webhookId: string;
  attemptCount: number;
  attempts: {
    n: number;
    statusCode?: number;
    latencyMs: number;
    error?: string;
    errorCode?: string;
  }[];
  replayOf?: string;
  deadReason?: string;
  payload: Record<string, unknown>;
}

export async function deliveries(
  api: INestApplication,
  token: string,
  endpointId: string,
): Promise<DeliveryBody[]> {
  const res = await request(api.getHttpServer())
    .get(`/webhooks/${endpointId}/deliveries`)
    .set(auth(token));
  if (res.status !== 200) throw new Error(`delivery log failed: ${res.status}`);
  return res.body.items as DeliveryBody[];
}

export async function endpoint(api: INestApplication, token: string, id: string) {
  return (await request(api.getHttpServer()).get(`/webhooks/${id}`).set(auth(token))).body as {
    status: string;
    disabledReason?: string;
    consecutiveFailures: number;
  };
}

/** Waits until the endpoint's deliveries satisfy `done`, and returns them. */
export async function waitForDeliveries(
  api: INestApplication,
  token: string,
  endpointId: string,
  done: (items: DeliveryBody[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<DeliveryBody[]> {
  let items: DeliveryBody[] = [];
  await eventually(
    async () => done((items = await deliveries(api, token, endpointId))),
    what,
    timeoutMs,
  );
  return items;
}

/** An SSO user as the identity module stores it; its id is the `sub` of its tokens. */
export async function seedUser(
  app: INestApplication,
  orgId: string,
  email: string,
  roles: UserRole[],
): Promise<string> {
  const users = app.get<Model<SsoUser>>(getModelToken(SsoUser.name), { strict: false });
  const doc = await users.create({
    orgId,
    issuer: 'https://idp.example.com',
    subject: email,
    email,
    roles,
    lastLoginAt: new Date(),
  });
  return String(doc._id);
}

/** The receiver-side verification example from the README's webhook section, evaluated as published. */
export function docsVerifyExample(): (
  rawBody: string,
  header: string,
  secret: string,
  toleranceSec?: number,
) => boolean {
  const md = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const code = /<!-- verify-example -->\s*```js\n([\s\S]*?)```/.exec(md)?.[1];
  if (!code) throw new Error('README.md lacks the webhook verify example');
  return new Function('require', `${code}\nreturn verifyWebhook;`)(require);
}
