export * from './enums';
export * from './errors';
export * from './api';
export * from './jobs';
export * from './course-snapshot';
export * from './assessment';
export * from './enrolment';
export * from './learning';
