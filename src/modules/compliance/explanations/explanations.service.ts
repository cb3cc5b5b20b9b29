import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import { ApplicationRepository } from '../../applications/application.repository';
import type { ApplicationStatus } from '../../applications/application.schema';
import { JobRepository } from '../../jobs/job.repository';
import {
  candidateExplanation,
  CandidateExplanation,
  ExplanationState,
} from './candidate-explanation';

const IN_PROGRESS: ApplicationStatus[] = ['received', 'queued', 'parsing', 'parsed', 'screening'];

@Injectable()
export class ExplanationsService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly jobs: JobRepository,
  ) {}

  async forCandidate(orgId: string, id: string): Promise<CandidateExplanation> {
    const app = await this.applications.findById(orgId, id);
    if (!app) throw new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found');
    if (IN_PROGRESS.includes(app.status)) {
      throw new DomainError(
        'EXPLANATION.NOT_READY',
        `The application is ${app.status}; ask again once it is screened.`,
        'conflict',
      );
    }
    const job = await this.jobs.findById(orgId, app.jobId);
    const scored = app.score !== undefined && app.score !== null;
    const state: ExplanationState = app.optOutAutomated
      ? 'opted_out'
      : scored
        ? 'scored'
        : 'manual_review';
    return candidateExplanation(id, job?.title ?? 'the advertised role', state, app.explanation);
  }
}
