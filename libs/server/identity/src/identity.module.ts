import { Module } from '@nestjs/common';
import { diskUploadModule } from '@kompeten/server-core';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AccountController } from './accounts/account.controller';
import { ResetRequestController } from './accounts/reset-request.controller';
import { ResetRequestService } from './accounts/reset-request.service';
import { SetupLinkService } from './accounts/setup-link.service';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { PageSessionService } from './auth/page-session.service';
import { SessionService } from './auth/session.service';
import { EmployeeController } from './employees/employee.controller';
import { EmployeeService } from './employees/employee.service';
import { EmployeeImportController } from './imports/employee-import.controller';
import { EmployeeImportRunner } from './imports/employee-import.runner';
import { EmployeeImportService } from './imports/employee-import.service';
import { AccountService } from './roles/account.service';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

@Module({
  imports: [OrganisationModule, diskUploadModule(MAX_IMPORT_BYTES)],
  controllers: [
    AuthController,
    EmployeeController,
    EmployeeImportController,
    AuditController,
    AccountController,
    ResetRequestController,
  ],
  providers: [
    AuthService,
    SessionService,
    PageSessionService,
    EmployeeService,
    AccountService,
    EmployeeImportService,
    EmployeeImportRunner,
    LoginThrottle,
    SetupLinkService,
    AuditService,
    ResetRequestService,
  ],
  exports: [AuthService, SessionService, PageSessionService, EmployeeService, AccountService, EmployeeImportService],
})
export class IdentityModule {}
