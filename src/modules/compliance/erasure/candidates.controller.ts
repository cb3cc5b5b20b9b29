import { Controller, Delete, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsMongoId, IsOptional } from 'class-validator';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { ErasureCertificateView, ErasureService } from './erasure.service';
import { CandidateExport, ExportService } from './export.service';

export class CandidateQuery {
  @ApiPropertyOptional() @IsOptional() @IsMongoId() resumeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string;
}

/** Data-subject requests (GDPR Art. 15, 17, 20), handled by the org's admin. */
@ApiTags('compliance')
@Controller('candidates')
export class CandidatesController {
  constructor(
    private readonly exporter: ExportService,
    private readonly erasure: ErasureService,
  ) {}

  @Get('export')
  @Access('org.admin')
  @ApiOkResponse({
    description: 'Every stored datum about the person as JSON, original files inline (base64)',
  })
  export(@CurrentOrg() org: OrgContext, @Query() q: CandidateQuery): Promise<CandidateExport> {
    return this.exporter.export(org.orgId, q);
  }

  @Delete()
  @Access('org.admin')
  @ApiOkResponse({
    description:
      'The erasure certificate: what was deleted or hashed, when, and what was kept and why',
  })
  erase(
    @CurrentOrg() org: OrgContext,
    @Query() q: CandidateQuery,
  ): Promise<ErasureCertificateView> {
    return this.erasure.eraseByRequest(org, q);
  }

  @Get('erasures/:certificateId')
  @Access('org.admin')
  certificate(
    @CurrentOrg() org: OrgContext,
    @Param('certificateId') id: string,
  ): Promise<ErasureCertificateView> {
    return this.erasure.certificate(org.orgId, id);
  }
}
