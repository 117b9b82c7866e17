import { randomUUID } from 'node:crypto';
import type { CourseAuthorInvitation, CourseDetail, IncomingAuthorInvitation, Page } from '@kompeten/shared-contracts';
import { hashPassword } from '@kompeten/server-identity';
import {
  type AuthHeaders,
  authoringApi,
  expectStatus,
  idOf,
  seedPublishedCourse,
  type TestApi,
} from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

/**
 * Issue 12, "Tenants": every id in a request body is resolved through the caller's scope exactly as path ids are. An id
 * of another tenant answers 404 exactly as an unknown id does, reveals nothing about it, and a call that does nothing
 * because of scope writes no audit entry (above all none into the other tenant's log). Cross-agency co-authoring goes
 * through an invitation that the invitee's agency admin accepts.
 */

let api: TestApi;
let authoring: ReturnType<typeof authoringApi>;
const ids = {} as Record<
  'mataram' | 'kendal' | 'learner' | 'kendalEmployee' | 'kendalUnit' | 'kendalAdminUser',
  string
>;
const h = {} as Record<'agencyAdmin' | 'hrOfficer' | 'kendalAdmin' | 'kendalLearner', AuthHeaders>;
const KENDAL_NIP = DEMO.kendalLearner;

const auditCount = async (agencyId?: string): Promise<number> => {
  const [{ n }] = await api.db.query(
    `SELECT count(*)::int AS n FROM audit_log ${agencyId ? 'WHERE agency_id = $1' : ''}`,
    agencyId ? [agencyId] : [],
  );
  return n;
};

/** Runs `attack` and checks it wrote no audit entry at all (so none in another tenant's log either). */
async function withoutAudit<T>(attack: () => Promise<T>): Promise<T> {
  const before = { all: await auditCount(), kendal: await auditCount(ids.kendal) };
  const out = await attack();
  expect({ all: await auditCount(), kendal: await auditCount(ids.kendal) }).toEqual(before);
  return out;
}

async function newCourse(who: AuthHeaders, extra: Record<string, unknown> = {}): Promise<CourseDetail> {
  return authoring.createCourse(who, { title: `Pelayanan Publik ${randomUUID().slice(0, 6)}`, jp: 4, ...extra });
}

beforeAll(async () => {
  api = await bootApi();
  authoring = authoringApi(api);
  ids.mataram = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kota-mataram'`);
  ids.kendal = await idOf(api.db, `SELECT id FROM agency WHERE code = 'kab-kendal'`);
  ids.learner = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
  ids.kendalEmployee = await idOf(api.db, `SELECT id FROM employee WHERE nip = $1`, [KENDAL_NIP]);
  ids.kendalUnit = await idOf(api.db, `SELECT id FROM work_unit WHERE agency_id = $1 LIMIT 1`, [ids.kendal]);
  // Kendal's agency admin: another Kendal ASN with an account and the agency_admin role.
  const adminEmployee = await idOf(
    api.db,
    `SELECT id FROM employee WHERE agency_id = $1 AND nip <> $2 AND active ORDER BY nip LIMIT 1`,
    [ids.kendal, KENDAL_NIP],
  );
  const [{ nip: adminNip }] = await api.db.query(`SELECT nip FROM employee WHERE id = $1`, [adminEmployee]);
  const [existing] = await api.db.query(`SELECT id FROM user_account WHERE employee_id = $1`, [adminEmployee]);
  ids.kendalAdminUser =
    existing?.id ??
    (await idOf(
      api.db,
      `INSERT INTO user_account (employee_id, password_hash, password_changed_at) VALUES ($1, $2, now()) RETURNING id`,
      [adminEmployee, await hashPassword(DEMO.password)],
    ));
  if (existing)
    await api.db.query(`UPDATE user_account SET password_hash = $2 WHERE id = $1`, [
      existing.id,
      await hashPassword(DEMO.password),
    ]);
  await api.db.query(`INSERT INTO role_assignment (user_id, role, agency_id) VALUES ($1, 'agency_admin', $2)`, [
    ids.kendalAdminUser,
    ids.kendal,
  ]);
  h.kendalAdmin = await api.auth(adminNip);
  h.agencyAdmin = await api.auth(DEMO.agencyAdmin);
  h.hrOfficer = await api.auth(DEMO.hrOfficer);
  h.kendalLearner = await api.auth(DEMO.kendalLearner);
});

