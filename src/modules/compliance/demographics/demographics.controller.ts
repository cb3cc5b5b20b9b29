import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import {
  SelfIdentificationDto,
  SelfIdentificationReceipt,
  SelfIdentificationView,
} from './demographics.dto';
import { DemographicsService } from './demographics.service';

@ApiTags('compliance')
@Controller('applications/:id/demographics')
export class DemographicsController {
  constructor(private readonly demographics: DemographicsService) {}

  /** Voluntary self-identification (LL144 / EEO-1 categories), sent by the portal for the candidate. */
  @Post()
  @HttpCode(201)
  @Access('resumes.upload')
  @ApiCreatedResponse({ type: SelfIdentificationReceipt })
  submit(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Body() dto: SelfIdentificationDto,
  ): Promise<SelfIdentificationReceipt> {
    return this.demographics.submit(org.orgId, id, dto);
  }

  @Get()
  @Access('demographics.read')
  @ApiOkResponse({ type: SelfIdentificationView })
  get(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<SelfIdentificationView> {
    return this.demographics.get(org.orgId, id);
  }
}
