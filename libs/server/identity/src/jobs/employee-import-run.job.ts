import { Inject, Injectable } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { EmployeeImportRunner } from '../imports/employee-import.runner';

type Data = JobOf<typeof JobName.EmployeeImportRun>;

/** Outbox `employee-import.requested` → runs the import. A retry resumes from the lines already recorded. */
@Injectable()
@JobHandlerProvider()
export class EmployeeImportRunJob implements JobHandler<typeof JobName.EmployeeImportRun> {
  readonly jobName = JobName.EmployeeImportRun;
  readonly retry: RetryPolicy = { attempts: 3, backoff: { type: 'exponential', delay: 5_000 } };

  constructor(@Inject(EmployeeImportRunner) private readonly runner: EmployeeImportRunner) {}

  handle(data: Data): Promise<JobResult> {
    return this.runner.run(data.importId);
  }

  onGiveUp(data: Data): Promise<void> {
    return this.runner.giveUp(data.importId);
  }
}