afterAll(async () => {
  await api?.close();
});

describe('co-authors named in a body', () => {
  it('an employee of another agency answers 404 exactly as an unknown id: no name, no NIP, no author, no audit', async () => {
    const course = await newCourse(h.agencyAdmin);
    const foreign = await withoutAudit(() =>
      api.http.post(`/api/courses/${course.id}/authors`).set(h.agencyAdmin).send({ employeeId: ids.kendalEmployee }),
    );
    const unknown = await withoutAudit(() =>
      api.http.post(`/api/courses/${course.id}/authors`).set(h.agencyAdmin).send({ employeeId: randomUUID() }),
    );
    expect(foreign.status).toBe(404);
    expect({ code: foreign.body.code, message: foreign.body.message }).toEqual({
      code: unknown.body.code,
      message: unknown.body.message,
    });
    expect(foreign.body.code).toBe('EMPLOYEE.NOT_FOUND');
    expect(JSON.stringify(foreign.body)).not.toMatch(/Wahyuni|199004172019032005/);
    const detail = expectStatus<CourseDetail>(
      await api.http.get(`/api/courses/${course.id}`).set(h.agencyAdmin),
      200,
      'course',
    );
    expect(detail.authors.map((a) => a.employeeId)).not.toContain(ids.kendalEmployee);
    // And so the would-be co-author cannot read the course, its report or its submissions.
    expect((await api.http.get(`/api/courses/${course.id}`).set(h.kendalLearner)).status).toBe(404);
  });

  it('an employee of the course\u2019s own agency is added directly', async () => {
    const course = await newCourse(h.agencyAdmin);
    const res = await api.http
      .post(`/api/courses/${course.id}/authors`)
      .set(h.agencyAdmin)
      .send({ employeeId: ids.learner });
    expect(res.status).toBe(201);
    expect((res.body as CourseDetail).authors.map((a) => a.employeeId)).toContain(ids.learner);
  });
});

describe('prerequisite courses named in a body', () => {
  it('another agency\u2019s draft or agency-only course answers 404 like an unknown id; visible live courses and own drafts are accepted', async () => {
    const mine = await newCourse(h.agencyAdmin);
    const ownDraft = await newCourse(h.agencyAdmin);
    const kendalDraft = await newCourse(h.kendalAdmin);
    const kendalAgencyOnly = await seedPublishedCourse(api.db, { agency: 'kab-kendal', visibility: 'agency' });
    const kendalNational = await seedPublishedCourse(api.db, { agency: 'kab-kendal', visibility: 'national' });
    const patch = (prerequisiteCourseIds: string[]) =>
      api.http.patch(`/api/courses/${mine.id}`).set(h.agencyAdmin).send({ prerequisiteCourseIds });

    const unknownId = randomUUID();
    const unknown = await withoutAudit(() => patch([unknownId]));
    for (const id of [kendalDraft.id, kendalAgencyOnly.courseId]) {
      const res = await withoutAudit(() => patch([id]));
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('LEARNING.COURSE_NOT_FOUND');
      expect(res.body.message.replace(id, '<id>')).toBe(unknown.body.message.replace(unknownId, '<id>'));
      expect(JSON.stringify(res.body)).not.toContain(kendalDraft.title);
    }
    // A mix names only what is missing, and changes nothing.
    expect((await patch([ownDraft.id, kendalDraft.id])).body.details).toEqual([kendalDraft.id]);
    const ok = await patch([ownDraft.id, kendalNational.courseId]);
    expect(ok.status).toBe(200);
    expect((ok.body as CourseDetail).prerequisiteCourseIds).toEqual([ownDraft.id, kendalNational.courseId]);
    // Creating a course with a foreign prerequisite fails the same way and leaves no course behind.
    const [{ n: before }] = await api.db.query(`SELECT count(*)::int AS n FROM course`);
    const created = await withoutAudit(() =>
      api.http
        .post('/api/courses')
        .set(h.agencyAdmin)
        .send({ title: 'Prasyarat asing', jp: 2, prerequisiteCourseIds: [kendalDraft.id] }),
    );
    expect(created.status).toBe(404);
    expect((await api.db.query(`SELECT count(*)::int AS n FROM course`))[0].n).toBe(before);
  });
});

