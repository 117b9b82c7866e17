export * from './nip';
export * from './pagination';
export * from './numbers';
