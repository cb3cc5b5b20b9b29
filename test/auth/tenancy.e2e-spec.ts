import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ServiceClientRepository } from '../../src/modules/auth/clients/service-client.repository';
import { bearer, createOrgWithToken, TestTenant, tokenFor } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const SSO = {
  issuer: 'https://idp.b.example',
  clientId: 'b-app',
  allowedDomains: ['b.example'],
  roleMappings: [{ group: 'b-admins', roles: ['admin'] }],
};

/** Org A's admin against org B's resources: always 404, and nothing of B's changes. */
describe('tenant isolation', () => {
  let app: INestApplication;
  let a: TestTenant;
  let b: TestTenant;
  let bClient: string;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createAuthApp();
    a = await createOrgWithToken(app, ['admin']);
    b = await createOrgWithToken(app, ['admin']);
    const created = await http()
      .post('/clients')
      .set(b.headers)
      .send({ name: 'b portal', roles: ['service'] });
    bClient = created.body.clientId;
    expect((await http().put('/sso/config').set(b.headers).send(SSO)).status).toBe(200);
  });
  afterAll(async () => app?.close());

  const bClientAsB = async () => (await http().get(`/clients/${bClient}`).set(b.headers)).body;

  it('reads of another org’s client answer 404, like a missing one', async () => {
    const foreign = await http().get(`/clients/${bClient}`).set(a.headers);
    const missing = await http().get('/clients/cli_000000000000000000000000').set(a.headers);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('CLIENT.NOT_FOUND');
    expect(missing.body.error).toEqual({ ...foreign.body.error, requestId: expect.any(String) });
    const list = await http().get('/clients').set(a.headers);
    expect(list.body.map((c: { clientId: string }) => c.clientId)).not.toContain(bClient);
  });

  it('updates and deletes of another org’s client answer 404 and change nothing', async () => {
    const before = await bClientAsB();
    const patch = await http()
      .patch(`/clients/${bClient}`)
      .set(a.headers)
      .send({ roles: ['admin'], name: 'pwned' });
    const del = await http().delete(`/clients/${bClient}`).set(a.headers);
    expect([patch.status, del.status]).toEqual([404, 404]);
    expect(await bClientAsB()).toEqual(before);
    expect(before).toMatchObject({ name: 'b portal', roles: ['service'], status: 'active' });
  });

  it('SSO settings are per org: A neither sees nor overwrites B’s', async () => {
    const read = await http().get('/sso/config').set(a.headers);
    expect(read.status).toBe(404);
    expect(read.body.error.code).toBe('SSO.NOT_CONFIGURED');
    await http()
      .put('/sso/config')
      .set(a.headers)
      .send({ ...SSO, issuer: 'https://idp.a.example' });
    const bView = await http().get('/sso/config').set(b.headers);
    expect(bView.body.issuer).toBe('https://idp.b.example');
  });

  it('takes the org from the token only: org ids in query, headers or body are ignored or refused', async () => {
    const current = await http()
      .get(`/orgs/current?orgId=${b.orgId}`)
      .set(a.headers)
      .set('X-Org-Id', b.orgId);
    expect(current.status).toBe(200);
    expect(current.body.id).toBe(a.orgId);
    const smuggled = await http()
      .post('/clients')
      .set(a.headers)
      .send({ name: 'x', roles: ['recruiter'], orgId: b.orgId });
    expect(smuggled.status).toBe(400);
    const listB = await http().get('/clients').set(b.headers);
    expect(listB.body.map((c: { name: string }) => c.name)).not.toContain('x');
  });

  it('a token for an org that does not exist reaches nothing', async () => {
    const ghost = await tokenFor(app, '0123456789abcdef01234567', ['admin']);
    expect((await http().get('/orgs/current').set(bearer(ghost))).status).toBe(404);
    expect((await http().get('/clients').set(bearer(ghost))).body).toEqual([]);
    expect((await http().get(`/clients/${bClient}`).set(bearer(ghost))).status).toBe(404);
  });

  describe('OrgScopedRepository against the real database', () => {
    let repo: ServiceClientRepository;
    beforeAll(() => {
      repo = app.get(ServiceClientRepository);
    });

    it('finds, updates and deletes nothing across orgs', async () => {
      expect(await repo.findOne(a.orgId, { clientId: bClient })).toBeNull();
      expect(
        await repo.updateOne(a.orgId, { clientId: bClient }, { $set: { name: 'pwned' } }),
      ).toBeNull();
      expect(
        await repo.updateMany(a.orgId, { clientId: bClient }, { $set: { name: 'pwned' } }),
      ).toBe(0);
      expect(await repo.deleteOne(a.orgId, { clientId: bClient })).toBe(false);
      expect(await repo.deleteMany(a.orgId, { clientId: bClient })).toBe(0);
      expect(await repo.findOne(b.orgId, { clientId: bClient })).toMatchObject({
        name: 'b portal',
      });
    });

    it('a caller-supplied orgId in the filter cannot widen the scope', async () => {
      const found = await repo.find(a.orgId, { orgId: b.orgId });
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((c) => c.orgId === a.orgId)).toBe(true);
    });

    it('request values shaped like operators never act as operators (sanitizeFilter)', async () => {
      // Wrapped into {$eq: {$gt: ''}}, which cannot even be cast to the string field.
      const injected = { $gt: '' } as unknown as string;
      await expect(repo.findOne(b.orgId, { clientId: injected })).rejects.toThrow(/Cast to string/);
      await expect(repo.findForAuthentication(injected)).rejects.toThrow(/Cast to string/);
      const where = { $where: 'true' } as unknown as string;
      await expect(repo.findOne(b.orgId, { name: where })).rejects.toThrow(/Cast to string/);
    });

    it('refuses to move a document to another org', async () => {
      await expect(
        repo.updateOne(b.orgId, { clientId: bClient }, { $set: { orgId: a.orgId } }),
      ).rejects.toThrow(/may not change orgId/);
      expect(await repo.findOne(b.orgId, { clientId: bClient })).not.toBeNull();
    });
  });
});
