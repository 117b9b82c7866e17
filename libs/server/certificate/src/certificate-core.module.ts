import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@kompeten/server-core';
import { LearningCoreModule } from '@kompeten/server-learning';
import { CertificateIssuing } from './issuing/certificate-issuing';
import { ClassCompletionCertificate } from './issuing/class-completion-certificate';
import { CourseCompletionCertificate } from './issuing/course-completion-certificate';
import { signerFromConfig, type CertificateSigner } from './signing/certificate-signer';

/** The deployment's signer (a BSrE adapter would be bound here instead, decision 0030). */
export const CERTIFICATE_SIGNER = Symbol('CERTIFICATE_SIGNER');

const CORE = [CertificateIssuing, CourseCompletionCertificate, ClassCompletionCertificate];

/** Issuing certificates without HTTP: what the worker's job and the API's controllers share. */
@Module({
  imports: [LearningCoreModule],
  providers: [
    { provide: CERTIFICATE_SIGNER, inject: [APP_CONFIG], useFactory: (c: AppConfig) => signerFromConfig(c) },
    {
      provide: CertificateIssuing,
      inject: [CERTIFICATE_SIGNER, APP_CONFIG],
      useFactory: (signer: CertificateSigner, c: AppConfig) => new CertificateIssuing(signer, c.publicUrl),
    },
    CourseCompletionCertificate,
    ClassCompletionCertificate,
  ],
  exports: [...CORE, CERTIFICATE_SIGNER],
})
export class CertificateCoreModule {}
