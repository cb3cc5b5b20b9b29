import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../common/security/auth.decorators';
import { KeyRingService, PublicJwk } from './key-ring.service';

@ApiTags('auth')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: KeyRingService) {}

  @Get('jwks.json')
  @Public()
  // Verifiers may cache for less than a key-cache period; they refetch on an unknown kid.
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'Public keys (JWKS) that verify our access tokens.' })
  @ApiOkResponse({ description: '{ keys: [{ kty, n, e, kid, alg: "RS256", use: "sig" }] }' })
  jwks(): Promise<{ keys: PublicJwk[] }> {
    return this.keys.jwks();
  }
}
