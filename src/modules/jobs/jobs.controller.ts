import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../common/security/auth.decorators';
import { UploadThrottle } from '../../common/security/throttling/throttlers';
import type { OrgContext } from '../../common/tenancy/org-context';
import { CreateJobDto, JobPage, JobView, ListJobsQuery, toJobView, UpdateJobDto } from './job.dto';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post()
  @Access('jobs.write')
  @ApiCreatedResponse({ type: JobView })
  async create(@CurrentOrg() org: OrgContext, @Body() dto: CreateJobDto): Promise<JobView> {
    return toJobView(await this.jobs.create(org.orgId, org.actor.sub, dto));
  }

  @Post('from-file')
  @UploadThrottle()
  @Access('jobs.write')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF, DOCX or Markdown posting' },
      },
    },
  })
  @ApiCreatedResponse({ type: JobView, description: 'a draft with the extracted requirements' })
  async fromFile(@CurrentOrg() org: OrgContext, @Req() req: Request): Promise<JobView> {
    return toJobView(await this.jobs.createFromFile(org.orgId, org.actor.sub, req));
  }

  @Get()
  @Access('jobs.read')
  @ApiOkResponse({ type: JobPage })
  list(@CurrentOrg() org: OrgContext, @Query() q: ListJobsQuery): Promise<JobPage> {
    return this.jobs.list(org.orgId, q.status, q.cursor, q.limit);
  }

  @Get(':id')
  @Access('jobs.read')
  @ApiOkResponse({ type: JobView })
  @ApiNotFoundResponse({ description: 'JOB.NOT_FOUND' })
  get(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<JobView> {
    return this.jobs.get(org.orgId, id);
  }

  @Patch(':id')
  @Access('jobs.write')
  @ApiOkResponse({
    type: JobView,
    description: 'a requirements change bumps `revision` and re-screens',
  })
  @ApiConflictResponse({ description: 'JOB.INVALID_TRANSITION' })
  async update(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Body() dto: UpdateJobDto,
  ): Promise<JobView> {
    return toJobView(await this.jobs.update(org.orgId, id, dto));
  }

  @Post(':id/close')
  @Access('jobs.write')
  @HttpCode(200)
  @ApiOkResponse({ type: JobView })
  async close(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.setStatus(org.orgId, id, 'closed'));
  }

  @Post(':id/archive')
  @Access('jobs.write')
  @HttpCode(200)
  @ApiOkResponse({ type: JobView })
  async archive(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.setStatus(org.orgId, id, 'archived'));
  }
}
