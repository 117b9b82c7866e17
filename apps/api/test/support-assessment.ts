import { randomUUID } from 'node:crypto';
import type { CourseSnapshot, QuizSettings, QuizSnapshot } from '@kompeten/shared-contracts';
import { QuizSnapshotService } from '@kompeten/server-assessment';
import type { TestApi } from './support';

/**
 * Courses, published versions and enrolments written straight into the learning and enrolment tables, so the
 * assessment tests depend on those schemas only, never on their APIs. Quiz snapshots come from assessment's own
 * QuizSnapshotService — exactly what the learning domain's publish calls through QUIZ_SNAPSHOT_PORT.
 */

/** A draft course of `agency` authored by the given NIPs (the first is the owner). */
export async function createCourse(api: TestApi, o: { agency?: string; authorNips?: string[]; title?: string } = {}): Promise<string> {
  const [agency] = await api.db.query(`SELECT id FROM agency WHERE code = $1`, [o.agency ?? 'prov-ntb']);
  const title = o.title ?? `Etika Pelayanan Publik ${randomUUID().slice(0, 6)}`;
  const [course] = await api.db.query(
    `INSERT INTO course (agency_id, title, description, objectives, competency_kind, learning_method, jenis_diklat_id, jp, level, tags,
                         visibility, enrolment_mode, prerequisite_course_ids, completion_rule, status, search_stems)
     VALUES ($1, $2, 'Pelatihan etika pelayanan publik bagi ASN.', '[]', 'sosial_kultural', 'e_learning', 16, 4, 'dasar', '{}',
             'province', 'open', '{}', '{"requiredLessons":"all"}', 'draft', '')
     RETURNING id`,
    [agency.id, title],
  );
  for (const [i, nip] of (o.authorNips ?? []).entries()) {
    await api.db.query(`INSERT INTO course_author (course_id, employee_id, role) SELECT $1, id, $3 FROM employee WHERE nip = $2`, [course.id, nip, i === 0 ? 'owner' : 'co_author']);
  }
  return course.id;
}

export interface PublishedVersion {
  versionId: string;
  /** The quiz lesson of each quiz, by quiz id. */
  lessonOf: Record<string, string>;
  quizzes: Record<string, QuizSnapshot>;
}

/**
 * Publishes the next version of a course with one quiz lesson per quiz (and nothing else), snapshotting the quizzes
 * through QuizSnapshotService. `settings` overrides snapshot settings per quiz (e.g. an open/close window in the past).
 */
export async function publishQuizzes(api: TestApi, courseId: string, quizIds: string[], settings: Record<string, Partial<QuizSettings>> = {}): Promise<PublishedVersion> {
  const quizzes = await api.app.get(QuizSnapshotService, { strict: false }).snapshot(api.db.manager, courseId, quizIds);
  for (const [quizId, s] of Object.entries(settings)) quizzes[quizId].settings = { ...quizzes[quizId].settings, ...s };
  const lessonOf: Record<string, string> = Object.fromEntries(quizIds.map((id) => [id, randomUUID()]));
  const [{ next }] = await api.db.query(`SELECT coalesce(max(version_no), 0) + 1 AS next FROM course_version WHERE course_id = $1`, [courseId]);
  const snapshot: CourseSnapshot = {
    courseId, versionNo: next, title: 'Etika Pelayanan Publik', description: 'Pelatihan etika pelayanan publik bagi ASN.', jp: 4, jenisDiklatId: 16,
    modules: [{
      id: randomUUID(),
      title: 'Evaluasi',
      lessons: [
        // A required lesson the tests never complete: the enrolment stays active, so quizzes can be retaken.
        { id: randomUUID(), title: 'Bahan bacaan', required: true, content: { kind: 'text', html: '<p>Etika pelayanan publik.</p>' } },
        ...quizIds.map((id) => ({ id: lessonOf[id], title: quizzes[id].title, required: true, content: { kind: 'quiz' as const, quizId: id } })),
      ],
    }],
    completionRule: { requiredLessons: 'all' },
    quizzes,
  };
  const [version] = await api.db.query(
    `INSERT INTO course_version (course_id, version_no, snapshot, jp, requires_upgrade) VALUES ($1, $2, $3, 4, false) RETURNING id`,
    [courseId, next, JSON.stringify(snapshot)],
  );
  await api.db.query(`UPDATE course SET status = 'published', current_version_id = $2 WHERE id = $1`, [courseId, version.id]);
  return { versionId: version.id, lessonOf, quizzes };
}

/** An active self-enrolment of the ASN with this NIP in the version. */
export async function enrol(api: TestApi, courseId: string, versionId: string, nip: string): Promise<string> {
  const [row] = await api.db.query(
    `INSERT INTO enrolment (course_id, course_version_id, employee_id, agency_id, source, status)
     SELECT $1, $2, e.id, e.agency_id, 'self', 'active' FROM employee e WHERE e.nip = $3
     RETURNING id`,
    [courseId, versionId, nip],
  );
  return row.id;
}

const KEY_PROPERTIES = new Set(['key', 'answerKey', 'answer_key', 'correct', 'accepted', 'pairs', 'order', 'tolerance', 'questionFeedback']);

/**
 * Every place in a response body that reveals a scoring key: a property named like one, or a leaf equal to one of
 * the given secret values (strings also as substrings).
 */
export function keyLeaks(body: unknown, secrets: ReadonlyArray<string | number | boolean>, path = '$'): string[] {
  if (Array.isArray(body)) return body.flatMap((v, i) => keyLeaks(v, secrets, `${path}[${i}]`));
  if (body && typeof body === 'object') {
    return Object.entries(body).flatMap(([k, v]) => [...(KEY_PROPERTIES.has(k) ? [`${path}.${k}`] : []), ...keyLeaks(v, secrets, `${path}.${k}`)]);
  }
  const hit = secrets.some((s) => s === body || (typeof s === 'string' && typeof body === 'string' && body.includes(s)));
  return hit ? [`${path} = ${JSON.stringify(body)}`] : [];
}
