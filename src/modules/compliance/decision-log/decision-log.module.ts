import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ResumesDataModule } from '../../resumes/resumes-data.module';
import { DecisionLogMaintenance } from './decision-log.maintenance';
import {
  DecisionLogEntry,
  DecisionLogEntrySchema,
  DecisionLogHead,
  DecisionLogHeadSchema,
} from './decision-log.schema';
import { DecisionLogService } from './decision-log.service';

/**
 * Global like AuditModule: the screening worker and the decisions service append to the log
 * without importing the compliance module.
 */
@Global()
@Module({
  imports: [
    ResumesDataModule,
    MongooseModule.forFeature([
      { name: DecisionLogEntry.name, schema: DecisionLogEntrySchema },
      { name: DecisionLogHead.name, schema: DecisionLogHeadSchema },
    ]),
  ],
  providers: [DecisionLogService, DecisionLogMaintenance],
  exports: [DecisionLogService, DecisionLogMaintenance],
})
export class DecisionLogModule {}
