import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { enrolForConfirmedClass } from '@kompeten/server-enrolment';
import { linkedCourseOf } from '../registration/registration-store';

/**
 * Consumer of `class-registration.confirmed` (decision 0034): a learner confirmed into a class whose offering links an
 * e-learning course (pre-work, the blended part) is enrolled in it through enrolment's exported function — calendar
 * never writes enrolment's tables. Re-reads the registration: cancelled since, no linked course, or an enrolment
 * already there → skipped. Idempotent through enrolment's unique course + learner pair.
 */
@Injectable()
@JobHandlerProvider()
export class EnrolLinkedCourseJob implements JobHandler<typeof JobName.CalendarEnrolLinkedCourse> {
  readonly jobName = JobName.CalendarEnrolLinkedCourse;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } };
  private readonly logger = new Logger(EnrolLinkedCourseJob.name);

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async handle(data: JobOf<typeof JobName.CalendarEnrolLinkedCourse>): Promise<JobResult> {
    const r = await linkedCourseOf(this.db.manager, data.registrationId);
    if (!r || r.status !== 'confirmed' || !r.course_id) return 'skipped';
    const outcome = await enrolForConfirmedClass(this.db.manager, { courseId: r.course_id, employeeId: r.employee_id });
    if (outcome !== 'created') {
      this.logger.log(
        { jobName: this.jobName, registrationId: data.registrationId, courseId: r.course_id, outcome },
        'Linked course: no new enrolment',
      );
      return 'skipped';
    }
    return 'success';
  }
}
