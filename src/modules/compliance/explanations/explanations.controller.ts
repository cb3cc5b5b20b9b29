import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../../libs/common/errors';
import { Access, CurrentOrg } from '../../../common/security/auth.decorators';
import type { OrgContext } from '../../../common/tenancy/org-context';
import { ApplicationRepository } from '../../applications/application.repository';
import { JobRepository } from '../../jobs/job.repository';
import {
  candidateExplanation,
  CandidateExplanation,
  ExplanationState,
} from './candidate-explanation';

const IN_PROGRESS = ['received', 'queued', 'parsing', 'parsed', 'screening'];

@ApiTags('compliance')
@Controller('applications/:id/explanation')
export class ExplanationsController {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly jobs: JobRepository,
  ) {}

  /** A plain-language explanation a recruiter can send to the candidate unchanged. */
  @Get()
  @Access('applications.read')
  @ApiQuery({ name: 'audience', enum: ['candidate'], required: false })
  @ApiOkResponse({
    description:
      'Main factors in plain language, with no internal weights and nothing about other candidates',
  })
  async get(
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
    const app = await this.applications.findById(org.orgId, id);
    if (!app) throw new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found');
    if (IN_PROGRESS.includes(app.status)) {
      throw new DomainError(
        'EXPLANATION.NOT_READY',
        `The application is ${app.status}; ask again once it is screened.`,
        'conflict',
      );
    }
    const job = await this.jobs.findById(org.orgId, app.jobId);
    const state: ExplanationState = app.optOutAutomated
      ? 'opted_out'
      : app.score === undefined || app.score === null
        ? 'manual_review'
        : 'scored';
    return candidateExplanation(id, job?.title ?? 'the advertised role', state, app.explanation);
  }
}
