export * from './numbering/certificate-number';
export * from './numbering/sequence-store';
export * from './signing/certificate-signer';
export * from './entities/certificate-sequence.entity';
export * from './entities/certificate.entity';
export * from './entities/certificate-template.entity';
export * from './rendering/certificate-content';
export * from './rendering/render-certificate';
export * from './issuing/certificate-store';
export * from './issuing/certificate-issuing';
export * from './issuing/course-completion-certificate';
export * from './issuing/class-completion-certificate';
export * from './templates/template-rules';
export * from './templates/template-store';
export * from './certificate-core.module';
export * from './jobs/certificate-jobs.module';
export * from './jobs/issue-course-completion-certificate.job';
export * from './jobs/issue-class-completion-certificate.job';

import { CertificateSequenceEntity } from './entities/certificate-sequence.entity';
import { CertificateLogoEntity, CertificateTemplateEntity } from './entities/certificate-template.entity';
import { CertificateEntity, CertificateKeyEntity } from './entities/certificate.entity';
export const CERTIFICATE_ENTITIES = [
  CertificateSequenceEntity,
  CertificateKeyEntity,
  CertificateEntity,
  CertificateLogoEntity,
  CertificateTemplateEntity,
];
export * from './certificate.module';
export * from './credentials/open-badge-credential';
export * from './credentials/multibase';
export * from './certificates/certificates.service';
export * from './templates/templates.service';
export * from './verification/verification.service';
