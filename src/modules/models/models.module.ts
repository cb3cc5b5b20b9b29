import { Module } from '@nestjs/common';
import { ApplicationsDataModule } from '../applications/applications-data.module';
import { ModelsController } from './models.controller';
import { ModelsService } from './models.service';

/** Admin view of the model registry: versions, re-scoring through the queue, shadow reports. */
@Module({
  imports: [ApplicationsDataModule],
  controllers: [ModelsController],
  providers: [ModelsService],
})
export class ModelsModule {}
