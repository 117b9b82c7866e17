import type {
  CourseDetail,
  CourseFile,
  CourseLesson,
  CourseModule,
  Enrolment,
  Question,
  Quiz,
} from '@kompeten/shared-contracts';
import type { TestApi } from './test-api';

/**
 * Authoring, review and enrolment over HTTP only (what a widyaiswara, a reviewer and a learner do in the app), for
 * tests that follow a course through the real API rather than writing its tables.
 */
export type AuthHeaders = { Authorization: string };

interface Res {
  status: number;
  body: unknown;
}

/** The response when its status is the expected one; otherwise an error that shows what came back. */
export function expectStatus<T>(res: Res, status: number, what: string): T {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export function authoringApi(api: Pick<TestApi, 'http'>) {
  const { http } = api;
  return {
    async createCourse(who: AuthHeaders, body: Record<string, unknown>): Promise<CourseDetail> {
      return expectStatus(await http.post('/api/courses').set(who).send(body), 201, 'create course');
    },
    async addModule(who: AuthHeaders, courseId: string, title: string): Promise<CourseModule> {
      return expectStatus(
        await http.post(`/api/courses/${courseId}/modules`).set(who).send({ title }),
        201,
        'add module',
      );
    },
    async addLesson(who: AuthHeaders, moduleId: string, body: Record<string, unknown>): Promise<CourseLesson> {
      return expectStatus(await http.post(`/api/modules/${moduleId}/lessons`).set(who).send(body), 201, 'add lesson');
    },
    async deleteLesson(who: AuthHeaders, lessonId: string): Promise<void> {
      const res = await http.delete(`/api/lessons/${lessonId}`).set(who);
      if (res.status !== 200 && res.status !== 204)
        throw new Error(`delete lesson: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async submit(who: AuthHeaders, courseId: string): Promise<CourseDetail> {
      return expectStatus(
        await http.post(`/api/courses/${courseId}/submit-review`).set(who).send({}),
        200,
        'submit for review',
      );
    },
    async publish(
      reviewer: AuthHeaders,
      courseId: string,
      body: { requiresUpgrade?: boolean; note?: string } = {},
    ): Promise<CourseDetail> {
      return expectStatus(await http.post(`/api/courses/${courseId}/publish`).set(reviewer).send(body), 200, 'publish');
    },
    /** Submits the draft for review and publishes it as the next version. */
    async submitAndPublish(
      author: AuthHeaders,
      reviewer: AuthHeaders,
      courseId: string,
      body: { requiresUpgrade?: boolean; note?: string } = {},
    ): Promise<CourseDetail> {
      await this.submit(author, courseId);
      return this.publish(reviewer, courseId, body);
    },
    async upload(
      who: AuthHeaders,
      courseId: string,
      purpose: string,
      data: Buffer,
      fileName: string,
    ): Promise<CourseFile> {
      return expectStatus(
        await http
          .post(`/api/courses/${courseId}/files`)
          .set(who)
          .field('purpose', purpose)
          .attach('file', data, fileName),
        201,
        'upload',
      );
    },
    async question(who: AuthHeaders, courseId: string, body: Record<string, unknown>): Promise<Question> {
      return expectStatus(
        await http.post(`/api/courses/${courseId}/questions`).set(who).send(body),
        201,
        'create question',
      );
    },
    async quiz(
      who: AuthHeaders,
      courseId: string,
      title: string,
      settings: Record<string, unknown> = {},
    ): Promise<Quiz> {
      return expectStatus(
        await http.post(`/api/courses/${courseId}/quizzes`).set(who).send({ title, settings }),
        201,
        'create quiz',
      );
    },
    /** Self-enrolment; 201 for a new enrolment, 200 when it already existed. */
    async enrol(who: AuthHeaders, courseId: string): Promise<Enrolment> {
      const res = await http.post(`/api/courses/${courseId}/enrolments`).set(who);
      return expectStatus(res, res.status === 200 ? 200 : 201, 'enrol');
    },
  };
}
