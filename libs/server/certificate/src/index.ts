export * from './numbering/certificate-number';
export * from './numbering/sequence-store';
export * from './signing/certificate-signer';
export * from './entities/certificate-sequence.entity';
export * from './entities/certificate.entity';
export * from './rendering/certificate-content';
export * from './rendering/render-certificate';
export * from './issuing/certificate-store';
export * from './issuing/certificate-issuing';

import { CertificateSequenceEntity } from './entities/certificate-sequence.entity';
import { CertificateEntity, CertificateKeyEntity } from './entities/certificate.entity';
export const CERTIFICATE_ENTITIES = [CertificateSequenceEntity, CertificateKeyEntity, CertificateEntity];
