import { Inject, Injectable } from '@nestjs/common';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { VersionUpgradeService } from '@kompeten/server-enrolment';
import type { JobHandler, JobResult } from './job-registry';

/**
 * A course version was published (outbox `course.published`). With `requiresUpgrade` the enrolment domain moves the
 * course's active and pending enrolments to it; otherwise there is nothing to do. Re-running it changes nothing.
 */
@Injectable()
export class CourseVersionPublishedHandler implements JobHandler<typeof JobName.CourseVersionPublished> {
  readonly jobName = JobName.CourseVersionPublished;

  constructor(@Inject(VersionUpgradeService) private readonly upgrades: VersionUpgradeService) {}

  async handle(data: JobOf<typeof JobName.CourseVersionPublished>): Promise<JobResult> {
    return (await this.upgrades.upgradeToPublishedVersion(data)).result;
  }
}
