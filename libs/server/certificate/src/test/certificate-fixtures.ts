import type { DataSource } from 'typeorm';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES } from '@kompeten/server-organisation';
import { CERTIFICATE_ENTITIES } from '../index';

/** Test data for the certificate lib's integration specs (rows written in SQL, as the testing lib's factories do). */

export const CERTIFICATE_TEST_ENTITIES = [
  ...CORE_ENTITIES,
  ...ORGANISATION_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...LEARNING_ENTITIES,
  ...ENROLMENT_ENTITIES,
  ...CERTIFICATE_ENTITIES,
];

/** A completed enrolment begun at `startedAt` and its completion at `completedAt`, as enrolment's rule writes them. */
export async function completeCourse(
  db: DataSource,
  o: { employeeId: string; courseId: string; versionId: string; jp: number; completedAt: string; startedAt?: string },
): Promise<string> {
  const [en] = await db.query(
    `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status, completed_at, created_at)
     SELECT $1, $2, e.id, e.agency_id, 'self', 'completed', $4, $5 FROM employee e WHERE e.id = $3 RETURNING id`,
    [o.courseId, o.versionId, o.employeeId, o.completedAt, o.startedAt ?? o.completedAt],
  );
  const [c] = await db.query(
    `INSERT INTO course_completion (enrolment_id, course_id, course_version_id, employee_id, jp, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [en.id, o.courseId, o.versionId, o.employeeId, o.jp, o.completedAt],
  );
  return c.id;
}
