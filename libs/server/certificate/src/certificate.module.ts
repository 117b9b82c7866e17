import { Module } from '@nestjs/common';
import { diskUploadModule } from '@kompeten/server-core';
import { OrganisationModule } from '@kompeten/server-organisation';
import { CertificateCoreModule } from './certificate-core.module';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { TemplatesController } from './templates/templates.controller';
import { MAX_LOGO_BYTES, TemplatesService } from './templates/templates.service';
import { PublicCertificatesController } from './verification/public-certificates.controller';
import { MAX_CHECKED_PDF_BYTES, VerificationService } from './verification/verification.service';

/** Templates (uploads of at most 512 KB: logos). */
@Module({
  imports: [OrganisationModule, diskUploadModule(MAX_LOGO_BYTES, 2)],
  controllers: [TemplatesController],
  providers: [TemplatesService],
})
class CertificateTemplatesModule {}

/** The public verification (uploads of at most 5 MB: a certificate PDF to check). */
@Module({
  imports: [diskUploadModule(MAX_CHECKED_PDF_BYTES, 2)],
  controllers: [PublicCertificatesController],
  providers: [VerificationService],
})
class CertificateVerificationModule {}

/**
 * The certificate domain's HTTP side (issue 17): templates per agency with a live preview, the learner's and the
 * admins' certificates (PDF, Verifiable Credential, revoke, re-issue) and the public verification.
 */
@Module({
  imports: [OrganisationModule, CertificateCoreModule, CertificateTemplatesModule, CertificateVerificationModule],
  controllers: [CertificatesController],
  providers: [CertificatesService],
})
export class CertificateModule {}
