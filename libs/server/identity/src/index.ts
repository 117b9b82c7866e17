export * from './identity.module';
export * from './auth/auth.service';
export * from './auth/password';
export * from './employees/employee.service';
export * from './roles/account.service';
export * from './imports/employee-import.runner';
export * from './imports/import-columns';
export * from './entities/employee.entity';
export * from './entities/user-account.entity';
export * from './entities/role-assignment.entity';
export * from './entities/refresh-token.entity';
export * from './entities/employee-import.entity';

import { EmployeeImportEntity } from './entities/employee-import.entity';
import { EmployeeEntity } from './entities/employee.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { RoleAssignmentEntity } from './entities/role-assignment.entity';
import { UserAccountEntity } from './entities/user-account.entity';
export const IDENTITY_ENTITIES = [EmployeeEntity, UserAccountEntity, RoleAssignmentEntity, RefreshTokenEntity, EmployeeImportEntity];
