export * from './test-env';
export * from './test-database';
export * from './test-config';
// Data level: rows written with a DataSource, and a whole small world in one call.
export * from './factories/ids';
export * from './factories/organisation';
export * from './factories/people';
export * from './factories/courses';
export * from './factories/quizzes';
export * from './factories/enrolments';
export * from './world';
// A lib's own modules booted on a test database (no HTTP).
export * from './lib-context';
export * from './domain-errors';
// HTTP level: an app booted by the caller (apps/api/test/app.ts passes the API's factory), and clients of its routes.
export * from './api/test-api';
export * from './api/authoring-api';
export * from './api/accounts-api';
export * from './api/binary-body';
export * from './api/key-leaks';
export * from './pdf/pdf-reading';
