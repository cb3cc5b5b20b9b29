import { Module } from '@nestjs/common';
import { makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { ApplicationsDataModule } from '../applications/applications-data.module';
import { OutboxSweeper } from '../applications/outbox-sweeper';
import { ResumeParseProcessor } from '../resumes/resume-parse.processor';
import { ResumeParseService } from '../resumes/resume-parse.service';
import { ResumesDataModule } from '../resumes/resumes-data.module';
import { MODEL_INFO, ScreeningModelHolder } from './screening-model.holder';
import { ScreeningProcessor } from './screening.processor';
import { ScreeningService } from './screening.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { RescreenService } from './rescreen.service';

/** The worker's pipeline: parse and screen processors, the model session, the outbox sweeper. */
@Module({
  imports: [ResumesDataModule, ApplicationsDataModule],
  providers: [
    makeGaugeProvider({
      name: MODEL_INFO,
      help: 'Active screening model: 1 for the loaded version and sha',
      labelNames: ['version', 'sha'],
    }),
    ScreeningModelHolder,
    ResumeParseService,
    ResumeParseProcessor,
    ScreeningService,
    ScreeningProcessor,
    OutboxSweeper,
    RescreenService,
    MaintenanceProcessor,
  ],
  exports: [ScreeningModelHolder],
})
export class ScreeningWorkerModule {}
