import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { CourseCompletionCertificate } from '../issuing/course-completion-certificate';

/**
 * `course.completed` → the completion's certificate and `certificate.issued`, in one transaction: a worker that dies
 * before the commit leaves no certificate, no event and no used number; a retry after it finds the certificate.
 */
@Injectable()
@JobHandlerProvider()
export class IssueCourseCompletionCertificateJob implements JobHandler<
  typeof JobName.CertificateIssueCourseCompletion
> {
  readonly jobName = JobName.CertificateIssueCourseCompletion;
  readonly retry: RetryPolicy = { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } };

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(CourseCompletionCertificate) private readonly certificates: CourseCompletionCertificate,
  ) {}

  async handle(data: JobOf<typeof JobName.CertificateIssueCourseCompletion>): Promise<JobResult> {
    try {
      return await this.db.transaction((m) => this.certificates.issue(m, data.completionId));
    } catch (e) {
      // Two deliveries at once: the other one's certificate holds the source's unique index; it is issued.
      if (
        e instanceof QueryFailedError &&
        (e.driverError as { constraint?: string }).constraint === 'uq_certificate_source_valid'
      )
        return 'success';
      throw e;
    }
  }
}
