import { Module } from '@nestjs/common';
import { CertificateCoreModule } from '../certificate-core.module';
import { IssueCourseCompletionCertificateJob } from './issue-course-completion-certificate.job';

/** The certificate domain's job handlers, for the worker. */
@Module({
  imports: [CertificateCoreModule],
  providers: [IssueCourseCompletionCertificateJob],
  exports: [IssueCourseCompletionCertificateJob],
})
export class CertificateJobsModule {}
