import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { decode } from 'jsonwebtoken';
import type { Model } from 'mongoose';
import request from 'supertest';
import { AuditEvent } from '../../src/modules/audit/audit-event.schema';
import { bearer, createOrgWithToken, TestTenant } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';
import { followToCallback, TestIdp } from './support/oidc-idp';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const REDIRECT_BASE = 'http://sso-callback.test';
const CALLBACK = `${REDIRECT_BASE}/auth/sso/callback`;
const ACCOUNTS = {
  alice: { email: 'alice@acme.test', email_verified: true, groups: ['hr-admins'] },
  bob: { email: 'Bob@ACME.test', email_verified: true, groups: ['talent', 'unmapped'] },
  eve: { email: 'eve@evil.test', email_verified: true, groups: ['hr-admins'] },
  carl: { email: 'carl@acme.test', email_verified: true, groups: ['canteen'] },
  dan: { email: 'dan@acme.test', email_verified: false, groups: ['talent'] },
};

/** OIDC authorization code + PKCE against a real local OpenID Provider. */
describe('admin SSO (OIDC, authorization code with PKCE)', () => {
  let idp: TestIdp;
  let app: INestApplication;
  let admin: TestTenant;
  const http = () => request(app.getHttpServer());
  const ip = () => `10.55.${(Math.random() * 255) | 0}.${(Math.random() * 254 + 1) | 0}`;

  beforeAll(async () => {
    idp = await TestIdp.start(
      [{ client_id: 'screener', client_secret: 'idp-client-secret', redirect_uris: [CALLBACK] }],
      ACCOUNTS,
    );
    app = await createAuthApp({
      TRUST_PROXY: '1',
      SSO_ALLOW_HTTP_ISSUERS: 'true',
      SSO_REDIRECT_BASE_URL: REDIRECT_BASE,
    });
    admin = await createOrgWithToken(app, ['admin']);
    const saved = await http()
      .put('/sso/config')
      .set(admin.headers)
      .send({
        issuer: idp.issuer,
        clientId: 'screener',
        clientSecret: 'idp-client-secret',
        allowedDomains: ['ACME.test'],
        roleMappings: [
          { group: 'hr-admins', roles: ['admin'] },
          { group: 'talent', roles: ['recruiter'] },
        ],
        scopes: 'openid email profile groups',
      });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      hasClientSecret: true,
      redirectUri: CALLBACK,
      allowedDomains: ['acme.test'],
    });
    expect(JSON.stringify(saved.body)).not.toContain('idp-client-secret');
  });
  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  /** Starts a login at our API and lets the IdP sign `user` in; returns our callback URL. */
  async function signIn(user: string, orgId = admin.orgId): Promise<URL> {
    const start = await http()
      .get(`/auth/sso/${orgId}/login?login_hint=${user}`)
      .set('X-Forwarded-For', ip());
    expect(start.status).toBe(302);
    return followToCallback(start.headers.location, CALLBACK);
  }
  const callback = (url: URL) =>
    http().get(`/auth/sso/callback${url.search}`).set('X-Forwarded-For', ip());

  it('redirects to the IdP with PKCE (S256), state and nonce', async () => {
    const res = await http().get(`/auth/sso/${admin.orgId}/login`).set('X-Forwarded-For', ip());
    expect(res.status).toBe(302);
    const url = new URL(res.headers.location);
    expect(url.origin).toBe(idp.issuer);
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({
      response_type: 'code',
      client_id: 'screener',
      redirect_uri: CALLBACK,
      code_challenge_method: 'S256',
    });
    expect(p.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(p.state).toMatch(/^[\w-]{20,}$/);
    expect(p.nonce).toMatch(/^[\w-]{20,}$/);
  });

  it('signs an admin in end to end and issues our own token with the mapped roles', async () => {
    const res = await callback(await signIn('alice'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
    });
    const claims = decode(res.body.access_token) as Record<string, unknown>;
    expect(claims).toMatchObject({
      org: admin.orgId,
      roles: ['admin'],
      kind: 'user',
      iss: 'http://localhost:3000',
    });
    const me = await http().get('/auth/me').set(bearer(res.body.access_token));
    expect(me.body).toMatchObject({ orgId: admin.orgId, roles: ['admin'], kind: 'user' });
    expect((await http().get('/clients').set(bearer(res.body.access_token))).status).toBe(200);

    const audit = app.get<Model<AuditEvent>>(getModelToken(AuditEvent.name));
    const login = await audit.findOne({ orgId: admin.orgId, action: 'sso.login' }).lean().exec();
    expect(login).toMatchObject({
      actor: { sub: claims.sub, kind: 'user' },
      details: { email: 'alice@acme.test' },
    });
  });

  it('maps groups to roles (and only mapped groups count)', async () => {
    const res = await callback(await signIn('bob'));
    expect(res.status).toBe(200);
    const token = res.body.access_token;
    expect((decode(token) as { roles: string[] }).roles).toEqual(['recruiter']);
    expect((await http().get('/clients').set(bearer(token))).status).toBe(403);
  });

  it.each([
    ['eve', 'SSO.DOMAIN_NOT_ALLOWED'],
    ['carl', 'SSO.NO_ROLE'],
    ['dan', 'SSO.EMAIL_UNVERIFIED'],
  ])('refuses %s with 403 %s', async (user, code) => {
    const res = await callback(await signIn(user));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe(code);
    expect(res.body.access_token).toBeUndefined();
  });

  it('answers an IdP denial with 401 and no token', async () => {
    const res = await callback(await signIn('mallory'));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SSO.CODE_EXCHANGE_FAILED');
  });

  it('uses a state once: replaying a callback fails', async () => {
    const url = await signIn('alice');
    expect((await callback(url)).status).toBe(200);
    const replay = await callback(url);
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('SSO.STATE_INVALID');
  });

  it('refuses unknown or missing state', async () => {
    const url = await signIn('alice');
    url.searchParams.set('state', 'x'.repeat(43));
    expect((await callback(url)).body.error.code).toBe('SSO.STATE_INVALID');
    url.searchParams.delete('state');
    expect((await callback(url)).body.error.code).toBe('SSO.STATE_INVALID');
  });

  it('binds the code to its PKCE verifier: a code spliced into another login fails', async () => {
    const first = await signIn('alice');
    const second = await signIn('alice');
    second.searchParams.set('code', first.searchParams.get('code')!);
    const res = await callback(second);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('SSO.CODE_EXCHANGE_FAILED');
  });

  it('answers 404 for orgs without SSO and 400 for malformed org ids', async () => {
    const other = await createOrgWithToken(app, ['admin']);
    const none = await http().get(`/auth/sso/${other.orgId}/login`).set('X-Forwarded-For', ip());
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe('SSO.NOT_CONFIGURED');
    const bad = await http().get('/auth/sso/%7B%24ne%3A1%7D/login').set('X-Forwarded-For', ip());
    expect(bad.status).toBe(400);
  });

  it('refuses http:// issuers unless SSO_ALLOW_HTTP_ISSUERS is set', async () => {
    const strict = await createAuthApp();
    try {
      const tenant = await createOrgWithToken(strict, ['admin']);
      const res = await request(strict.getHttpServer())
        .put('/sso/config')
        .set(tenant.headers)
        .send({
          issuer: idp.issuer,
          clientId: 'x',
          allowedDomains: ['acme.test'],
          roleMappings: [],
        });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('SSO.INSECURE_ISSUER');
    } finally {
      await strict.close();
    }
  });
});
