import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { JobsDataModule } from '../jobs/jobs-data.module';
import { ApplicationRepository } from './application.repository';
import { Application, ApplicationSchema } from './application.schema';
import { ScreenEnqueuer } from './screen-enqueuer';

/** Application documents and screening enqueueing, shared by the API and the worker. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: Application.name, schema: ApplicationSchema }]),
    JobsDataModule,
  ],
  providers: [ApplicationRepository, ScreenEnqueuer],
  exports: [ApplicationRepository, ScreenEnqueuer, JobsDataModule],
})
export class ApplicationsDataModule {}
