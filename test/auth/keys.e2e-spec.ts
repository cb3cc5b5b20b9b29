import type { INestApplication } from '@nestjs/common';
import { decode } from 'jsonwebtoken';
import request from 'supertest';
import { KeyRingService } from '../../src/modules/auth/keys/key-ring.service';
import { bearer, createOrgWithToken, tokenFor } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const kidOf = (token: string) => decode(token, { complete: true })?.header.kid;

/** Several instances share the signing keys through Mongo; rotation never breaks a token. */
describe('signing keys, JWKS and rotation', () => {
  let one: INestApplication;
  let two: INestApplication;
  let orgId: string;

  beforeAll(async () => {
    one = await createAuthApp();
    two = await createAuthApp();
    ({ orgId } = await createOrgWithToken(one, ['recruiter']));
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
  });

  const me = (app: INestApplication, token: string) =>
    request(app.getHttpServer()).get('/auth/me').set(bearer(token));
  const jwks = async (app: INestApplication) =>
    (await request(app.getHttpServer()).get('/.well-known/jwks.json')).body.keys as Record<
      string,
      string
    >[];

  it('publishes public RS256 keys only, cacheable', async () => {
    const res = await request(one.getHttpServer()).get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(res.body.keys.length).toBeGreaterThan(0);
    for (const key of res.body.keys) {
      expect(key).toEqual({
        kty: 'RSA',
        n: expect.any(String),
        e: 'AQAB',
        kid: expect.any(String),
        alg: 'RS256',
        use: 'sig',
      });
    }
  });

  it('a token from one instance is accepted by the other', async () => {
    const token = await tokenFor(one, orgId, ['recruiter']);
    expect((await me(two, token)).status).toBe(200);
  });

  it('rotation: old and new tokens both stay valid on every instance, and JWKS lists both keys', async () => {
    const before = await tokenFor(one, orgId, ['recruiter']);
    const oldKid = kidOf(before);
    const newKid = await one.get(KeyRingService).rotate();
    expect(newKid).not.toBe(oldKid);

    const after = await tokenFor(one, orgId, ['recruiter']);
    expect(kidOf(after)).toBe(newKid);
    for (const app of [one, two]) {
      expect((await me(app, before)).status).toBe(200);
      expect((await me(app, after)).status).toBe(200); // `two` learns the new kid on first sight
    }
    const kids = (await jwks(two)).map((k) => k.kid);
    expect(kids).toEqual(expect.arrayContaining([oldKid, newKid]));
  });

  it('an instance started after a rotation signs with the new key; older instances accept it', async () => {
    const kid = await one.get(KeyRingService).rotate();
    const three = await createAuthApp();
    try {
      const token = await tokenFor(three, orgId, ['recruiter']);
      expect(kidOf(token)).toBe(kid);
      expect((await me(two, token)).status).toBe(200);
      expect((await me(one, token)).status).toBe(200);
    } finally {
      await three.close();
    }
  });
});
