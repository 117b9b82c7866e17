export * from './golongan';
export * from './nip';
export * from './pagination';
