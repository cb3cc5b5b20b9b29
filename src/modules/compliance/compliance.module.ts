import { Module } from '@nestjs/common';
import { ComplianceDataModule } from './compliance-data.module';
import { AuditVerifyController } from './decision-log/audit-verify.controller';
import { DemographicsController } from './demographics/demographics.controller';
import { DemographicsService } from './demographics/demographics.service';
import { CandidatesController } from './erasure/candidates.controller';
import { ExplanationsController } from './explanations/explanations.controller';
import { ExplanationsService } from './explanations/explanations.service';
import { ImpactController } from './impact/impact.controller';
import { ImpactDataSource } from './impact/impact-data.source';
import { ImpactReportService } from './impact/impact-report.service';
import { RetentionController } from './retention/retention.controller';

/** API side of compliance: self-identification, impact report, decision-log verification, explanations, data-subject requests. */
@Module({
  imports: [ComplianceDataModule],
  controllers: [
    DemographicsController,
    ImpactController,
    AuditVerifyController,
    ExplanationsController,
    CandidatesController,
    RetentionController,
  ],
  providers: [DemographicsService, ImpactDataSource, ImpactReportService, ExplanationsService],
})
export class ComplianceModule {}
