import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import {
  ErrorCode,
  type ClassRegistration,
  type Page,
  type RegistrationAnswer,
  type TrainingClass,
  type TrainingOffering,
} from '@kompeten/shared-contracts';
import { EnrolLinkedCourseJob, PromoteReleasedQuotasJob } from '@kompeten/server-calendar';
import { AgencyTree } from '@kompeten/server-organisation';
import { seedPublishedCourse, type TestApi } from '@kompeten/server-testing';
import { bootApi, DEMO } from './app';

type Answer = RegistrationAnswer & { code?: string; message?: string };
const day = 24 * 3600_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The training calendar over HTTP (issue 18, decision 0034). The Done-when burst: 2,000 ASN of the ten regencies and
 * cities of NTB register at once for a class of 60 seats with a quota of 5 for each; exactly the quotas and the common
 * seats are filled, the waitlist numbers are the arrival order without gaps, every answer is one of the expected ones;
 * cancellations promote from the waitlist exactly once.
 */
describe('Training calendar API', () => {
  let api: TestApi;
  let base: string;
  let ntb: string;
  let regencies: string[];

  const call = async <T>(who: string | { token: string }, method: 'GET' | 'POST', url: string, body?: object) => {
    const auth = typeof who === 'string' ? (await api.auth(who)).Authorization : `Bearer ${who.token}`;
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T & { code?: string; message?: string } };
  };

  const classBody = (o: Record<string, unknown> = {}) => {
    const start = Date.now() + 30 * day;
    return {
      name: 'Angkatan I',
      schedule: [
        { date: isoDate(start), start: '08:00', end: '16:00' },
        { date: isoDate(start + day), start: '08:00', end: '12:00' },
      ],
      mode: 'classroom',
      venue: 'Aula BPSDM NTB, Mataram',
      speakers: [{ name: 'Dr. Siti Rahmawati, M.Si.', institution: 'Universitas Mataram', role: 'narasumber' }],
      seats: 60,
      quotas: regencies.map((agencyId) => ({ agencyId, seats: 5 })),
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 10 * day).toISOString(),
      cancellationDeadline: new Date(Date.now() + 20 * day).toISOString(),
      quotaReleaseAt: new Date(Date.now() + 5 * day).toISOString(),
      ...o,
    };
  };

  let offering: TrainingOffering;
  const confirmedEvents = async (classId: string): Promise<number> =>
    (
      await api.db.query(
        `SELECT count(DISTINCT e.aggregate_id)::int AS n, count(*)::int AS total FROM outbox_event e
           JOIN class_registration r ON r.id = e.aggregate_id
          WHERE e.event_type = 'class-registration.confirmed' AND r.class_id = $1 AND (e.payload->>'registrationId')::uuid = r.id`,
        [classId],
      )
    ).map((r: { n: number; total: number }) => (r.n === r.total ? r.n : -1))[0];
  const createClass = async (o: Record<string, unknown> = {}) => {
    const r = await call<TrainingClass>(
      DEMO.provinceAdmin,
      'POST',
      `/api/calendar/offerings/${offering.id}/classes`,
      classBody(o),
    );
    expect(r.status).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    api = await bootApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    [{ id: ntb }] = await api.db.query(`SELECT id FROM agency WHERE code = 'prov-ntb'`);
    regencies = (await api.db.query(`SELECT id FROM agency WHERE parent_id = $1 ORDER BY code`, [ntb])).map(
      (r: { id: string }) => r.id,
    );
    expect(regencies).toHaveLength(10);
    const o = await call<TrainingOffering>(DEMO.provinceAdmin, 'POST', '/api/calendar/offerings', {
      agencyId: ntb,
      title: 'Pelatihan Kepemimpinan Pengawas',
      jenisDiklatId: 1,
      jp: 24,
      competencyKind: 'manajerial',
    });
    expect(o.status).toBe(201);
    offering = o.body;
  }, 120_000);
  afterAll(() => api?.close());

  describe('admin input', () => {
    it('refuses contradictory classes in words, never with a 500', async () => {
      const url = `/api/calendar/offerings/${offering.id}/classes`;
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ quotas: regencies.map((agencyId) => ({ agencyId, seats: 7 })) }, /melebihi jumlah kursi/],
        [{ schedule: [{ date: '2027-02-30', start: '08:00', end: '16:00' }] }, /tidak valid/],
        [{ registrationClosesAt: new Date(Date.now() - 2 * 60_000).toISOString() }, /sebelum registrationClosesAt/],
        [{ registrationOpensAt: '2027-01-01T08:00:00' }, /zona waktu/],
        [{ mode: 'online', venue: undefined }, /meetingUrl/],
        [{ seats: 0 }, /seats minimal 1/],
      ];
      for (const [o, message] of cases) {
        const r = await call(DEMO.provinceAdmin, 'POST', url, classBody(o));
        expect({ status: r.status, message: r.body.message }).toEqual({
          status: 400,
          message: expect.stringMatching(message),
        });
      }
      const foreign = await call(
        DEMO.provinceAdmin,
        'POST',
        url,
        classBody({ quotas: [{ agencyId: randomUUID(), seats: 1 }] }),
      );
      expect(foreign.status).toBe(404);
    });

    it('internal speakers are active ASN named by NIP (their record’s name kept); an unknown NIP is refused in words', async () => {
      const url = `/api/calendar/offerings/${offering.id}/classes`;
      const [w] = await api.db.query(`SELECT id, nip, full_name FROM employee WHERE nip = '197803152005012002'`);
      const ok = await call<TrainingClass>(
        DEMO.provinceAdmin,
        'POST',
        url,
        classBody({
          speakers: [
            { nip: w.nip, role: 'widyaiswara' },
            { name: 'Budi Santoso', institution: 'Unram' },
          ],
        }),
      );
      expect(ok.status).toBe(201);
      expect(ok.body.speakers).toEqual([
        expect.objectContaining({ employeeId: w.id, name: expect.stringContaining(w.full_name), role: 'widyaiswara' }),
        { employeeId: null, name: 'Budi Santoso', institution: 'Unram', role: null },
      ]);
      const unknown = await call(
        DEMO.provinceAdmin,
        'POST',
        url,
        classBody({ speakers: [{ nip: '199901012020011999' }] }),
      );
      expect({ status: unknown.status, code: unknown.body.code, message: unknown.body.message }).toEqual({
        status: 400,
        code: 'CALENDAR.SPEAKER_NOT_FOUND',
        message: expect.stringMatching(/NIP 199901012020011999/),
      });
      const ghost = await call(
        DEMO.provinceAdmin,
        'POST',
        url,
        classBody({ speakers: [{ employeeId: randomUUID() }] }),
      );
      expect([ghost.status, ghost.body.code]).toEqual([400, 'CALENDAR.SPEAKER_NOT_FOUND']);
      const nameless = await call(DEMO.provinceAdmin, 'POST', url, classBody({ speakers: [{ institution: 'Unram' }] }));
      expect([nameless.status, nameless.body.code]).toEqual([400, 'CALENDAR.INVALID_CLASS']);
    });

    it('an agency admin cannot add classes to the province’s offering; a learner cannot list offerings', async () => {
      const r = await call(DEMO.agencyAdmin, 'POST', `/api/calendar/offerings/${offering.id}/classes`, classBody());
      expect({ status: r.status, code: r.body.code }).toEqual({
        status: 404,
        code: ErrorCode.CALENDAR_OFFERING_NOT_FOUND,
      });
      expect((await call(DEMO.learner, 'GET', '/api/calendar/offerings')).status).toBe(403);
    });
  });

  describe('registration, approval, nomination, refusals', () => {
    it('a learner registers, waits for the supervisor, who approves; a second request answers the same registration', async () => {
      const cls = await createClass({
        name: 'Angkatan Persetujuan',
        requiresApproval: true,
        quotas: [],
        quotaReleaseAt: undefined,
      });
      const listed = await call<Page<TrainingClass>>(
        DEMO.learner,
        'GET',
        '/api/calendar/classes?open=true&pageSize=100',
      );
      expect(listed.body.items.map((c) => c.id)).toContain(cls.id);
      const first = await call<Answer>(DEMO.learner, 'POST', `/api/calendar/classes/${cls.id}/registrations`);
      expect(first.status).toBe(201);
      expect(first.body.registration).toMatchObject({ status: 'pending_approval', seatPool: 'common' });
      const again = await call<Answer>(DEMO.learner, 'POST', `/api/calendar/classes/${cls.id}/registrations`);
      expect({ status: again.status, already: again.body.alreadyRegistered, id: again.body.registration.id }).toEqual({
        status: 200,
        already: true,
        id: first.body.registration.id,
      });
      const pending = await call<Page<ClassRegistration>>(DEMO.supervisor, 'GET', '/api/calendar/approvals');
      expect(pending.body.items.map((r) => r.id)).toContain(first.body.registration.id);
      // Somebody else's supervisor (here: the learner) cannot decide it.
      const stranger = await call(
        DEMO.pppkLearner,
        'POST',
        `/api/calendar/registrations/${first.body.registration.id}/decision`,
        {
          decision: 'approve',
        },
      );
      expect(stranger.status).toBe(404);
      const ok = await call<ClassRegistration>(
        DEMO.supervisor,
        'POST',
        `/api/calendar/registrations/${first.body.registration.id}/decision`,
        {
          decision: 'approve',
        },
      );
      expect(ok.body).toMatchObject({ status: 'confirmed' });
      const twice = await call(
        DEMO.supervisor,
        'POST',
        `/api/calendar/registrations/${first.body.registration.id}/decision`,
        {
          decision: 'reject',
        },
      );
      expect({ status: twice.status, code: twice.body.code }).toEqual({
        status: 409,
        code: ErrorCode.CALENDAR_NOT_PENDING,
      });

      // Overlapping class: refused with the reason.
      const clash = await createClass({ name: 'Angkatan Bentrok', quotas: [], quotaReleaseAt: undefined });
      const refused = await call(DEMO.learner, 'POST', `/api/calendar/classes/${clash.id}/registrations`);
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 409,
        code: ErrorCode.CALENDAR_SCHEDULE_CONFLICT,
      });
      const mine = await call<Page<ClassRegistration>>(DEMO.learner, 'GET', '/api/calendar/me/registrations');
      expect(mine.body.items.find((r) => r.classId === cls.id)).toMatchObject({ status: 'confirmed' });
    });

    it('refuses a closed window, hides classes of another province, and lets the HR officer nominate only their ASN', async () => {
      const closed = await createClass({
        name: 'Angkatan Tutup',
        quotas: [],
        quotaReleaseAt: undefined,
        registrationOpensAt: new Date(Date.now() + day).toISOString(),
        schedule: [{ date: isoDate(Date.now() + 60 * day), start: '08:00', end: '16:00' }],
      });
      const r = await call(DEMO.pppkLearner, 'POST', `/api/calendar/classes/${closed.id}/registrations`);
      expect({ status: r.status, code: r.body.code }).toEqual({
        status: 409,
        code: ErrorCode.CALENDAR_REGISTRATION_CLOSED,
      });
      const cls = await createClass({
        name: 'Angkatan Nominasi',
        quotas: [],
        quotaReleaseAt: undefined,
        schedule: [{ date: isoDate(Date.now() + 70 * day), start: '08:00', end: '16:00' }],
      });
      const kendal = await call(DEMO.kendalLearner, 'POST', `/api/calendar/classes/${cls.id}/registrations`);
      expect(kendal.status).toBe(404);
      const [{ id: hasan }] = await api.db.query(`SELECT id FROM employee WHERE nip = $1`, [DEMO.learner]);
      const [{ id: kendalId }] = await api.db.query(`SELECT id FROM employee WHERE nip = $1`, [DEMO.kendalLearner]);
      const nominated = await call<Answer>(DEMO.hrOfficer, 'POST', `/api/calendar/classes/${cls.id}/nominations`, {
        employeeId: hasan,
      });
      expect(nominated.status).toBe(201);
      expect(nominated.body.registration).toMatchObject({
        employeeId: hasan,
        status: 'confirmed',
        nominatedBy: expect.any(String),
      });
      const outside = await call(DEMO.hrOfficer, 'POST', `/api/calendar/classes/${cls.id}/nominations`, {
        employeeId: kendalId,
      });
      expect(outside.status).toBe(404);
    });
  });

  describe('the hot path', () => {
    /** Statements the API sends to PostgreSQL while `fn` runs (as hot-paths.e2e-spec.ts counts them). */
    async function statements(fn: () => Promise<unknown>): Promise<number> {
      const original = Client.prototype.query;
      let n = 0;
      Client.prototype.query = function (this: Client, ...args: unknown[]) {
        n++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof Client.prototype.query;
      try {
        await fn();
      } finally {
        Client.prototype.query = original;
      }
      return n;
    }

    it('a registration is two statements (the facts, then seat + registration + event in one)', async () => {
      const cls = await createClass({
        name: 'Angkatan Hitung',
        quotas: [],
        quotaReleaseAt: undefined,
        schedule: [{ date: isoDate(Date.now() + 100 * day), start: '08:00', end: '16:00' }],
      });
      // Warm: the caller's session, the agency tree and the prepared statements.
      expect((await call(DEMO.learner, 'POST', `/api/calendar/classes/${cls.id}/registrations`)).status).toBe(201);
      await api.auth(DEMO.pppkLearner);
      let status = 0;
      const n = await statements(async () => {
        status = (await call(DEMO.pppkLearner, 'POST', `/api/calendar/classes/${cls.id}/registrations`)).status;
      });
      expect({ status, n }).toEqual({ status: 201, n: 2 });
    });
  });

  describe('the linked e-learning course', () => {
    it('a confirmed learner is enrolled in it by the event’s consumer, once; an existing enrolment is left alone', async () => {
      const course = await seedPublishedCourse(api.db, { title: 'Pra-pelatihan Kepemimpinan Pengawas', jp: 4 });
      const o = await call<TrainingOffering>(DEMO.provinceAdmin, 'POST', '/api/calendar/offerings', {
        agencyId: ntb,
        title: 'Pelatihan Kepemimpinan Pengawas (blended)',
        jenisDiklatId: 1,
        jp: 24,
        competencyKind: 'manajerial',
        courseId: course.courseId,
      });
      expect(o.body.courseId).toBe(course.courseId);
      const missing = await call(DEMO.provinceAdmin, 'POST', '/api/calendar/offerings', {
        agencyId: ntb,
        title: 'Pelatihan tanpa kursus',
        jenisDiklatId: 1,
        jp: 24,
        competencyKind: 'manajerial',
        courseId: randomUUID(),
      });
      expect({ status: missing.status, code: missing.body.code }).toEqual({
        status: 404,
        code: ErrorCode.CALENDAR_COURSE_NOT_FOUND,
      });
      const r = await call<TrainingClass>(DEMO.provinceAdmin, 'POST', `/api/calendar/offerings/${o.body.id}/classes`, {
        ...classBody({ quotas: [], quotaReleaseAt: undefined }),
        name: 'Angkatan Blended',
        schedule: [{ date: isoDate(Date.now() + 90 * day), start: '08:00', end: '16:00' }],
      });
      const answer = await call<Answer>(DEMO.pppkLearner, 'POST', `/api/calendar/classes/${r.body.id}/registrations`);
      expect(answer.body.registration.status).toBe('confirmed');
      const [event] = await api.db.query(
        `SELECT payload FROM outbox_event WHERE event_type = 'class-registration.confirmed' AND aggregate_id = $1`,
        [answer.body.registration.id],
      );
      expect(event.payload).toEqual({ registrationId: answer.body.registration.id });
      const job = new EnrolLinkedCourseJob(api.db);
      expect(await job.handle(event.payload)).toBe('success');
      expect(await job.handle(event.payload)).toBe('skipped');
      const enrolments = await api.db.query(
        `SELECT source, status FROM enrolment WHERE course_id = $1 AND employee_id = $2`,
        [course.courseId, answer.body.registration.employeeId],
      );
      expect(enrolments).toEqual([{ source: 'assigned', status: 'active' }]);
    });
  });

  describe('the burst (Done when)', () => {
    const PER_AGENCY = 200;
    let learners: Array<{ employeeId: string; agencyId: string; token: string }>;
    let cls: TrainingClass;

    beforeAll(async () => {
      // 2,000 distinct ASN, 200 in each regency/city, written set-based; their tokens are signed as the login would.
      const rows: Array<{ id: string; agency_id: string; user_id: string }> = await api.db.query(
        `WITH a AS (SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k FROM agency WHERE parent_id = $1),
              p AS (SELECT i, date '1975-01-01' + (i % 7000) AS birth FROM generate_series(0, $2::int - 1) AS i),
              e AS (
                INSERT INTO employee (nip, agency_id, employee_type, full_name, position_name, position_kind, rank, birth_date, gender)
                SELECT to_char(p.birth, 'YYYYMMDD') || (extract(year FROM p.birth)::int + 25)::text || '01' || (1 + p.i % 2)::text
                         || lpad((900 + p.i / 7000)::text, 3, '0'),
                       a.id, 'PNS', 'Peserta Angkatan ' || p.i, 'Analis', 'fungsional', 'III/a', p.birth, CASE WHEN p.i % 2 = 0 THEN 'L' ELSE 'P' END
                  FROM p JOIN a ON a.k = p.i % 10
                RETURNING id, agency_id),
              u AS (INSERT INTO user_account (employee_id) SELECT id FROM e RETURNING id, employee_id)
         SELECT e.id, e.agency_id, u.id AS user_id FROM e JOIN u ON u.employee_id = e.id`,
        [ntb, PER_AGENCY * 10],
      );
      expect(rows).toHaveLength(2000);
      const jwt = api.app.get(JwtService, { strict: false });
      learners = rows.map((r) => ({
        employeeId: r.id,
        agencyId: r.agency_id,
        token: jwt.sign({
          sub: r.user_id,
          emp: r.id,
          roles: [['learner', r.agency_id, null]],
          typ: 'access',
          sid: randomUUID(),
          gen: 0,
          lng: 'id',
        }),
      }));
      api.app.get(AgencyTree, { strict: false }).invalidate();
      cls = await createClass({
        name: 'Angkatan Serentak',
        schedule: [{ date: isoDate(Date.now() + 40 * day), start: '08:00', end: '16:00' }],
      });
      expect(cls.quotas).toHaveLength(10);
    }, 120_000);

    it('2,000 simultaneous registrations fill exactly the quotas and common seats; the rest wait in arrival order', async () => {
      const answers = await Promise.all(
        learners.map((l) => call<Answer>(l, 'POST', `/api/calendar/classes/${cls.id}/registrations`)),
      );
      const unexpected = answers.filter(
        (a) => a.status !== 201 || !['confirmed', 'waitlisted'].includes(a.body.registration?.status),
      );
      expect(unexpected.map((a) => `${a.status} ${a.body.code ?? a.body.registration?.status}`)).toEqual([]);
      const confirmed = answers
        .filter((a) => a.body.registration.status === 'confirmed')
        .map((a) => a.body.registration);
      const waiting = answers
        .filter((a) => a.body.registration.status === 'waitlisted')
        .map((a) => a.body.registration);
      expect([confirmed.length, waiting.length]).toEqual([60, 1940]);
      // Every agency holds exactly its 5 quota seats; the 10 common seats are the other ones.
      const quotaSeats = new Map<string, number>();
      for (const r of confirmed.filter((c) => c.seatPool === 'quota'))
        quotaSeats.set(r.agencyId, (quotaSeats.get(r.agencyId) ?? 0) + 1);
      expect([...quotaSeats.values()]).toEqual(Array(10).fill(5));
      expect(confirmed.filter((c) => c.seatPool === 'common')).toHaveLength(10);
      // Waitlist numbers: 1..1940, each once; each answer's position was its number (nobody had left the list).
      expect(waiting.map((w) => w.waitlistNumber).sort((a, b) => (a as number) - (b as number))).toEqual(
        Array.from({ length: 1940 }, (_, i) => i + 1),
      );
      expect(waiting.every((w) => w.waitlistPosition === w.waitlistNumber)).toBe(true);
      const [counts] = await api.db.query(
        `SELECT c.taken, c.common_taken, c.waitlist_seq::int AS seq, (SELECT sum(taken)::int FROM class_quota WHERE class_id = c.id) AS quota_taken,
                (SELECT count(*)::int FROM class_registration WHERE class_id = c.id) AS rows
           FROM training_class c WHERE c.id = $1`,
        [cls.id],
      );
      expect(counts).toEqual({ taken: 60, common_taken: 10, seq: 1940, quota_taken: 50, rows: 2000 });
      // One class-registration.confirmed event per confirmed seat, written by the same statement.
      expect(await confirmedEvents(cls.id)).toBe(60);

      // Arrival order after the burst: each later registrant gets the next number.
      const [late1, late2] = await (async () => {
        const extra: Array<{ id: string; agency_id: string; user_id: string }> = await api.db.query(
          `WITH e AS (INSERT INTO employee (nip, agency_id, employee_type, full_name, position_name, position_kind, rank, birth_date, gender)
                      VALUES ('199001012015011901', $1, 'PNS', 'Peserta Terlambat 1', 'Analis', 'fungsional', 'III/a', '1990-01-01', 'L'),
                             ('199001022015011902', $1, 'PNS', 'Peserta Terlambat 2', 'Analis', 'fungsional', 'III/a', '1990-01-02', 'L')
                      RETURNING id, agency_id),
                u AS (INSERT INTO user_account (employee_id) SELECT id FROM e RETURNING id, employee_id)
           SELECT e.id, e.agency_id, u.id AS user_id FROM e JOIN u ON u.employee_id = e.id ORDER BY e.id`,
          [regencies[0]],
        );
        const jwt = api.app.get(JwtService, { strict: false });
        return extra.map((r) => ({
          token: jwt.sign({
            sub: r.user_id,
            emp: r.id,
            roles: [['learner', r.agency_id, null]],
            typ: 'access',
            sid: randomUUID(),
            gen: 0,
          }),
        }));
      })();
      const a1 = await call<Answer>(late1, 'POST', `/api/calendar/classes/${cls.id}/registrations`);
      const a2 = await call<Answer>(late2, 'POST', `/api/calendar/classes/${cls.id}/registrations`);
      expect([a1.body.registration.waitlistNumber, a2.body.registration.waitlistNumber]).toEqual([1941, 1942]);
    }, 180_000);

    it('cancellations promote from the waitlist exactly once, in order, respecting quotas', async () => {
      const regs = async (status: string) =>
        (
          await api.db.query(
            `SELECT id, agency_id, seat_pool, waitlist_number::int AS n, employee_id FROM class_registration
              WHERE class_id = $1 AND status = $2 ORDER BY waitlist_number NULLS FIRST, id`,
            [cls.id, status],
          )
        ).map((r: { id: string; agency_id: string; seat_pool: string; n: number; employee_id: string }) => r);
      const tokenOf = new Map(learners.map((l) => [l.employeeId, l]));
      const confirmed = await regs('confirmed');
      const waitingBefore = await regs('waitlisted');

      // 1. One quota seat freed in each of five agencies, at once: each goes to that agency's first waiter.
      const quotaLeavers = regencies
        .slice(0, 5)
        .map((a) =>
          confirmed.find((r: { agency_id: string; seat_pool: string }) => r.agency_id === a && r.seat_pool === 'quota'),
        );
      const res1 = await Promise.all(
        quotaLeavers.map((r) =>
          call(tokenOf.get(r.employee_id) as { token: string }, 'POST', `/api/calendar/registrations/${r.id}/cancel`),
        ),
      );
      expect(res1.map((r) => r.status)).toEqual(Array(5).fill(200));
      const expected1 = regencies
        .slice(0, 5)
        .map((a) => waitingBefore.find((w: { agency_id: string }) => w.agency_id === a).id);
      const nowConfirmed = new Set((await regs('confirmed')).map((r: { id: string }) => r.id));
      expect(expected1.every((id) => nowConfirmed.has(id))).toBe(true);
      expect(nowConfirmed.size).toBe(60);

      // 2. Five common seats freed at once, and one of them cancelled twice at the same moment: the five first waiters
      //    (whatever their agency) are promoted, each once.
      const waiting2 = await regs('waitlisted');
      const commonLeavers = confirmed.filter((r: { seat_pool: string }) => r.seat_pool === 'common').slice(0, 5);
      const res2 = await Promise.all([
        ...commonLeavers.map((r: { id: string; employee_id: string }) =>
          call(tokenOf.get(r.employee_id) as { token: string }, 'POST', `/api/calendar/registrations/${r.id}/cancel`),
        ),
        call(
          tokenOf.get(commonLeavers[0].employee_id) as { token: string },
          'POST',
          `/api/calendar/registrations/${commonLeavers[0].id}/cancel`,
        ),
      ]);
      expect(res2.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 409]);
      const confirmed2 = await regs('confirmed');
      expect(confirmed2).toHaveLength(60);
      const promoted = waiting2.slice(0, 5).map((w: { id: string }) => w.id);
      expect(promoted.every((id: string) => confirmed2.some((c: { id: string }) => c.id === id))).toBe(true);
      expect(
        waiting2.slice(5, 6).every((w: { id: string }) => !confirmed2.some((c: { id: string }) => c.id === w.id)),
      ).toBe(true);

      const [counts] = await api.db.query(
        `SELECT c.taken, (c.waitlist_seq - c.waitlist_gone)::int AS waiting,
                (SELECT count(*)::int FROM class_registration r WHERE r.class_id = c.id AND r.status = 'waitlisted') AS waitlisted,
                (SELECT json_agg(taken ORDER BY agency_id) FROM class_quota WHERE class_id = c.id) AS quotas
           FROM training_class c WHERE c.id = $1`,
        [cls.id],
      );
      expect(counts).toEqual({ taken: 60, waiting: 1942 - 10, waitlisted: 1942 - 10, quotas: Array(10).fill(5) });
      // Ten promotions, ten more confirmed events: each promoted registration once.
      expect(await confirmedEvents(cls.id)).toBe(70);
      // The list shows live positions from 1.
      const listed = await call<Page<ClassRegistration>>(
        DEMO.provinceAdmin,
        'GET',
        `/api/calendar/classes/${cls.id}/registrations?status=waitlisted&pageSize=3`,
      );
      expect(listed.body.items.map((r) => r.waitlistPosition)).toEqual([1, 2, 3]);
      expect(listed.body.total).toBe(1932);
    }, 120_000);

    it('after the quota release date a newcomer never passes the waiters, and the release job fills the seats in order', async () => {
      const released = await createClass({
        name: 'Angkatan Rilis',
        seats: 2,
        quotas: [{ agencyId: regencies[0], seats: 1 }],
        quotaReleaseAt: new Date(Date.now() + 2_000).toISOString(),
        schedule: [{ date: isoDate(Date.now() + 80 * day), start: '08:00', end: '16:00' }],
      });
      const others = learners.filter((l) => l.agencyId === regencies[1]).slice(0, 3);
      const reg = (l: { token: string }) =>
        call<Answer>(l, 'POST', `/api/calendar/classes/${released.id}/registrations`);
      expect((await reg(others[0])).body.registration).toMatchObject({ status: 'confirmed', seatPool: 'common' });
      // Agency 0's seat is still reserved: the second ASN of agency 1 waits.
      expect((await reg(others[1])).body.registration).toMatchObject({ status: 'waitlisted', waitlistNumber: 1 });
      await new Promise((r) => setTimeout(r, 2_500));
      // Released now, a seat is free, but somebody waits: the newcomer queues behind.
      expect((await reg(others[2])).body.registration).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
      const job = new PromoteReleasedQuotasJob(api.db);
      expect(await job.handle({})).toBe('success');
      expect(await job.handle({})).toBe('skipped');
      const rows: Array<{ employee_id: string; status: string }> = await api.db.query(
        `SELECT employee_id, status FROM class_registration WHERE class_id = $1 ORDER BY created_at`,
        [released.id],
      );
      expect(rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
      expect(rows[1].employee_id).toBe(others[1].employeeId);
    }, 60_000);
  });
});
