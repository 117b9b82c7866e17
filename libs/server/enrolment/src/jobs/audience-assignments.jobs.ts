import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { AudienceApplier } from '../audience-applier';

const RETRY: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };

/**
 * An ASN was created, moved unit, changed position or became active (identity's `employee.placement-changed`): every
 * live audience assignment they now belong to enrols them. Idempotent: delivered twice, it enrols once.
 */
@Injectable()
@JobHandlerProvider()
export class AudienceEnrolEmployeeJob implements JobHandler<typeof JobName.AudienceEnrolEmployee> {
  readonly jobName = JobName.AudienceEnrolEmployee;
  readonly retry = RETRY;
  private readonly logger = new Logger(AudienceEnrolEmployeeJob.name);

  constructor(@Inject(AudienceApplier) private readonly applier: AudienceApplier) {}

  async handle(data: JobOf<typeof JobName.AudienceEnrolEmployee>): Promise<JobResult> {
    const enrolled = await this.applier.forEmployee(data.employeeId);
    this.logger.log({ jobName: this.jobName, employeeId: data.employeeId, enrolled }, 'Audience assignments applied');
    return enrolled > 0 ? 'success' : 'skipped';
  }
}

/** An employee import finished (identity's `employee-import.completed`): every live assignment is applied again. */
@Injectable()
@JobHandlerProvider()
export class AudienceApplyImportJob implements JobHandler<typeof JobName.AudienceApplyImport> {
  readonly jobName = JobName.AudienceApplyImport;
  readonly retry = RETRY;

  constructor(@Inject(AudienceApplier) private readonly applier: AudienceApplier) {}

  async handle(data: JobOf<typeof JobName.AudienceApplyImport>): Promise<JobResult> {
    return (await this.applier.all(`import ${data.importId}`)) > 0 ? 'success' : 'skipped';
  }
}

/**
 * Every 10 minutes, every live assignment is applied again: an assignment whose start has come, a unit moved in the
 * tree, or an event lost before it was written (a direct database change) are caught up. Idempotent.
 */
@Injectable()
@JobHandlerProvider()
export class AudienceSweepJob implements JobHandler<typeof JobName.AudienceSweep> {
  readonly jobName = JobName.AudienceSweep;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 10 * 60_000;

  constructor(@Inject(AudienceApplier) private readonly applier: AudienceApplier) {}

  async handle(): Promise<JobResult> {
    return (await this.applier.all('sweep')) > 0 ? 'success' : 'skipped';
  }
}
