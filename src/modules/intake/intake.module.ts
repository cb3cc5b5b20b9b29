import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ApplicationsDataModule } from '../applications/applications-data.module';
import { ResumesDataModule } from '../resumes/resumes-data.module';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationsController } from './applications.controller';
import { IdempotencyKey, IdempotencyKeySchema } from './idempotency.schema';
import { IdempotencyStore } from './idempotency.store';
import { ResumeIntakeService } from './resume-intake.service';
import { ResumesController } from './resumes.controller';
import { ResumesService } from './resumes.service';

/** The API side of the main flow: uploads in, applications and their status out. */
@Module({
  imports: [
    ResumesDataModule,
    ApplicationsDataModule,
    MongooseModule.forFeature([{ name: IdempotencyKey.name, schema: IdempotencyKeySchema }]),
  ],
  controllers: [ApplicationsController, ResumesController],
  providers: [ApplicationIntakeService, ResumeIntakeService, ResumesService, IdempotencyStore],
})
export class IntakeModule {}
