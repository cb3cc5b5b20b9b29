import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../common/security/auth.decorators';
import type { OrgContext } from '../../common/tenancy/org-context';
import { OrgResponseDto } from './dto/org.response.dto';
import { OrgsService } from './orgs.service';

@ApiTags('orgs')
@Controller('orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get('current')
  @Access('self')
  @ApiOperation({ summary: "The caller's organization (taken from the access token)." })
  @ApiOkResponse({ type: OrgResponseDto })
  current(@CurrentOrg() ctx: OrgContext): Promise<OrgResponseDto> {
    return this.orgs.current(ctx);
  }
}
