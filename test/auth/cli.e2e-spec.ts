import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, waitForMongo } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const root = join(__dirname, '..', '..');

function screener(...args: string[]) {
  const res = spawnSync(process.execPath, [join(root, 'bin', 'screener.js'), ...args], {
    env: { PATH: process.env.PATH, MONGO_URI: process.env.MONGO_URI, NODE_ENV: 'test' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** The README flow: org and client from the CLI, a token with curl-like calls, a first API call. */
describe('bootstrap CLI (node bin/screener.js)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'src', 'cli', 'commands', 'clients.command.js'))) {
      throw new Error('build first: npx tsc -p tsconfig.build.json (npm test does)');
    }
    app = await createAuthApp({ TRUST_PROXY: '1' });
    await waitForMongo(app);
  });
  afterAll(async () => app?.close());

  it('creates an org and a client that can get a token and call the API', async () => {
    const org = screener('orgs', 'create', 'CLI Test Org', '--json');
    expect(org.code).toBe(0);
    const { id } = JSON.parse(org.stdout);
    expect(Object.keys(JSON.parse(org.stdout))).toEqual(['id']);
    expect(id).toMatch(/^[0-9a-f]{24}$/);

    const client = screener('clients', 'create', '--org', id, '--roles', 'recruiter', '--json');
    expect(client.code).toBe(0);
    const creds = JSON.parse(client.stdout);
    expect(Object.keys(creds)).toEqual(['clientId', 'clientSecret']);

    const token = await request(app.getHttpServer())
      .post('/auth/token')
      .set('X-Forwarded-For', `10.99.${(Math.random() * 255) | 0}.7`)
      .type('form')
      .send({
        grant_type: 'client_credentials',
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
      });
    expect(token.status).toBe(200);

    const current = await request(app.getHttpServer())
      .get('/orgs/current')
      .set(bearer(token.body.access_token));
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ id, name: 'CLI Test Org', status: 'active' });
    const me = await request(app.getHttpServer())
      .get('/auth/me')
      .set(bearer(token.body.access_token));
    expect(me.body).toEqual({
      sub: creds.clientId,
      orgId: id,
      roles: ['recruiter'],
      kind: 'client',
    });
  });

  it('accepts several roles and refuses unknown ones', () => {
    const { id } = JSON.parse(screener('orgs', 'create', 'Roles Org', '--json').stdout);
    expect(
      screener('clients', 'create', '--org', id, '--roles', 'recruiter,service', '--json').code,
    ).toBe(0);
    const bad = screener('clients', 'create', '--org', id, '--roles', 'superuser', '--json');
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe('');
  });

  it('refuses a client for an org that does not exist, with a stable code', () => {
    const res = screener(
      'clients',
      'create',
      '--org',
      '0123456789abcdef01234567',
      '--roles',
      'recruiter',
      '--json',
    );
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('ORG.NOT_FOUND');
    expect(res.stdout).toBe('');
  });

  it('rotates the signing key and prints only JSON on stdout', async () => {
    const res = screener('keys', 'rotate', '--json');
    expect(res.code).toBe(0);
    const { kid } = JSON.parse(res.stdout);
    const keys = (await request(app.getHttpServer()).get('/.well-known/jwks.json')).body.keys;
    // This instance learns the new key within a cache period; the old one keeps verifying.
    expect(kid).toMatch(/^[\w-]{43}$/);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('fails with the offending key when MONGO_URI is invalid', () => {
    const res = spawnSync(
      process.execPath,
      [join(root, 'bin', 'screener.js'), 'orgs', 'create', 'x', '--json'],
      {
        env: { PATH: process.env.PATH, MONGO_URI: 'not-a-uri' },
        encoding: 'utf8',
      },
    );
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('MONGO_URI');
  });
});
