import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createOrgWithToken, TestTenant } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const randomIp = () => `10.77.${(Math.random() * 255) | 0}.${(Math.random() * 254 + 1) | 0}`;

describe('hostile requests', () => {
  let app: INestApplication;
  let admin: TestTenant;
  let victim: { clientId: string; clientSecret: string };
  const http = () => request(app.getHttpServer());
  const token = () => http().post('/auth/token').set('X-Forwarded-For', randomIp());

  beforeAll(async () => {
    app = await createAuthApp({ TRUST_PROXY: '1' });
    admin = await createOrgWithToken(app, ['admin']);
    victim = (
      await http()
        .post('/clients')
        .set(admin.headers)
        .send({ name: 'victim', roles: ['recruiter'] })
    ).body;
  });
  afterAll(async () => app?.close());

  describe('operator injection in query strings', () => {
    it.each([
      'status[$ne]=active',
      'status[$regex]=.*',
      'status[$gt]=',
      '$where=sleep(1000)',
      'status=%7B%22%24gt%22%3A%22%22%7D',
      'status=active&status=revoked',
    ])('GET /clients?%s → 400', async (qs) => {
      const res = await http().get(`/clients?${qs}`).set(admin.headers);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('COMMON.VALIDATION_FAILED');
    });

    it('treats an operator-shaped path parameter as a literal id', async () => {
      for (const id of ['%7B%22%24gt%22%3A%22%22%7D', '%24where', '.*']) {
        const res = await http().get(`/clients/${id}`).set(admin.headers);
        expect(res.status).toBe(404);
      }
    });
  });

  describe('operator injection in JSON bodies', () => {
    it.each([
      { client_id: { $gt: '' }, client_secret: 'x' },
      { client_id: victim?.clientId, client_secret: { $ne: 'x' } },
      { client_id: { $regex: '^cli_' }, client_secret: 'x' },
      { client_id: { $where: 'return true' }, client_secret: 'x' },
    ])('POST /auth/token with %p → 400, no token', async (creds) => {
      const body = { grant_type: 'client_credentials', ...creds };
      if (body.client_id === undefined) body.client_id = victim.clientId;
      const res = await token().send(body);
      expect(res.status).toBe(400);
      expect(res.body.access_token).toBeUndefined();
    });

    it('operator-looking strings are plain values: a client_id of "$where" just fails to authenticate', async () => {
      const res = await token().send({
        grant_type: 'client_credentials',
        client_id: '$where',
        client_secret: '{"$gt":""}',
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('AUTH.INVALID_CLIENT');
    });

    it('rejects operators and unknown keys in admin bodies', async () => {
      const patch = await http()
        .patch(`/clients/${victim.clientId}`)
        .set(admin.headers)
        .send({ $set: { roles: ['admin'] } });
      expect(patch.status).toBe(400);
      const create = await http()
        .post('/clients')
        .set(admin.headers)
        .send({ name: { $gt: '' }, roles: ['recruiter'] });
      expect(create.status).toBe(400);
      const roles = await http()
        .post('/clients')
        .set(admin.headers)
        .send({ name: 'x', roles: [{ $ne: null }] });
      expect(roles.status).toBe(400);
    });

    it.each([
      '{"name":"p","roles":["recruiter"],"__proto__":{"roles":["admin"],"polluted":true}}',
      '{"name":"p","roles":["recruiter"],"constructor":{"prototype":{"polluted":true}}}',
    ])('prototype keys never pollute or escalate: %s', async (raw) => {
      const res = await http()
        .post('/clients')
        .set(admin.headers)
        .set('Content-Type', 'application/json')
        .send(raw);
      expect([201, 400]).toContain(res.status);
      if (res.status === 201) expect(res.body.roles).toEqual(['recruiter']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).roles).toBeUndefined();
    });
  });

  describe('body size and content type', () => {
    it('answers an oversized JSON body with 413', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(200 * 1024), roles: ['recruiter'] });
      const res = await http()
        .post('/clients')
        .set(admin.headers)
        .set('Content-Type', 'application/json')
        .send(big);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('COMMON.PAYLOAD_TOO_LARGE');
      const tok = await token().set('Content-Type', 'application/json').send(big);
      expect(tok.status).toBe(413);
    });

    it.each([
      ['text/plain', 'name=x'],
      ['application/xml', '<client><name>x</name></client>'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--x--',
      ],
      ['application/x-www-form-urlencoded', 'name=x&roles=recruiter'],
    ])('POST /clients as %s → 415', async (type, body) => {
      const res = await http()
        .post('/clients')
        .set(admin.headers)
        .set('Content-Type', type)
        .send(body);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('COMMON.UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a body without a Content-Type with 415', async () => {
      const res = await http()
        .post('/clients')
        .set(admin.headers)
        .set('Content-Type', '')
        .send(Buffer.from('{"name":"x"}'));
      expect(res.status).toBe(415);
    });

    it('POST /auth/token takes JSON and form bodies only', async () => {
      const res = await token()
        .set('Content-Type', 'text/plain')
        .send('grant_type=client_credentials');
      expect(res.status).toBe(415);
    });

    it('refuses JSON in a charset body-parser cannot read with 415', async () => {
      const res = await http()
        .post('/clients')
        .set(admin.headers)
        .set('Content-Type', 'application/json; charset=iso-8859-1')
        .send('{"name":"x","roles":["recruiter"]}');
      expect(res.status).toBe(415);
    });
  });
});
