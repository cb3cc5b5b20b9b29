import {
  Body,
  Controller,
  Get,
  Header,
  Ip,
  Param,
  Put,
  Query,
  Redirect,
  Req,
} from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentOrg, Public } from '../../../common/security/auth.decorators';
import type { AuthedRequest } from '../../../common/security/principal';
import { AuthThrottle } from '../../../common/security/throttling/throttlers';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { TokenResponseDto } from '../dto/token.dto';
import { OrgParamDto, SsoConfigDto, SsoConfigResponseDto, SsoLoginQueryDto } from './dto/sso.dto';
import { SsoConfigService } from './sso-config.service';
import { SsoLoginService } from './sso-login.service';

@ApiTags('sso')
@Controller('auth/sso')
export class SsoLoginController {
  constructor(private readonly sso: SsoLoginService) {}

  @Get(':orgId/login')
  @Public()
  @AuthThrottle()
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Start signing in through the org's identity provider (302)." })
  @ApiFoundResponse({ description: 'Redirect to the IdP authorization endpoint' })
  @ApiNotFoundResponse({ description: 'SSO.NOT_CONFIGURED' })
  async login(@Param() params: OrgParamDto, @Query() query: SsoLoginQueryDto) {
    return { url: await this.sso.start(params.orgId, query.login_hint), statusCode: 302 };
  }

  // The IdP's query parameters vary (code, state, iss, session_state, …), so no DTO here:
  // the raw query string goes to openid-client only, never to a database filter.
  @Get('callback')
  @Public()
  @AuthThrottle()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'OIDC redirect URI: completes sign-in and returns our access token.' })
  @ApiOkResponse({ type: TokenResponseDto })
  callback(@Req() req: AuthedRequest, @Ip() ip: string): Promise<TokenResponseDto> {
    const search = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    return this.sso.complete(search, { ip, requestId: req.id });
  }
}

@ApiTags('sso')
@Controller('sso/config')
@Access('org.admin')
export class SsoConfigController {
  constructor(private readonly configs: SsoConfigService) {}

  @Get()
  @ApiOkResponse({ type: SsoConfigResponseDto })
  @ApiNotFoundResponse({ description: 'SSO.NOT_CONFIGURED' })
  get(@CurrentOrg() ctx: OrgContext): Promise<SsoConfigResponseDto> {
    return this.configs.get(ctx);
  }

  @Put()
  @ApiOperation({ summary: "Create or replace the org's OIDC settings and group → role mapping." })
  @ApiOkResponse({ type: SsoConfigResponseDto })
  save(@CurrentOrg() ctx: OrgContext, @Body() dto: SsoConfigDto): Promise<SsoConfigResponseDto> {
    return this.configs.save(ctx, dto);
  }
}
