import { Module } from '@nestjs/common';
import { OrphanFileRepository } from './orphan-file.repository';
import { OrphanFileSweeper } from './orphan-file.sweeper';
import { ResumesDataModule } from './resumes-data.module';

/** Worker side of resume storage: the sweep for orphaned GridFS files (never in the API). */
@Module({
  imports: [ResumesDataModule],
  providers: [OrphanFileRepository, OrphanFileSweeper],
})
export class ResumesWorkerModule {}