describe('assignment targets named in a body', () => {
  const assign = (who: AuthHeaders, courseId: string, body: Record<string, unknown>) =>
    api.http.post(`/api/courses/${courseId}/assignments`).set(who).send(body);
  const enrolments = async (courseId: string) =>
    (await api.db.query(`SELECT count(*)::int AS n FROM enrolment WHERE course_id = $1`, [courseId]))[0].n;

  it('another agency\u2019s agency-only course answers 404 and writes nothing into its log', async () => {
    const kendalCourse = await seedPublishedCourse(api.db, { agency: 'kab-kendal', visibility: 'agency' });
    for (const who of [h.hrOfficer, h.agencyAdmin]) {
      const res = await withoutAudit(() => assign(who, kendalCourse.courseId, { employeeIds: [ids.learner] }));
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'ENROLMENT.COURSE_NOT_FOUND' });
    }
    expect(await enrolments(kendalCourse.courseId)).toBe(0);
  });

  it('an employee or unit of another agency answers 404, and nobody is enrolled', async () => {
    const course = await seedPublishedCourse(api.db, { visibility: 'national' });
    const foreign = await withoutAudit(() =>
      assign(h.agencyAdmin, course.courseId, { employeeIds: [ids.learner, ids.kendalEmployee] }),
    );
    const unknown = await withoutAudit(() =>
      assign(h.agencyAdmin, course.courseId, { employeeIds: [ids.learner, randomUUID()] }),
    );
    expect({ status: foreign.status, code: foreign.body.code, message: foreign.body.message }).toEqual({
      status: 404,
      code: 'EMPLOYEE.NOT_FOUND',
      message: unknown.body.message,
    });
    const unit = await withoutAudit(() => assign(h.agencyAdmin, course.courseId, { unitId: ids.kendalUnit }));
    expect({ status: unit.status, code: unit.body.code }).toEqual({ status: 404, code: 'ORGANISATION.UNIT_NOT_FOUND' });
    expect(await enrolments(course.courseId)).toBe(0);
  });

  it('assigning another agency\u2019s national course to my ASN is logged in my agency, not in the course\u2019s', async () => {
    const kendalNational = await seedPublishedCourse(api.db, { agency: 'kab-kendal', visibility: 'national' });
    const kendalBefore = await auditCount(ids.kendal);
    const res = await assign(h.agencyAdmin, kendalNational.courseId, { employeeIds: [ids.learner] });
    expect(res.body).toEqual({ enrolled: 1, alreadyEnrolled: 0, skippedOutOfScope: 0 });
    expect(await auditCount(ids.kendal)).toBe(kendalBefore);
    const [entry] = await api.db.query(
      `SELECT agency_id FROM audit_log WHERE action = 'enrolment.assign' AND entity_id = $1`,
      [kendalNational.courseId],
    );
    expect(entry.agency_id).toBe(ids.mataram);
  });
});

