import { Module } from '@nestjs/common';
import { ApplicationsDataModule } from '../applications/applications-data.module';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { ResumesDataModule } from '../resumes/resumes-data.module';
import { ApplicationDetailService } from './application-detail.service';
import { DecisionsService } from './decisions.service';
import { ShortlistController } from './shortlist.controller';
import { ShortlistService } from './shortlist.service';

/** Recruiters' and hiring managers' read side, and the human decisions. */
@Module({
  imports: [ApplicationsDataModule, ResumesDataModule, JobsModule, AuditModule],
  controllers: [ShortlistController],
  providers: [ShortlistService, ApplicationDetailService, DecisionsService],
})
export class ShortlistModule {}
