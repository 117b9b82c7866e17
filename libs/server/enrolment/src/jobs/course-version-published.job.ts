import { Inject, Injectable } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { VersionUpgradeService } from '../version-upgrade.service';

/**
 * A course version was published (outbox `course.published`). With `requiresUpgrade` the course's active and pending
 * enrolments move to it; otherwise there is nothing to do. Re-running it changes nothing.
 */
@Injectable()
@JobHandlerProvider()
export class CourseVersionPublishedJob implements JobHandler<typeof JobName.CourseVersionPublished> {
  readonly jobName = JobName.CourseVersionPublished;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };

  constructor(@Inject(VersionUpgradeService) private readonly upgrades: VersionUpgradeService) {}

  async handle(data: JobOf<typeof JobName.CourseVersionPublished>): Promise<JobResult> {
    return (await this.upgrades.upgradeToPublishedVersion(data)).result;
  }
}
