export * from './golongan';
export * from './nip';
export * from './pagination';
export * from './numbers';
export * from './csv';
export * from './time-zone';
export * from './jp';
