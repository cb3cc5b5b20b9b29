import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { RetentionSettingsDto, RetentionSettingsView } from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('compliance')
@Controller('compliance/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @Access('org.admin')
  @ApiOkResponse({ type: RetentionSettingsView })
  get(@CurrentOrg() org: OrgContext): Promise<RetentionSettingsView> {
    return this.retention.get(org.orgId);
  }

  /** Per-org resume retention; expired resumes are erased by the worker's retention sweep. */
  @Put()
  @Access('org.admin')
  @ApiOkResponse({ type: RetentionSettingsView })
  set(
    @CurrentOrg() org: OrgContext,
    @Body() dto: RetentionSettingsDto,
  ): Promise<RetentionSettingsView> {
    return this.retention.set(org, dto.resumeRetentionDays);
  }
}
