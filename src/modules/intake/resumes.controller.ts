import { Controller, Get, Headers, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, CurrentOrg } from '../../common/security/auth.decorators';
import { UploadThrottle } from '../../common/security/throttling/throttlers';
import type { OrgContext } from '../../common/tenancy/org-context';
import { ResumeAccepted, ResumeView, toResumeView } from './resume.dto';
import { ResumesService } from './resumes.service';

@ApiTags('resumes')
@Controller('resumes')
export class ResumesController {
  constructor(private readonly resumes: ResumesService) {}

  @Post()
  @UploadThrottle()
  @Access('resumes.upload')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiAcceptedResponse({
    type: ResumeAccepted,
    description: '202 new; 200 when the same bytes were stored before',
  })
  async upload(
    @CurrentOrg() org: OrgContext,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') key?: string,
  ): Promise<ResumeAccepted> {
    const { status, body } = await this.resumes.upload(org.orgId, req, key);
    res.status(status);
    return body;
  }

  @Get(':id')
  @Access('applications.read')
  @ApiOkResponse({ type: ResumeView })
  async get(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<ResumeView> {
    return toResumeView(await this.resumes.get(org.orgId, id));
  }

  @Get(':id/file')
  @Access('applications.read')
  @ApiProduces(
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/plain',
  )
  async file(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<StreamableFile> {
    const f = await this.resumes.openFile(org.orgId, id);
    return new StreamableFile(f.stream, {
      type: f.contentType,
      length: f.size,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
    });
  }
}
