export * from './identity.module';
export * from './auth/auth.service';
export * from './auth/user-time-zone';
export * from './auth/session.service';
export * from './auth/page-session.service';
export { PAGE_COOKIE, pageCookieKey, pageCookieValue, type PageCookie } from './auth/page-cookie';
export { GLOBAL_BUDGET_EXCEEDED_EVENT, LoginThrottle, normaliseUsername } from './auth/login-throttle';
export * from './auth/password';
export * from './auth/session.service';
export * from './employees/employee.service';
export * from './employees/employee-readers';
export * from './accounts/recipient-readers';
export * from './accounts/setup-link-mail';
export * from './read-models';
export * from './provisioning';
export * from './roles/account.service';
export * from './imports/employee-import.runner';
export * from './jobs/identity-jobs.module';
export * from './jobs/employee-import-run.job';
export * from './imports/import-columns';
export * from './entities/employee.entity';
export * from './entities/user-account.entity';
export * from './entities/role-assignment.entity';
export * from './entities/refresh-token.entity';
export * from './entities/employee-import.entity';
export * from './entities/account-setup-link.entity';
export * from './entities/account-event.entity';
export * from './entities/account-reset-request.entity';

import { AccountEventEntity } from './entities/account-event.entity';
import { AccountResetRequestEntity } from './entities/account-reset-request.entity';
import { AccountSetupLinkEntity } from './entities/account-setup-link.entity';
import { EmployeeImportEntity } from './entities/employee-import.entity';
import { EmployeeImportEntryEntity } from './entities/employee-import-entry.entity';
import { EmployeeEntity } from './entities/employee.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { RoleAssignmentEntity } from './entities/role-assignment.entity';
import { UserAccountEntity } from './entities/user-account.entity';
export const IDENTITY_ENTITIES = [
  EmployeeEntity,
  UserAccountEntity,
  RoleAssignmentEntity,
  RefreshTokenEntity,
  EmployeeImportEntity,
  EmployeeImportEntryEntity,
  AccountSetupLinkEntity,
  AccountEventEntity,
  AccountResetRequestEntity,
];
export * from './entities/employee-import-entry.entity';
export * from './imports/employee-import.service';
