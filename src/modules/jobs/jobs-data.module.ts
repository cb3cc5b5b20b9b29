import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobCache } from './job-cache';
import { JobRepository } from './job.repository';
import { Job, JobSchema } from './job.schema';

/** Job persistence, shared by the API and the worker. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Job.name, schema: JobSchema }])],
  providers: [JobRepository, JobCache],
  exports: [JobRepository, JobCache],
})
export class JobsDataModule {}
