import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { classesWithReleasedSeats } from '../registration/registration-store';
import { fillFromWaitlist } from '../registration/waitlist-promotion';

/**
 * Every minute (decision 0034): when a class passes its quota release date, the quota seats nobody took are open to
 * all, and the people waiting get them in arrival order — newcomers never pass them (the registration statement gives
 * a released seat only when nobody waits). One transaction per class under its row lock; idempotent: a class with
 * nothing free or nobody waiting is not selected, and a second run finds nothing to do.
 */
@Injectable()
@JobHandlerProvider()
export class PromoteReleasedQuotasJob implements JobHandler<typeof JobName.CalendarPromoteReleasedQuotas> {
  readonly jobName = JobName.CalendarPromoteReleasedQuotas;
  readonly retry: RetryPolicy = { attempts: 1 };
  readonly everyMs = 60_000;
  private readonly logger = new Logger(PromoteReleasedQuotasJob.name);

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async handle(_data: JobOf<typeof JobName.CalendarPromoteReleasedQuotas>): Promise<JobResult> {
    const classes = await classesWithReleasedSeats(this.db.manager);
    let promoted = 0;
    for (const classId of classes) {
      const ids = await this.db.transaction((m) => fillFromWaitlist(m, classId));
      promoted += ids.length;
      if (ids.length)
        this.logger.log({ jobName: this.jobName, classId, promoted: ids.length }, 'Released quota seats filled');
    }
    return promoted ? 'success' : 'skipped';
  }
}
