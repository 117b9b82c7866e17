export * from './access-scope';
export * from './entities/agency.entity';
export * from './entities/work-unit.entity';
export * from './organisation.service';
export * from './organisation.module';
export * from './tree/agency-tree';
export * from './readers';
export * from './read-models';
export * from './provisioning';
export * from './dto/organisation.dto';

import { AgencyEntity } from './entities/agency.entity';
import { WorkUnitEntity } from './entities/work-unit.entity';
export const ORGANISATION_ENTITIES = [AgencyEntity, WorkUnitEntity];
