import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import type { JobHandler, JobResult } from './job-registry';

/**
 * A course completion was written (outbox `course.completed`). Re-reads it and records that it was seen;
 * certificates, JP credit and the SIASN push attach here as they arrive.
 */
@Injectable()
export class CourseCompletionHandler implements JobHandler<typeof JobName.CourseCompletionRecorded> {
  readonly jobName = JobName.CourseCompletionRecorded;
  private readonly logger = new Logger(CourseCompletionHandler.name);

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async handle(data: JobOf<typeof JobName.CourseCompletionRecorded>): Promise<JobResult> {
    const [row] = await this.db.query(
      `SELECT cc.id, cc.enrolment_id, cc.course_id, cc.employee_id, cc.jp, cc.completed_at, en.status
         FROM course_completion cc JOIN enrolment en ON en.id = cc.enrolment_id WHERE cc.id = $1`,
      [data.completionId],
    );
    if (!row || row.status !== 'completed') {
      this.logger.warn({ jobName: this.jobName, completionId: data.completionId }, 'Completion not found or enrolment not completed; skipped');
      return 'skipped';
    }
    this.logger.log(
      { jobName: this.jobName, completionId: row.id, enrolmentId: row.enrolment_id, courseId: row.course_id, employeeId: row.employee_id, jp: Number(row.jp) },
      'Course completion recorded',
    );
    return 'success';
  }
}
