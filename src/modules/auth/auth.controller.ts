import { Body, Controller, Get, Header, Headers, HttpCode, Ip, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Access, CurrentPrincipal, Public } from '../../common/security/auth.decorators';
import type { AuthedRequest, Principal } from '../../common/security/principal';
import { AuthThrottle } from '../../common/security/throttling/throttlers';
import { PrincipalResponseDto, TokenRequestDto, TokenResponseDto } from './dto/token.dto';
import { credentialsFrom } from './tokens/client-credentials';
import { TokenGrantService } from './tokens/token-grant.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly grants: TokenGrantService) {}

  @Post('token')
  @Public()
  @AuthThrottle()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOperation({ summary: 'OAuth2 client-credentials grant: exchange a client secret for a JWT.' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiBadRequestResponse({ description: 'AUTH.INVALID_REQUEST, AUTH.UNSUPPORTED_GRANT_TYPE' })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CLIENT' })
  @ApiTooManyRequestsResponse({ description: 'COMMON.RATE_LIMITED or AUTH.CLIENT_LOCKED' })
  token(
    @Body() body: TokenRequestDto,
    @Headers('authorization') authorization: string | undefined,
    @Ip() ip: string,
    @Req() req: AuthedRequest,
  ): Promise<TokenResponseDto> {
    return this.grants.exchange(credentialsFrom(body, authorization), { ip, requestId: req.id });
  }

  @Get('me')
  @Access('self')
  @ApiOperation({ summary: 'The verified caller: subject, org, roles and kind.' })
  @ApiOkResponse({ type: PrincipalResponseDto })
  me(@CurrentPrincipal() principal: Principal): PrincipalResponseDto {
    return {
      sub: principal.sub,
      orgId: principal.orgId,
      roles: principal.roles,
      kind: principal.kind,
    };
  }
}
