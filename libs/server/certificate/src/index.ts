export * from './numbering/certificate-number';
export * from './numbering/sequence-store';
export * from './signing/certificate-signer';
export * from './entities/certificate-sequence.entity';

import { CertificateSequenceEntity } from './entities/certificate-sequence.entity';
export const CERTIFICATE_ENTITIES = [CertificateSequenceEntity];
