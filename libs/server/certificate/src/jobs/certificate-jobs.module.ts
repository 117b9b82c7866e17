import { Module } from '@nestjs/common';
import { CertificateCoreModule } from '../certificate-core.module';
import { IssueClassCompletionCertificateJob } from './issue-class-completion-certificate.job';
import { IssueCourseCompletionCertificateJob } from './issue-course-completion-certificate.job';

/** The certificate domain's job handlers, for the worker. */
@Module({
  imports: [CertificateCoreModule],
  providers: [IssueCourseCompletionCertificateJob, IssueClassCompletionCertificateJob],
  exports: [IssueCourseCompletionCertificateJob, IssueClassCompletionCertificateJob],
})
export class CertificateJobsModule {}
