import { Module } from '@nestjs/common';
import { OrgsController } from './orgs.controller';
import { OrgsDataModule } from './orgs-data.module';

@Module({
  imports: [OrgsDataModule],
  controllers: [OrgsController],
  exports: [OrgsDataModule],
})
export class OrgsModule {}
