import { Inject, Injectable } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { EmployeeImportRunner } from '@kompeten/server-identity';
import type { JobHandler, JobResult } from './job-registry';

@Injectable()
export class EmployeeImportHandler implements JobHandler<typeof JobName.EmployeeImportRun> {
  readonly jobName = JobName.EmployeeImportRun;
  constructor(@Inject(EmployeeImportRunner) private readonly runner: EmployeeImportRunner) {}

  handle(data: JobOf<typeof JobName.EmployeeImportRun>): Promise<JobResult> {
    return this.runner.run(data.importId);
  }
}
