import type { QuizSettings } from '@kompeten/shared-contracts';
import { QuizSnapshotService } from '@kompeten/server-assessment';
import {
  bootTestApi,
  publishQuizVersion,
  type BootTestApiOptions,
  type PublishedQuizVersion,
  type TestApi,
} from '@kompeten/server-testing';
import { createApp } from '../src/app.factory';
import { ALL_ENTITIES } from '../src/entities';
import { seedDemo } from '../src/seed/demo-seed';
import { DEMO_PASSWORD } from '../src/seed/demo-world';

/**
 * What only this app knows, handed to the test helpers of @kompeten/server-testing (a lib never imports an app):
 * how to build the API, its entities, its demo world and the logins of that world.
 */

/** Demo logins (see README). */
export const DEMO = {
  platformAdmin: 'admin@kompeten.go.id',
  provinceAdmin: 'bpsdm@ntbprov.go.id',
  agencyAdmin: 'bkpsdm@mataramkota.go.id',
  hrOfficer: 'pengelola@mataramkota.go.id',
  supervisor: '197501012000031003',
  widyaiswara: '197803152005012002',
  learner: '198609262015051001',
  pppkLearner: '199203152022011002',
  kendalLearner: '199004172019032005',
  password: DEMO_PASSWORD,
} as const;

/** Boots the real API (real PostgreSQL with the demo world unless `seed: false`, real Redis) on a fresh database. */
export function bootApi(options: BootTestApiOptions = {}): Promise<TestApi> {
  return bootTestApi(
    {
      createApp: (config) => createApp(config, { logger: false }),
      entities: ALL_ENTITIES,
      seed: seedDemo,
      defaultPassword: DEMO.password,
    },
    options,
  );
}

/**
 * Publishes the next version of a course with one quiz lesson per quiz, snapshotting the quizzes through the booted
 * app's QuizSnapshotService — exactly what the learning domain's publish calls through QUIZ_SNAPSHOT_PORT.
 */
export async function publishQuizzes(
  api: TestApi,
  courseId: string,
  quizIds: string[],
  settings: Record<string, Partial<QuizSettings>> = {},
): Promise<PublishedQuizVersion> {
  const quizzes = await api.app.get(QuizSnapshotService, { strict: false }).snapshot(api.db.manager, courseId, quizIds);
  return publishQuizVersion(api.db, courseId, quizzes, settings);
}
