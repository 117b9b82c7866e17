export * from './enums';
export * from './errors';
export * from './api';
export * from './jobs';
export * from './course-snapshot';
