import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { readCompletion } from '../completion-store';

/**
 * A course completion was written (outbox `course.completed`). Re-reads it and records that it was seen. Certificates,
 * JP credit and the SIASN push are further consumers of the same event (EVENT_CONSUMERS), each with its own job.
 */
@Injectable()
@JobHandlerProvider()
export class CourseCompletionRecordedJob implements JobHandler<typeof JobName.CourseCompletionRecorded> {
  readonly jobName = JobName.CourseCompletionRecorded;
  readonly retry: RetryPolicy = { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } };
  private readonly logger = new Logger(CourseCompletionRecordedJob.name);

  constructor(@InjectDataSource() @Inject(DataSource) private readonly db: DataSource) {}

  async handle(data: JobOf<typeof JobName.CourseCompletionRecorded>): Promise<JobResult> {
    const row = await readCompletion(this.db, data.completionId);
    if (!row || row.enrolment_status !== 'completed') {
      this.logger.warn(
        { jobName: this.jobName, completionId: data.completionId },
        'Completion not found or enrolment not completed; skipped',
      );
      return 'skipped';
    }
    this.logger.log(
      {
        jobName: this.jobName,
        completionId: row.id,
        enrolmentId: row.enrolment_id,
        courseId: row.course_id,
        employeeId: row.employee_id,
        jp: Number(row.jp),
      },
      'Course completion recorded',
    );
    return 'success';
  }
}
