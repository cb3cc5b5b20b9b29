import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../../libs/common/errors';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import type { CandidateExplanation } from './candidate-explanation';
import { ExplanationsService } from './explanations.service';

@ApiTags('compliance')
@Controller('applications/:id/explanation')
export class ExplanationsController {
  constructor(private readonly explanations: ExplanationsService) {}

  /** A plain-language explanation a recruiter can send to the candidate unchanged. */
  @Get()
  @Access('applications.read')
  @ApiQuery({ name: 'audience', enum: ['candidate'], required: false })
  @ApiOkResponse({
    description:
      'Main factors in plain language, with no internal weights and nothing about other candidates',
  })
  get(
    @CurrentOrg() org: OrgContext,
    @Param('id') id: string,
    @Query('audience') audience = 'candidate',
  ): Promise<CandidateExplanation> {
    if (audience !== 'candidate') {
      throw new DomainError(
        'EXPLANATION.BAD_AUDIENCE',
        'audience must be "candidate" (recruiters see the full explanation on GET /applications/:id).',
        'validation',
      );
    }
    return this.explanations.forCandidate(org.orgId, id);
  }
}
