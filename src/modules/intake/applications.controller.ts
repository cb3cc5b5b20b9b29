import { Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, CurrentOrg } from '../../common/security/auth.decorators';
import { UploadThrottle } from '../../common/security/throttling/throttlers';
import type { OrgContext } from '../../common/tenancy/org-context';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationAccepted, ApplicationView, BatchResult, toApplicationView } from './intake.dto';

const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'PDF, DOCX or TXT, ≤ 5 MB' },
      externalCandidateId: { type: 'string' },
      source: { type: 'string', example: 'career-site' },
      consent: { type: 'string', example: '{"automatedScreening":true}' },
    },
  },
};

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(private readonly intake: ApplicationIntakeService) {}

  @Post('jobs/:jobId/applications')
  @UploadThrottle()
  @Access('resumes.upload')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(FILE_BODY)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({
    type: ApplicationAccepted,
    description: '202 new; 200 when the resume already applied',
  })
  async apply(
    @CurrentOrg() org: OrgContext,
    @Param('jobId') jobId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') key?: string,
  ): Promise<ApplicationAccepted> {
    const { status, body } = await this.intake.apply(org.orgId, jobId, req, key);
    res.status(status);
    return body;
  }

  @Post('jobs/:jobId/applications/batch')
  @UploadThrottle()
  @Access('resumes.upload')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiAcceptedResponse({ type: BatchResult })
  applyBatch(
    @CurrentOrg() org: OrgContext,
    @Param('jobId') jobId: string,
    @Req() req: Request,
  ): Promise<BatchResult> {
    return this.intake.applyBatch(org.orgId, jobId, req);
  }

  @Post('applications/:id/retry')
  @Access('resumes.upload')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ApplicationView })
  async retry(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<ApplicationView> {
    return toApplicationView(await this.intake.retry(org.orgId, id));
  }
}
