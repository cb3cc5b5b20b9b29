import { Controller, HttpCode, type INestApplication, Post } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import request, { Response } from 'supertest';
import { Access } from '../../src/common/security/auth.decorators';
import { UploadThrottle } from '../../src/common/security/throttling/throttlers';
import { AuditEvent } from '../../src/modules/audit/audit-event.schema';
import { createOrgWithToken, TestTenant } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const ENV = {
  TRUST_PROXY: '1',
  THROTTLE_IP_LIMIT: '40',
  THROTTLE_CLIENT_LIMIT: '20',
  THROTTLE_AUTH_LIMIT: '5',
  THROTTLE_UPLOAD_LIMIT: '3',
  AUTH_LOCKOUT_THRESHOLD: '3',
  AUTH_LOCKOUT_SECONDS: '120',
};

// Counters live in the shared Redis for a minute, so every test uses fresh IPs and tenants.
const freshIp = () =>
  `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 254 + 1) | 0}`;

@Controller('__probe')
class UploadProbeController {
  @Post('upload')
  @HttpCode(200)
  @Access('resumes.upload')
  @UploadThrottle()
  upload() {
    return { ok: true };
  }
}

const expect429 = (res: Response, code: string) => {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe(code);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
};

describe('rate limits and lockout (Redis-backed)', () => {
  let app: INestApplication;
  let twin: INestApplication;
  let tenant: TestTenant;
  const http = (on = app) => request(on.getHttpServer());

  beforeAll(async () => {
    app = await createAuthApp(ENV, [UploadProbeController]);
    twin = await createAuthApp(ENV, [UploadProbeController]);
    tenant = await createOrgWithToken(app, ['recruiter']);
  });
  afterAll(async () => {
    await app?.close();
    await twin?.close();
  });

  it('limits /auth/token per IP (THROTTLE_AUTH_LIMIT), with Retry-After, but not other IPs', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await http()
        .post('/auth/token')
        .set('X-Forwarded-For', ip)
        .send({
          grant_type: 'client_credentials',
          client_id: `cli_guess_${i}`,
          client_secret: 'x',
        });
      statuses.push(res.status);
      if (i === 5) expect429(res, 'COMMON.RATE_LIMITED');
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const other = await http()
      .post('/auth/token')
      .set('X-Forwarded-For', freshIp())
      .send({ grant_type: 'client_credentials', client_id: 'cli_other', client_secret: 'x' });
    expect(other.status).toBe(401);
  });

  it('locks a client out after repeated bad secrets from any IPs; even the right secret then gets 429', async () => {
    const admin = await createOrgWithToken(app, ['admin']);
    const created = await http()
      .post('/clients')
      .set(admin.headers)
      .send({ name: 'target', roles: ['service'] });
    const { clientId, clientSecret } = created.body;
    const attempt = (secret: string) =>
      http()
        .post('/auth/token')
        .set('X-Forwarded-For', freshIp())
        .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });

    for (let i = 0; i < 3; i++) expect((await attempt(`guess-${i}`)).status).toBe(401);
    const locked = await attempt(clientSecret);
    expect429(locked, 'AUTH.CLIENT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(120);
    // The lockout is shared: the second instance refuses too.
    const elsewhere = await http(twin)
      .post('/auth/token')
      .set('X-Forwarded-For', freshIp())
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    expect429(elsewhere, 'AUTH.CLIENT_LOCKED');

    const audit = app.get<Model<AuditEvent>>(getModelToken(AuditEvent.name));
    const events = await audit
      .find({ orgId: admin.orgId, action: /^auth\./ })
      .lean()
      .exec();
    expect(events.filter((e) => e.action === 'auth.failed')).toHaveLength(3);
    expect(events.filter((e) => e.action === 'auth.locked_out')).toHaveLength(1);
  });

  it('a success resets the failure count', async () => {
    const admin = await createOrgWithToken(app, ['admin']);
    const { clientId, clientSecret } = (
      await http()
        .post('/clients')
        .set(admin.headers)
        .send({ name: 'ok', roles: ['service'] })
    ).body;
    const attempt = (secret: string) =>
      http()
        .post('/auth/token')
        .set('X-Forwarded-For', freshIp())
        .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
    const seq = [];
    for (const s of ['bad', 'bad', clientSecret, 'bad', 'bad', clientSecret])
      seq.push((await attempt(s)).status);
    expect(seq).toEqual([401, 401, 200, 401, 401, 200]);
  });

  it('applies the per-IP limit on every route except health and metrics', async () => {
    const ip = freshIp();
    for (let i = 0; i < 45; i++) {
      expect((await http().get('/health/live').set('X-Forwarded-For', ip)).status).toBe(200);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 41; i++) {
      statuses.push((await http().get('/.well-known/jwks.json').set('X-Forwarded-For', ip)).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses[40]).toBe(429);
  });

  it('applies the stricter upload limit per client', async () => {
    const uploader = await createOrgWithToken(app, ['recruiter']);
    const post = (t: TestTenant) =>
      http().post('/__probe/upload').set(t.headers).set('X-Forwarded-For', freshIp());
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(uploader)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect429(await post(uploader), 'COMMON.RATE_LIMITED');
    const other = await createOrgWithToken(app, ['recruiter']);
    expect((await post(other)).status).toBe(200);
  });

  it('two API instances sharing Redis enforce one global per-client limit (within 10%)', async () => {
    const limit = Number(ENV.THROTTLE_CLIENT_LIMIT);
    const responses: Response[] = [];
    // 60 calls, alternating instances, 10 in flight at a time, each from its own IP.
    for (let batch = 0; batch < 6; batch++) {
      const calls = Array.from({ length: 10 }, (_, i) =>
        http(i % 2 ? twin : app)
          .get('/auth/me')
          .set(tenant.headers)
          .set('X-Forwarded-For', freshIp()),
      );
      responses.push(...(await Promise.all(calls)));
    }
    const admitted = responses.filter((r) => r.status === 200).length;
    expect(Math.abs(admitted - limit)).toBeLessThanOrEqual(limit * 0.1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused.length).toBe(60 - admitted);
    for (const r of refused) expect429(r, 'COMMON.RATE_LIMITED');
  });
});
