import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../libs/common/errors';
import { ApplicationRepository } from '../../applications/application.repository';
import {
  SelfIdentificationDto,
  SelfIdentificationReceipt,
  SelfIdentificationView,
} from './demographics.dto';
import { DemographicsRepository } from './demographics.repository';

const notFound = () =>
  new DomainError('APPLICATION.NOT_FOUND', 'No such application.', 'not_found');

/** Voluntary self-identification: written by the portal for the candidate, read only by auditors and admins. */
@Injectable()
export class DemographicsService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly demographics: DemographicsRepository,
  ) {}

  async submit(
    orgId: string,
    applicationId: string,
    dto: SelfIdentificationDto,
  ): Promise<SelfIdentificationReceipt> {
    const app = await this.applications.findById(orgId, applicationId);
    if (!app) throw notFound();
    const submittedAt = new Date();
    await this.demographics.upsert({
      orgId,
      applicationId,
      resumeId: app.resumeId,
      jobId: app.jobId,
      sex: dto.sex,
      raceEthnicity: [...dto.raceEthnicity].sort(),
      submittedAt,
    });
    // The answers are not echoed: whoever submits (a recruiter's tool, say) may not read them.
    return { applicationId, recorded: true, submittedAt };
  }

  async get(orgId: string, applicationId: string): Promise<SelfIdentificationView> {
    const found = await this.demographics.findByApplication(orgId, applicationId);
    if (!found)
      throw new DomainError(
        'DEMOGRAPHICS.NOT_FOUND',
        'No self-identification was submitted for this application.',
        'not_found',
      );
    return {
      applicationId,
      jobId: found.jobId,
      sex: found.sex,
      raceEthnicity: found.raceEthnicity,
      submittedAt: found.submittedAt,
    };
  }
}
