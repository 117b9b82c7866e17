import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { APP_CONFIG, type AppConfig } from '@kompeten/server-core';
import { OrganisationModule } from '@kompeten/server-organisation';
import { AccountController } from './accounts/account.controller';
import { SetupLinkService } from './accounts/setup-link.service';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle';
import { SessionService } from './auth/session.service';
import { EmployeeController } from './employees/employee.controller';
import { EmployeeService } from './employees/employee.service';
import { EmployeeImportController } from './imports/employee-import.controller';
import { EmployeeImportRunner } from './imports/employee-import.runner';
import { EmployeeImportService } from './imports/employee-import.service';
import { AccountService } from './roles/account.service';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

@Module({
  imports: [
    OrganisationModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const dir = join(config.storageDir, 'tmp');
        mkdirSync(dir, { recursive: true });
        // Streams uploads to disk: a 60,000-row CSV never sits in memory.
        return { storage: diskStorage({ destination: dir }), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } };
      },
    }),
  ],
  controllers: [AuthController, EmployeeController, EmployeeImportController, AuditController, AccountController],
  providers: [AuthService, SessionService, EmployeeService, AccountService, EmployeeImportService, EmployeeImportRunner, LoginThrottle, SetupLinkService],
  exports: [AuthService, SessionService, EmployeeService, AccountService],
})
export class IdentityModule {}
