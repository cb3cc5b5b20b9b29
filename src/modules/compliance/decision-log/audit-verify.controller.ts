import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../../libs/common/errors';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import type { ChainEntry } from './decision-chain';
import { DecisionLogMaintenance } from './decision-log.maintenance';
import { ChainReport, DecisionLogService } from './decision-log.service';

@ApiTags('compliance')
@Controller('audit')
export class AuditVerifyController {
  constructor(
    private readonly log: DecisionLogService,
    private readonly maintenance: DecisionLogMaintenance,
  ) {}

  /** Walks the org's hash-chained decision log and reports the first broken link, if any. */
  @Get('verify')
  @Access('audit.read')
  @ApiOkResponse({
    description:
      '{ ok, checked, firstSeq, lastSeq, headHash, brokenLink: { seq, problem, detail } | null }',
  })
  verify(@CurrentOrg() org: OrgContext): Promise<ChainReport> {
    return this.log.verify(org.orgId);
  }

  /** The decision-log entries of one application, oldest first. */
  @Get('decision-log')
  @Access('audit.read')
  @ApiQuery({ name: 'applicationId', required: true })
  async entries(
    @CurrentOrg() org: OrgContext,
    @Query('applicationId') applicationId?: string,
  ): Promise<ChainEntry[]> {
    if (typeof applicationId !== 'string' || !/^[a-f\d]{24}$/i.test(applicationId)) {
      throw new DomainError(
        'AUDIT.BAD_QUERY',
        'applicationId must be an application id.',
        'validation',
      );
    }
    return this.maintenance.forApplications(org.orgId, [applicationId]);
  }
}
