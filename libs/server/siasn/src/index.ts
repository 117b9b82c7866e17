export * from './client/siasn-config';
export * from './client/siasn-errors';
export * from './client/siasn-client';
export * from './mapping/kursus-mapping';
export * from './entities/siasn-push.entity';
export * from './push/push-store';
export * from './push/retry-delay';
export * from './push/rate-limiter';
export * from './push/siasn-delivery';
export * from './credentials/secret-box';
export * from './entities/siasn-credential.entity';
export * from './entities/siasn-reconciliation.entity';
export * from './entities/siasn-ip-asn.entity';
export * from './platform/siasn-connections';
export * from './platform/siasn-pushes';
export * from './platform/certificate-push';
export * from './reconciliation/reconciliation';
export * from './jobs/siasn.jobs';
export * from './siasn.module';

import { SiasnPushEntity } from './entities/siasn-push.entity';
import { SiasnCredentialEntity } from './entities/siasn-credential.entity';
import { SiasnIpAsnEntity } from './entities/siasn-ip-asn.entity';
import { SiasnReconciliationItemEntity, SiasnReconciliationRunEntity } from './entities/siasn-reconciliation.entity';
export const SIASN_ENTITIES = [
  SiasnPushEntity,
  SiasnCredentialEntity,
  SiasnReconciliationRunEntity,
  SiasnReconciliationItemEntity,
  SiasnIpAsnEntity,
];
