import { Module } from '@nestjs/common';
import { EmployeeImportRunner } from '../imports/employee-import.runner';
import { EmployeeImportRunJob } from './employee-import-run.job';

/** The identity domain's job handlers, for the worker. */
@Module({
  providers: [EmployeeImportRunner, EmployeeImportRunJob],
  exports: [EmployeeImportRunJob],
})
export class IdentityJobsModule {}
