import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsMongoId, IsOptional } from 'class-validator';
import { Access, CurrentOrg } from '../../common/security/auth.decorators';
import type { OrgContext } from '../../common/tenancy/org-context';
import { ModelsService } from './models.service';

class JobScopeQuery {
  @IsOptional()
  @IsMongoId()
  jobId?: string;
}

@ApiTags('models')
@Controller('admin/models')
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @Access('org.admin')
  @ApiOkResponse({
    description: 'installed versions with sha256, metrics, and which is active or in shadow',
  })
  list() {
    return this.models.list();
  }

  @Post(':version/rescore')
  @Access('org.admin')
  @HttpCode(202)
  @ApiQuery({ name: 'jobId', required: false })
  @ApiAcceptedResponse({ description: 're-scoring queued for the job, or every job of the org' })
  rescore(
    @CurrentOrg() org: OrgContext,
    @Param('version') version: string,
    @Query() q: JobScopeQuery,
  ) {
    return this.models.rescore(org.orgId, version, q.jobId);
  }

  @Get(':version/shadow-report')
  @Access('org.admin')
  @ApiQuery({ name: 'jobId', required: false })
  @ApiOkResponse({
    description: 'rank correlation, label changes and score deltas against the active model',
  })
  shadowReport(
    @CurrentOrg() org: OrgContext,
    @Param('version') version: string,
    @Query() q: JobScopeQuery,
  ) {
    return this.models.shadowReport(org.orgId, version, q.jobId);
  }
}
