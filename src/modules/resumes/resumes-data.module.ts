import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { FileStorage } from '../../infra/storage/file-storage';
import { ResumeRepository } from './resume.repository';
import { Resume, ResumeSchema } from './resume.schema';

/** Resume documents and their original files, shared by the API and the worker. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Resume.name, schema: ResumeSchema }])],
  providers: [ResumeRepository, FileStorage],
  exports: [ResumeRepository, FileStorage],
})
export class ResumesDataModule {}