describe('cross-agency co-authoring by invitation', () => {
  it('is pending and reveals nothing to the inviter; only the invitee\u2019s agency admin can accept; accepting is idempotent', async () => {
    const course = await newCourse(h.agencyAdmin);
    const invite = (nip: string) =>
      api.http.post(`/api/courses/${course.id}/author-invitations`).set(h.agencyAdmin).send({ nip });
    const kendalBefore = await auditCount(ids.kendal);
    const real = await invite(KENDAL_NIP);
    const ghost = await invite('199912312020121999');
    expect(real.status).toBe(201);
    expect(ghost.status).toBe(201);
    // The same shape whether the NIP belongs to anyone: only what the inviter typed.
    expect(Object.keys(real.body).sort()).toEqual(Object.keys(ghost.body).sort());
    expect(real.body).toMatchObject<Partial<CourseAuthorInvitation>>({
      courseId: course.id,
      nip: KENDAL_NIP,
      status: 'pending',
      decidedAt: null,
    });
    expect(JSON.stringify(real.body)).not.toMatch(/Wahyuni|Kendal/i);
    // Inviting again while pending answers the same invitation.
    expect((await invite(KENDAL_NIP)).body.id).toBe(real.body.id);
    expect(await auditCount(ids.kendal)).toBe(kendalBefore);

    // Not an author yet: cannot read the course.
    expect((await api.http.get(`/api/courses/${course.id}`).set(h.kendalLearner)).status).toBe(404);
    const mine = expectStatus<Page<CourseAuthorInvitation>>(
      await api.http.get(`/api/courses/${course.id}/author-invitations`).set(h.agencyAdmin),
      200,
      'course invitations',
    );
    expect(mine.items.map((i) => i.nip).sort()).toEqual(['199912312020121999', KENDAL_NIP].sort());

    // The inviter's admin cannot accept on Kendal's behalf; Kendal's admin sees it (never the unknown NIP) and accepts.
    const notMine = await api.http.post(`/api/author-invitations/${real.body.id}/accept`).set(h.agencyAdmin);
    expect({ status: notMine.status, code: notMine.body.code }).toEqual({
      status: 404,
      code: 'LEARNING.INVITATION_NOT_FOUND',
    });
    expect(
      (await api.http.get('/api/author-invitations').set(h.agencyAdmin)).body.items.map(
        (i: IncomingAuthorInvitation) => i.id,
      ),
    ).not.toContain(real.body.id);
    const incoming = expectStatus<Page<IncomingAuthorInvitation>>(
      await api.http.get('/api/author-invitations?status=pending').set(h.kendalAdmin),
      200,
      'incoming',
    );
    expect(incoming.items.map((i) => i.id)).toEqual([real.body.id]);
    expect(incoming.items[0]).toMatchObject({
      employeeId: ids.kendalEmployee,
      employeeName: 'Sri Wahyuni, S.I.P.',
      courseTitle: course.title,
      status: 'pending',
    });
    expect((await api.http.post(`/api/author-invitations/${ghost.body.id}/accept`).set(h.kendalAdmin)).status).toBe(
      404,
    );

    const accepted = await api.http.post(`/api/author-invitations/${real.body.id}/accept`).set(h.kendalAdmin);
    expect({ status: accepted.status, s: accepted.body.status }).toEqual({ status: 200, s: 'accepted' });
    const again = await api.http.post(`/api/author-invitations/${real.body.id}/accept`).set(h.kendalAdmin);
    expect({ status: again.status, s: again.body.status }).toEqual({ status: 200, s: 'accepted' });
    expect((await api.http.post(`/api/author-invitations/${real.body.id}/decline`).set(h.kendalAdmin)).body.code).toBe(
      'LEARNING.INVITATION_DECIDED',
    );
    const [{ n: authorRows }] = await api.db.query(
      `SELECT count(*)::int AS n FROM course_author WHERE course_id = $1 AND employee_id = $2`,
      [course.id, ids.kendalEmployee],
    );
    expect(authorRows).toBe(1);
    // Now a co-author: the course opens for them.
    expect((await api.http.get(`/api/courses/${course.id}`).set(h.kendalLearner)).status).toBe(200);
  });

  it('a declined invitation adds nobody', async () => {
    const course = await newCourse(h.agencyAdmin);
    const inv = expectStatus<CourseAuthorInvitation>(
      await api.http.post(`/api/courses/${course.id}/author-invitations`).set(h.agencyAdmin).send({ nip: KENDAL_NIP }),
      201,
      'invite',
    );
    expect((await api.http.post(`/api/author-invitations/${inv.id}/decline`).set(h.kendalAdmin)).body.status).toBe(
      'declined',
    );
    expect((await api.http.post(`/api/author-invitations/${inv.id}/accept`).set(h.kendalAdmin)).status).toBe(409);
    expect((await api.http.get(`/api/courses/${course.id}`).set(h.kendalLearner)).status).toBe(404);
  });
});
