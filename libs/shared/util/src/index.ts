export * from './nip';
export * from './pagination';
