import { InitialSchema1795500000000 } from './1795500000000-InitialSchema';

/** Every migration, in order. Listed explicitly so the bundle-free build and tests need no globbing. */
export const MIGRATIONS = [InitialSchema1795500000000];
