import { Module } from '@nestjs/common';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';
import { AgencyTree } from './tree/agency-tree';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationService, AgencyTree],
  exports: [OrganisationService, AgencyTree],
})
export class OrganisationModule {}
