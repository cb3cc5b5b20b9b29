import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import type { Principal } from '../../../common/security/principal';
import { AppConfig } from '../../../config/app-config';
import { KeyRingService } from '../keys/key-ring.service';

/** Our access-token claims besides the registered ones (iss, aud, exp, iat, sub, jti). */
export interface AccessTokenClaims {
  org: string;
  roles: string[];
  kind: Principal['kind'];
  /** The subject's token version at issue (see TokenVersionStore). */
  ver: number;
}

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly keys: KeyRingService,
    private readonly config: AppConfig,
  ) {}

  async issue(principal: Principal, version = 1): Promise<IssuedToken> {
    const { kid, privateKey } = await this.keys.signingKey();
    const claims: AccessTokenClaims = {
      org: principal.orgId,
      roles: principal.roles,
      kind: principal.kind,
      ver: version,
    };
    const token = sign(claims, privateKey, {
      algorithm: 'RS256',
      keyid: kid,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
      subject: principal.sub,
      expiresIn: this.config.JWT_TTL_SECONDS,
      jwtid: randomUUID(),
    });
    return { access_token: token, token_type: 'Bearer', expires_in: this.config.JWT_TTL_SECONDS };
  }
}
