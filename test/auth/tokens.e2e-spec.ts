import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { decode } from 'jsonwebtoken';
import type { Model } from 'mongoose';
import request from 'supertest';
import { AuditEvent } from '../../src/modules/audit/audit-event.schema';
import { bearer, createOrgWithToken, TestTenant } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const uniqueIp = () =>
  `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 254 + 1) | 0}`;

describe('client-credentials tokens', () => {
  let app: INestApplication;
  let admin: TestTenant;
  let audit: Model<AuditEvent>;
  const http = () => request(app.getHttpServer());
  // A fresh forwarded IP per test keeps the per-IP token limit out of these tests.
  const tokenCall = () => http().post('/auth/token').set('X-Forwarded-For', uniqueIp());

  beforeAll(async () => {
    app = await createAuthApp({ TRUST_PROXY: '1' });
    admin = await createOrgWithToken(app, ['admin']);
    audit = app.get(getModelToken(AuditEvent.name));
  });
  afterAll(async () => app?.close());

  async function newClient(roles: string[]) {
    const res = await http().post('/clients').set(admin.headers).send({ name: 'portal', roles });
    expect(res.status).toBe(201);
    return res.body as { clientId: string; clientSecret: string };
  }

  it('issues an RS256 token with kid, iss, aud, exp, sub, org and roles (JSON body)', async () => {
    const client = await newClient(['recruiter']);
    const res = await tokenCall().send({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
    });
    const jwt = decode(res.body.access_token, { complete: true });
    expect(jwt?.header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    expect(jwt?.payload).toMatchObject({
      iss: 'http://localhost:3000',
      aud: 'resume-screener',
      sub: client.clientId,
      org: admin.orgId,
      roles: ['recruiter'],
      kind: 'client',
      exp: expect.any(Number),
    });
    const me = await http().get('/auth/me').set(bearer(res.body.access_token));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      sub: client.clientId,
      orgId: admin.orgId,
      roles: ['recruiter'],
      kind: 'client',
    });
  });

  it('accepts a form-encoded body and HTTP Basic client authentication', async () => {
    const client = await newClient(['service']);
    const form = await tokenCall()
      .type('form')
      .send(
        `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`,
      );
    expect(form.status).toBe(200);
    const basic = await tokenCall()
      .auth(client.clientId, client.clientSecret)
      .type('form')
      .send('grant_type=client_credentials');
    expect(basic.status).toBe(200);
  });

  it('refuses a wrong secret, an unknown client and a foreign grant type with stable codes', async () => {
    const client = await newClient(['recruiter']);
    const wrong = await tokenCall().send({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('AUTH.INVALID_CLIENT');
    const unknown = await tokenCall().send({
      grant_type: 'client_credentials',
      client_id: 'cli_nobody',
      client_secret: 'x',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('AUTH.INVALID_CLIENT');
    const grant = await tokenCall().send({
      grant_type: 'password',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(grant.status).toBe(400);
    expect(grant.body.error.code).toBe('AUTH.UNSUPPORTED_GRANT_TYPE');
  });

  it('stores only a slow hash of the secret, and lists clients without secrets', async () => {
    const client = await newClient(['auditor']);
    const list = await http().get('/clients').set(admin.headers);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(client.clientSecret);
    expect(
      list.body.find((c: { clientId: string }) => c.clientId === client.clientId),
    ).toMatchObject({
      roles: ['auditor'],
      status: 'active',
    });
  });

  it('revocation and role changes invalidate outstanding tokens at once', async () => {
    const a = await newClient(['recruiter']);
    const b = await newClient(['recruiter']);
    const tokenOf = async (c: { clientId: string; clientSecret: string }) =>
      (
        await tokenCall().send({
          grant_type: 'client_credentials',
          client_id: c.clientId,
          client_secret: c.clientSecret,
        })
      ).body.access_token as string;
    const ta = await tokenOf(a);
    const tb = await tokenOf(b);

    expect((await http().delete(`/clients/${a.clientId}`).set(admin.headers)).status).toBe(204);
    const revoked = await http().get('/auth/me').set(bearer(ta));
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('AUTH.TOKEN_REVOKED');
    const again = await tokenCall().send({
      grant_type: 'client_credentials',
      client_id: a.clientId,
      client_secret: a.clientSecret,
    });
    expect(again.status).toBe(401);

    const patched = await http()
      .patch(`/clients/${b.clientId}`)
      .set(admin.headers)
      .send({ roles: ['auditor'] });
    expect(patched.status).toBe(200);
    expect((await http().get('/auth/me').set(bearer(tb))).body.error.code).toBe(
      'AUTH.TOKEN_REVOKED',
    );
    const fresh = await tokenOf(b);
    expect((await http().get('/auth/me').set(bearer(fresh))).body.roles).toEqual(['auditor']);
  });

  it('records security events in the append-only audit collection', async () => {
    const client = await newClient(['recruiter']);
    const ip = uniqueIp();
    await http()
      .post('/auth/token')
      .set('X-Forwarded-For', ip)
      .set('X-Request-Id', 'audit-req-1')
      .send({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      });
    await http()
      .post('/auth/token')
      .set('X-Forwarded-For', ip)
      .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'bad' });
    const events = await audit.find({ orgId: admin.orgId }).lean().exec();
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['client.created', 'auth.token_issued', 'auth.failed']),
    );
    const issued = events.find(
      (e) => e.action === 'auth.token_issued' && e.requestId === 'audit-req-1',
    );
    expect(issued).toMatchObject({ ip, actor: { sub: client.clientId, kind: 'client' } });
    await expect(
      audit.updateOne({ _id: issued!._id }, { $set: { action: 'x' } }).exec(),
    ).rejects.toThrow(/append-only/);
    await expect(audit.deleteMany({ orgId: admin.orgId }).exec()).rejects.toThrow(/append-only/);
  });
});
