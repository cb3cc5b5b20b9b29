import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { ImpactQuery, ImpactResponse } from './impact.dto';
import { ImpactReportService } from './impact-report.service';

@ApiTags('compliance')
@Controller('reports')
export class ImpactController {
  constructor(private readonly impact: ImpactReportService) {}

  /** Adverse-impact report per sex, race/ethnicity and intersection; `?format=csv` for auditors. */
  @Get('impact')
  @Access('reports.read')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'Report tables, warnings and an LL144-style summary (JSON), or the tables as CSV',
  })
  async report(
    @CurrentOrg() org: OrgContext,
    @Query() q: ImpactQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImpactResponse | string> {
    const result = await this.impact.report(org.orgId, q);
    if (q.format !== 'csv') return result;
    const name = `impact-${q.jobId ?? 'all-jobs'}-${q.stage}.csv`;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    return this.impact.csv(result);
  }
}
