import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { Organization, OrganizationSchema } from './organization.schema';
import { OrgsRepository } from './orgs.repository';
import { OrgsService } from './orgs.service';

/** Persistence and service without HTTP, shared by the API and the CLI. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Organization.name, schema: OrganizationSchema }])],
  providers: [OrgsRepository, OrgsService],
  exports: [OrgsService],
})
export class OrgsDataModule {}
