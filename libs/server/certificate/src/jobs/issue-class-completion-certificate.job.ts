import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { JobName, type JobOf } from '@kompeten/shared-contracts';
import { JobHandlerProvider, type JobHandler, type JobResult, type RetryPolicy } from '@kompeten/server-core';
import { ClassCompletionCertificate } from '../issuing/class-completion-certificate';

/**
 * `class.completed` → the class completion's certificate and `certificate.issued`, in one transaction (decision 0037),
 * exactly as a course completion's: no certificate, event or used number survives a worker dying before the commit.
 */
@Injectable()
@JobHandlerProvider()
export class IssueClassCompletionCertificateJob implements JobHandler<typeof JobName.CertificateIssueClassCompletion> {
  readonly jobName = JobName.CertificateIssueClassCompletion;
  readonly retry: RetryPolicy = { attempts: 8, backoff: { type: 'exponential', delay: 10_000 } };

  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(ClassCompletionCertificate) private readonly certificates: ClassCompletionCertificate,
  ) {}

  async handle(data: JobOf<typeof JobName.CertificateIssueClassCompletion>): Promise<JobResult> {
    try {
      return await this.db.transaction((m) => this.certificates.issue(m, data.classCompletionId));
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
