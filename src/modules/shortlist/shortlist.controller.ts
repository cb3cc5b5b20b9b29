import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentOrg } from '../../common/security/auth.decorators';
import type { OrgContext } from '../../common/tenancy/org-context';
import { toApplicationView } from '../intake/intake.dto';
import { ApplicationDetailService, viewFor } from './application-detail.service';
import { DecisionsService } from './decisions.service';
import {
  ApplicationDetail,
  DecisionDto,
  DetailQuery,
  HistoryEvent,
  ShortlistPage,
  ShortlistQuery,
  toShortlistItem,
} from './shortlist.dto';
import { ShortlistService } from './shortlist.service';

@ApiTags('shortlists')
@Controller()
export class ShortlistController {
  constructor(
    private readonly shortlist: ShortlistService,
    private readonly details: ApplicationDetailService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get('jobs/:id/applications')
  @Access('shortlist.read')
  @ApiOkResponse({ type: ShortlistPage })
  list(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Query() q: ShortlistQuery,
  ): Promise<ShortlistPage> {
    return this.shortlist.list(org.orgId, id, q);
  }

  @Get('applications/:id')
  @Access('shortlist.read')
  @ApiOkResponse({ type: ApplicationDetail })
  async get(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Query() q: DetailQuery,
  ): Promise<ApplicationDetail> {
    const { app, profile, view } = await this.details.get(
      org.orgId,
      id,
      viewFor(org.roles, q.view),
    );
    return { ...toApplicationView(app), view, profile, decision: toShortlistItem(app).decision };
  }

  @Get('applications/:id/history')
  @Access('shortlist.read')
  @ApiOkResponse({ type: [HistoryEvent] })
  history(@CurrentOrg() org: OrgContext, @Param('id') id: string): Promise<HistoryEvent[]> {
    return this.details.history(org.orgId, id);
  }

  @Post('applications/:id/decision')
  @Access('decisions.write')
  @ApiOkResponse({ type: ApplicationDetail })
  async decide(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Body() dto: DecisionDto,
  ): Promise<ApplicationDetail> {
    const app = await this.decisions.decide(org, id, dto.decision, dto.reason);
    return { ...toApplicationView(app), view: 'blind', decision: toShortlistItem(app).decision };
  }
}
