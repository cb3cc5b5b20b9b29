import { Module } from '@nestjs/common';
import { ComplianceDataModule } from './compliance-data.module';
import { RetentionScheduler } from './retention/retention.scheduler';

/** Worker side of compliance: the retention sweep (and the decision log, which is global). */
@Module({
  imports: [ComplianceDataModule],
  providers: [RetentionScheduler],
  exports: [RetentionScheduler],
})
export class ComplianceWorkerModule {}
