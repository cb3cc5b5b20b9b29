import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  sign as rsaSign,
} from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { KeyRingService } from '../../src/modules/auth/keys/key-ring.service';
import { bearer, createOrgWithToken, TestTenant } from '../helpers/auth';
import { createAuthApp } from './support/auth-app';

// Booting the app and seeding tenants can take seconds on a loaded CI machine.
jest.setTimeout(30_000);

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

function rs256(header: object, payload: object, key: KeyObject): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${rsaSign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function hs256(header: object, payload: object, secret: string | Buffer): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/**
 * Forged and broken bearer tokens: each is refused with 401 and a stable code, and none of
 * them reveals the expected issuer or audience.
 */
describe('bearer token attacks', () => {
  let app: INestApplication;
  let tenant: TestTenant;
  let kid: string;
  let privateKey: KeyObject;
  let publicPem: string;
  let claims: Record<string, unknown>;
  const header = () => ({ alg: 'RS256', typ: 'JWT', kid });

  beforeAll(async () => {
    app = await createAuthApp();
    tenant = await createOrgWithToken(app, ['recruiter']);
    ({ kid, privateKey } = await app.get(KeyRingService).signingKey());
    publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
    claims = {
      iss: 'http://localhost:3000',
      aud: 'resume-screener',
      sub: tenant.clientId,
      org: tenant.orgId,
      roles: ['recruiter'],
      kind: 'client',
      ver: 1,
      iat: now(),
      exp: now() + 600,
    };
  });
  afterAll(async () => app?.close());

  const call = (token?: string) => {
    const req = request(app.getHttpServer()).get('/auth/me');
    return token === undefined ? req : req.set(bearer(token));
  };

  it('accepts a correctly forged-by-us token (the baseline the attacks start from)', async () => {
    const res = await call(rs256(header(), claims, privateKey));
    expect(res.status).toBe(200);
    expect(res.body.orgId).toBe(tenant.orgId);
  });

  const attacks: [string, () => string, string][] = [
    [
      'alg none, no signature',
      () => `${b64({ alg: 'none', typ: 'JWT', kid })}.${b64(claims)}.`,
      'AUTH.TOKEN_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'alg "None" with a bogus signature',
      () => `${b64({ alg: 'None', kid })}.${b64(claims)}.AAAA`,
      'AUTH.TOKEN_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'HS256 signed with our public key (algorithm confusion)',
      () => hs256({ alg: 'HS256', typ: 'JWT', kid }, claims, publicPem),
      'AUTH.TOKEN_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'RS512 with our own key',
      () => {
        const input = `${b64({ alg: 'RS512', kid })}.${b64(claims)}`;
        return `${input}.${rsaSign('sha512', Buffer.from(input), privateKey).toString('base64url')}`;
      },
      'AUTH.TOKEN_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'wrong issuer',
      () => rs256(header(), { ...claims, iss: 'https://evil.example' }, privateKey),
      'AUTH.TOKEN_ISSUER_INVALID',
    ],
    [
      'no issuer',
      () => rs256(header(), { ...claims, iss: undefined }, privateKey),
      'AUTH.TOKEN_ISSUER_INVALID',
    ],
    [
      'wrong audience',
      () => rs256(header(), { ...claims, aud: 'another-api' }, privateKey),
      'AUTH.TOKEN_AUDIENCE_INVALID',
    ],
    [
      'expired',
      () => rs256(header(), { ...claims, iat: now() - 3600, exp: now() - 60 }, privateKey),
      'AUTH.TOKEN_EXPIRED',
    ],
    [
      'not valid yet (nbf in the future)',
      () => rs256(header(), { ...claims, nbf: now() + 600 }, privateKey),
      'AUTH.TOKEN_NOT_YET_VALID',
    ],
    [
      'tampered payload (roles raised to admin)',
      () => {
        const [h, , s] = rs256(header(), claims, privateKey).split('.');
        return `${h}.${b64({ ...claims, roles: ['admin'] })}.${s}`;
      },
      'AUTH.TOKEN_SIGNATURE_INVALID',
    ],
    [
      'tampered payload (another org)',
      () => {
        const [h, , s] = rs256(header(), claims, privateKey).split('.');
        return `${h}.${b64({ ...claims, org: '000000000000000000000000' })}.${s}`;
      },
      'AUTH.TOKEN_SIGNATURE_INVALID',
    ],
    [
      'signed by an attacker key under our kid',
      () => {
        const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        return rs256(header(), claims, attacker);
      },
      'AUTH.TOKEN_SIGNATURE_INVALID',
    ],
    [
      'unknown kid',
      () => {
        const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
        return rs256({ alg: 'RS256', kid: 'attacker-key' }, claims, attacker);
      },
      'AUTH.TOKEN_KEY_UNKNOWN',
    ],
    ['no kid', () => rs256({ alg: 'RS256' }, claims, privateKey), 'AUTH.TOKEN_KEY_UNKNOWN'],
    [
      'embedded jwk header with the attacker key',
      () => {
        const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
        const jwk = pair.publicKey.export({ format: 'jwk' });
        return rs256({ alg: 'RS256', kid: 'embedded', jwk }, claims, pair.privateKey);
      },
      'AUTH.TOKEN_KEY_UNKNOWN',
    ],
    [
      'valid signature but no org claim',
      () => rs256(header(), { ...claims, org: undefined }, privateKey),
      'AUTH.TOKEN_CLAIMS_INVALID',
    ],
    [
      'valid signature but an unknown role',
      () => rs256(header(), { ...claims, roles: ['superuser'] }, privateKey),
      'AUTH.TOKEN_CLAIMS_INVALID',
    ],
    [
      'valid signature but no expiry',
      () => rs256(header(), { ...claims, exp: undefined }, privateKey),
      'AUTH.TOKEN_CLAIMS_INVALID',
    ],
    ['garbage', () => 'not-a-jwt', 'AUTH.TOKEN_MALFORMED'],
    [
      'header that is not JSON',
      () => `${Buffer.from('{oops').toString('base64url')}.${b64(claims)}.sig`,
      'AUTH.TOKEN_MALFORMED',
    ],
  ];

  it.each(attacks)('refuses %s with 401', async (_name, forge, code) => {
    const res = await call(forge());
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toMatch(/localhost:3000|resume-screener/);
  });

  it('refuses a missing token and a non-Bearer scheme with AUTH.TOKEN_MISSING', async () => {
    expect((await call()).body.error.code).toBe('AUTH.TOKEN_MISSING');
    const basic = await request(app.getHttpServer()).get('/auth/me').auth('user', 'pass');
    expect(basic.status).toBe(401);
    expect(basic.body.error.code).toBe('AUTH.TOKEN_MISSING');
  });
});
