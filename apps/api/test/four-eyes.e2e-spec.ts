import { randomUUID } from 'node:crypto';
import type { CourseDetail, CourseSummary, Page } from '@kompeten/shared-contracts';
import { type AuthHeaders, authoringApi, expectStatus, idOf, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 12, "Four eyes mean four eyes": whoever edited any part of a version while it was prepared (course fields,
 * modules, lessons, quizzes and questions) cannot publish it, and the authors are frozen while it is in review — so a
 * co-author can no longer remove itself and publish as the "reviewer".
 */

let api: TestApi;
let authoring: ReturnType<typeof authoringApi>;
const h = {} as Record<'widyaiswara' | 'provinceAdmin' | 'platformAdmin', AuthHeaders>;
const ids = {} as Record<'provinceAdminEmployee', string>;

/** A province course by the widyaiswara with one text lesson; returns it and its lesson id. */
async function draft(): Promise<{ course: CourseDetail; lessonId: string }> {
  const course = await authoring.createCourse(h.widyaiswara, {
    title: `Etika Birokrasi ${randomUUID().slice(0, 6)}`,
    jp: 2,
    visibility: 'province',
  });
  const mod = await authoring.addModule(h.widyaiswara, course.id, 'Modul 1');
  const lesson = await authoring.addLesson(h.widyaiswara, mod.id, {
    title: 'Pengantar',
    kind: 'text',
    content: { kind: 'text', html: '<p>Isi</p>' },
  });
  return { course, lessonId: lesson.id };
}

const publish = (who: AuthHeaders, courseId: string) =>
  api.http.post(`/api/courses/${courseId}/publish`).set(who).send({});

beforeAll(async () => {
  api = await bootApi();
  authoring = authoringApi(api);
  h.widyaiswara = await api.auth(DEMO.widyaiswara);
  h.provinceAdmin = await api.auth(DEMO.provinceAdmin);
  h.platformAdmin = await api.auth(DEMO.platformAdmin);
  ids.provinceAdminEmployee = await idOf(
    api.db,
    `SELECT e.id FROM employee e JOIN user_account u ON u.employee_id = e.id WHERE u.email = $1`,
    [DEMO.provinceAdmin],
  );
});

afterAll(async () => {
  await api?.close();
});

describe('four eyes', () => {
  it('a co-author cannot leave the authors while the course is in review', async () => {
    const { course } = await draft();
    expectStatus(
      await api.http
        .post(`/api/courses/${course.id}/authors`)
        .set(h.widyaiswara)
        .send({ employeeId: ids.provinceAdminEmployee }),
      201,
      'add co-author',
    );
    await authoring.submit(h.widyaiswara, course.id);
    const leave = await api.http
      .delete(`/api/courses/${course.id}/authors/${ids.provinceAdminEmployee}`)
      .set(h.provinceAdmin);
    expect({ status: leave.status, code: leave.body.code }).toEqual({ status: 409, code: 'LEARNING.AUTHORS_FROZEN' });
    // Nor can the owner add or remove anyone meanwhile.
    const add = await api.http
      .post(`/api/courses/${course.id}/authors`)
      .set(h.widyaiswara)
      .send({ employeeId: ids.provinceAdminEmployee });
    expect(add.status).toBe(409);
    expect(
      (await api.http.delete(`/api/courses/${course.id}/authors/${ids.provinceAdminEmployee}`).set(h.widyaiswara)).body
        .code,
    ).toBe('LEARNING.AUTHORS_FROZEN');
    // Still an author, so still not a reviewer.
    expect((await publish(h.provinceAdmin, course.id)).body.code).toBe('LEARNING.AUTHOR_CANNOT_REVIEW');
  });

  it('a co-author who only edited one lesson, then left before review, cannot publish; a different reviewer can', async () => {
    const { course, lessonId } = await draft();
    expectStatus(
      await api.http
        .post(`/api/courses/${course.id}/authors`)
        .set(h.widyaiswara)
        .send({ employeeId: ids.provinceAdminEmployee }),
      201,
      'add co-author',
    );
    expectStatus(
      await api.http.patch(`/api/lessons/${lessonId}`).set(h.provinceAdmin).send({ title: 'Pengantar (revisi)' }),
      200,
      'edit lesson',
    );
    expectStatus(
      await api.http.delete(`/api/courses/${course.id}/authors/${ids.provinceAdminEmployee}`).set(h.provinceAdmin),
      200,
      'leave',
    );
    await authoring.submit(h.widyaiswara, course.id);
    // The review queue and the course's `can` no longer offer it to the former co-author…
    const queue = expectStatus<Page<CourseSummary>>(
      await api.http.get('/api/reviews?pageSize=100').set(h.provinceAdmin),
      200,
      'reviews',
    );
    expect(queue.items.map((c) => c.id)).not.toContain(course.id);
    expect(
      expectStatus<CourseDetail>(await api.http.get(`/api/courses/${course.id}`).set(h.provinceAdmin), 200, 'detail')
        .can.review,
    ).toBe(false);
    // …and publishing is refused.
    const res = await publish(h.provinceAdmin, course.id);
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 403,
      code: 'LEARNING.EDITOR_CANNOT_PUBLISH',
    });
    expect((await api.db.query(`SELECT status FROM course WHERE id = $1`, [course.id]))[0].status).toBe('in_review');
    expect(
      expectStatus<CourseDetail>(await publish(h.platformAdmin, course.id), 200, 'publish by another reviewer').status,
    ).toBe('published');
  });

  it('an admin who edited the course fields cannot publish; after publication the next revision starts a fresh editor set', async () => {
    const { course } = await draft();
    expectStatus(
      await api.http
        .patch(`/api/courses/${course.id}`)
        .set(h.provinceAdmin)
        .send({ title: `${course.title} (revisi admin)` }),
      200,
      'admin edit',
    );
    await authoring.submit(h.widyaiswara, course.id);
    expect((await publish(h.provinceAdmin, course.id)).body.code).toBe('LEARNING.EDITOR_CANNOT_PUBLISH');
    await authoring.publish(h.platformAdmin, course.id);
    // The next revision: only the widyaiswara edits it, so the province admin may publish it.
    expectStatus(
      await api.http.patch(`/api/courses/${course.id}`).set(h.widyaiswara).send({ jp: 3 }),
      200,
      'author edit',
    );
    await authoring.submit(h.widyaiswara, course.id);
    expect(
      expectStatus<CourseDetail>(await publish(h.provinceAdmin, course.id), 200, 'publish v2').versions,
    ).toHaveLength(2);
  });

  it('an admin who only wrote a question of the course\u2019s bank cannot publish it', async () => {
    const { course } = await draft();
    await authoring.question(h.provinceAdmin, course.id, {
      kind: 'true_false',
      prompt: 'ASN wajib netral.',
      answerKey: { correct: true },
      points: 1,
    });
    await authoring.submit(h.widyaiswara, course.id);
    expect((await publish(h.provinceAdmin, course.id)).body.code).toBe('LEARNING.EDITOR_CANNOT_PUBLISH');
    expect((await publish(h.platformAdmin, course.id)).status).toBe(200);
  });
});
