export * from './client/siasn-config';
export * from './client/siasn-errors';
export * from './client/siasn-client';
export * from './mapping/kursus-mapping';
export * from './entities/siasn-push.entity';
export * from './push/push-store';
export * from './push/retry-delay';
export * from './push/rate-limiter';
export * from './push/siasn-delivery';

import { SiasnPushEntity } from './entities/siasn-push.entity';
export const SIASN_ENTITIES = [SiasnPushEntity];
