export * from './client/siasn-config';
export * from './client/siasn-errors';
export * from './client/siasn-client';
export * from './mapping/kursus-mapping';
