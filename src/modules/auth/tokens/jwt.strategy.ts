import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { KeyObject } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { Principal } from '../../../common/security/principal';
import { isRole } from '../../../common/security/roles';
import { tokenError } from '../../../common/security/token-errors';
import { AppConfig } from '../../../config/app-config';
import { KeyRingService } from '../keys/key-ring.service';
import { TokenVersionStore } from './token-versions.store';

// jsonwebtoken 9 accepts a KeyObject; the passport-jwt typings only know strings and Buffers.
type KeyCallback = (err: unknown, key?: string | Buffer) => void;

/** Header checks before any crypto: only RS256 with a kid we publish. */
export async function keyForToken(keys: KeyRingService, raw: string): Promise<KeyObject> {
  let header: { alg?: unknown; kid?: unknown };
  try {
    header = JSON.parse(Buffer.from(raw.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    throw tokenError('malformed');
  }
  if (header?.alg !== 'RS256') throw tokenError('algorithm');
  if (typeof header.kid !== 'string' || header.kid.length > 128) throw tokenError('unknownKey');
  const key = await keys.verificationKey(header.kid);
  if (!key) throw tokenError('unknownKey');
  return key;
}

interface VerifiedPayload {
  sub?: unknown;
  org?: unknown;
  roles?: unknown;
  kind?: unknown;
  ver?: unknown;
  exp?: unknown;
}

/** passport-jwt strategy 'jwt': RS256 only, our issuer and audience, unrevoked subject. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    keys: KeyRingService,
    config: AppConfig,
    private readonly versions: TokenVersionStore,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: (_req: unknown, raw: string, done: KeyCallback) => {
        keyForToken(keys, raw).then((key) => done(null, key as unknown as Buffer), done);
      },
      algorithms: ['RS256'],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      jsonWebTokenOptions: { clockTolerance: 5 },
    });
  }

  async validate(payload: VerifiedPayload): Promise<Principal> {
    const { sub, org, roles, kind, ver, exp } = payload;
    const wellFormed =
      typeof sub === 'string' &&
      typeof org === 'string' &&
      typeof exp === 'number' &&
      typeof ver === 'number' &&
      (kind === 'client' || kind === 'user') &&
      Array.isArray(roles) &&
      roles.every(isRole);
    if (!wellFormed) throw tokenError('claims');
    const minimum = await this.versions.minimum(sub as string);
    if (minimum !== null && (ver as number) < minimum) throw tokenError('revoked');
    return { sub: sub as string, orgId: org as string, roles: roles as Principal['roles'], kind };
  }
}
