import { Module } from '@nestjs/common';
import { JobsDataModule } from './jobs-data.module';
import { JobsController } from './jobs.controller';
import { JobPostingReader } from './job-posting-reader';
import { JobsService } from './jobs.service';

@Module({
  imports: [JobsDataModule],
  controllers: [JobsController],
  providers: [JobsService, JobPostingReader],
  exports: [JobsService],
})
export class JobsModule {}
