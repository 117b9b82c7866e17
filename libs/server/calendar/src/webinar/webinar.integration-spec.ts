import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createWorld,
  domainErrorOf,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { CalendarModule } from '../calendar.module';
import type { CreateClassDto } from '../dto/calendar.dto';
import { CALENDAR_ENTITIES } from '../index';
import { CalendarJobsModule } from '../jobs/calendar-jobs.module';
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from '../registration/registration.service';
import { SettleWebinarSessionsJob } from './jobs/settle-webinar-sessions.job';
import { PlanPresenceChecksJob } from './jobs/plan-presence-checks.job';
import { PresenceCheckService } from './presence-check.service';
import { lockWebinarSession, openCheckNow } from './webinar-store';
import { WebinarJoinService } from './webinar-join.service';
import { WebinarSettlementService } from './webinar-settlement.service';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const MEETING = 'https://zoom.us/j/81234567890';

/** Webinar joins, presence checks and minutes settlement on real PostgreSQL, below HTTP (decision 0038). */
describe('webinars (integration)', () => {
  let lib: LibTestContext;
  let world: World;
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let joins: WebinarJoinService;
  let checks: PresenceCheckService;
  let settlement: WebinarSettlementService;
  let org: OrganisationService;
  let offeringId: string;
  let dayOffset = 40;

  const scope = (p: Person) => org.scopeOf(p.principal);

  /**
   * An online class created through the service (far in the future), then moved to the given UTC sessions: the
   * service refuses a class starting in the past, and these tests need sessions around now.
   */
  const webinar = async (
    sessions: Array<[number, number]>,
    o: Partial<CreateClassDto> & { registrationOpen?: boolean } = {},
  ) => {
    const start = Date.now() + dayOffset++ * DAY;
    const { registrationOpen = false, ...dto } = o;
    const cls = await offerings.createClass(await scope(world.admin), offeringId, {
      name: 'Webinar Uji',
      schedule: [{ date: isoDate(start), start: '09:00', end: '11:00' }],
      mode: 'online',
      meetingUrl: MEETING,
      seats: null,
      speakers: [{ employeeId: world.author.employeeId, name: world.author.fullName }],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + DAY).toISOString(),
      ...dto,
    } as CreateClassDto);
    const iso = sessions.map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()]);
    await lib.db.query(
      `UPDATE training_class SET sessions = $2, starts_at = $3, ends_at = $4,
              registration_opens_at = now() - interval '2 days',
              registration_closes_at = CASE WHEN $5 THEN now() + interval '1 day' ELSE now() - interval '1 day' END,
              cancellation_deadline = now() - interval '1 day'
        WHERE id = $1`,
      [cls.id, JSON.stringify(iso), iso[0][0], iso[iso.length - 1][1], registrationOpen],
    );
    return cls.id;
  };
  /** Confirms a learner directly (registration itself is proven in registration.integration-spec.ts). */
  const confirm = async (classId: string, p: Person, status = 'confirmed') => {
    await lib.db.query(
      `INSERT INTO class_registration (class_id, employee_id, agency_id, status, seat_pool, waitlist_number)
       VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'waitlisted' THEN NULL ELSE 'common' END, CASE WHEN $4 = 'waitlisted' THEN 1 END)`,
      [classId, p.employeeId, p.agencyId, status],
    );
  };
  const joinRows = async (classId: string) =>
    lib.db.query(
      `SELECT employee_id, session_index, join_count, first_joined_at FROM webinar_join WHERE class_id = $1 ORDER BY employee_id`,
      [classId],
    );

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...CALENDAR_ENTITIES,
      ],
      imports: [CalendarModule, CalendarJobsModule],
    });
    world = await createWorld(lib.db, { learners: 5 });
    offerings = lib.get(OfferingService);
    registrations = lib.get(RegistrationService);
    joins = lib.get(WebinarJoinService);
    checks = lib.get(PresenceCheckService);
    settlement = lib.get(WebinarSettlementService);
    org = lib.get(OrganisationService);
    offeringId = (
      await offerings.createOffering(await scope(world.admin), {
        agencyId: world.agency.id,
        title: 'Sosialisasi Manajemen Talenta ASN',
        jenisDiklatId: 7,
        jp: 2,
        competencyKind: 'manajerial',
      })
    ).id;
  });
  afterAll(() => lib?.close());

  describe('join', () => {
    it('opens 15 minutes before a session and closes at its end', async () => {
      const now = Date.now();
      const soon = await webinar([[now + 20 * MIN, now + 140 * MIN]]);
      await confirm(soon, world.learner);
      expect(await domainErrorOf(joins.join(world.learner.principal, soon))).toBe(ErrorCode.CALENDAR_JOIN_NOT_OPEN);
      const early = await webinar([[now + 10 * MIN, now + 130 * MIN]]);
      await confirm(early, world.learner);
      expect(await joins.join(world.learner.principal, early)).toMatchObject({ meetingUrl: MEETING, sessionIndex: 0 });
      const over = await webinar([[now - 130 * MIN, now - 10 * MIN]]);
      await confirm(over, world.learner);
      expect(await domainErrorOf(joins.join(world.learner.principal, over))).toBe(ErrorCode.CALENDAR_JOIN_NOT_OPEN);
      expect(await joinRows(over)).toEqual([]);
    });

    it('joins the session of the day: a second day has its own row', async () => {
      const now = Date.now();
      const id = await webinar([
        [now - 2 * DAY, now - 2 * DAY + 120 * MIN],
        [now - 30 * MIN, now + 90 * MIN],
      ]);
      await confirm(id, world.learner);
      expect((await joins.join(world.learner.principal, id)).sessionIndex).toBe(1);
      expect((await joinRows(id)).map((r: { session_index: number }) => r.session_index)).toEqual([1]);
    });

    it('twice, or five times at once, records one join: the first instant stays, retries are not counted', async () => {
      const now = Date.now();
      const id = await webinar([[now - 5 * MIN, now + 115 * MIN]]);
      await confirm(id, world.learners[1]);
      const first = await joins.join(world.learners[1].principal, id);
      const again = await Promise.all(Array.from({ length: 5 }, () => joins.join(world.learners[1].principal, id)));
      expect(new Set(again.map((a) => a.firstJoinedAt))).toEqual(new Set([first.firstJoinedAt]));
      expect(again.every((a) => a.joinCount === 1 && a.meetingUrl === MEETING && !a.autoRegistered)).toBe(true);
      const rows = await joinRows(id);
      expect(rows).toHaveLength(1);
      expect(rows[0].join_count).toBe(1);
      // Coming back after 30 s counts as another join; the first instant does not move.
      await lib.db.query(`UPDATE webinar_join SET last_joined_at = now() - interval '5 minutes' WHERE class_id = $1`, [
        id,
      ]);
      const back = await joins.join(world.learners[1].principal, id);
      expect(back).toMatchObject({ joinCount: 2, firstJoinedAt: first.firstJoinedAt });
    });

    it('an unregistered learner is registered by joining an open unlimited webinar, by the registration rules', async () => {
      const now = Date.now();
      const open = await webinar([[now + 5 * MIN, now + 125 * MIN]], { registrationOpen: true });
      const answer = await joins.join(world.learners[2].principal, open);
      expect(answer).toMatchObject({ autoRegistered: true, joinCount: 1, meetingUrl: MEETING });
      const [reg] = await lib.db.query(
        `SELECT status FROM class_registration WHERE class_id = $1 AND employee_id = $2`,
        [open, world.learners[2].employeeId],
      );
      expect(reg.status).toBe('confirmed');
      expect((await joins.join(world.learners[2].principal, open)).autoRegistered).toBe(false);
      // Registration closed: no registration, no join.
      const closed = await webinar([[now - 5 * MIN, now + 115 * MIN]]);
      expect(await domainErrorOf(joins.join(world.learners[2].principal, closed))).toBe(
        ErrorCode.CALENDAR_REGISTRATION_CLOSED,
      );
      expect(await joinRows(closed)).toEqual([]);
      // A limited online class never registers at the door.
      const limited = await webinar([[now - 5 * MIN, now + 115 * MIN]], { seats: 50, registrationOpen: true });
      expect(await domainErrorOf(joins.join(world.learners[2].principal, limited))).toBe(
        ErrorCode.CALENDAR_NOT_REGISTERED,
      );
    });

    it('scope: outside the organising tree the class does not exist; waitlisted, classroom and cancelled are refused', async () => {
      const now = Date.now();
      const id = await webinar([[now - 5 * MIN, now + 115 * MIN]], { registrationOpen: true });
      expect(await domainErrorOf(joins.join(world.outsider.principal, id))).toBe(ErrorCode.CALENDAR_CLASS_NOT_FOUND);
      expect(await domainErrorOf(joins.join(world.siblingLearner.principal, id))).toBe(
        ErrorCode.CALENDAR_CLASS_NOT_FOUND,
      );
      expect(await domainErrorOf(joins.join(world.admin.principal, id))).toBe(ErrorCode.CALENDAR_NOT_REGISTERED);
      const limited = await webinar([[now - 5 * MIN, now + 115 * MIN]], { seats: 1 });
      await confirm(limited, world.learners[3], 'waitlisted');
      expect(await domainErrorOf(joins.join(world.learners[3].principal, limited))).toBe(
        ErrorCode.CALENDAR_NOT_REGISTERED,
      );
      const room = await webinar([[now - 5 * MIN, now + 115 * MIN]], {
        mode: 'classroom',
        venue: 'Aula',
        meetingUrl: undefined,
        seats: 10,
      });
      await confirm(room, world.learners[3]);
      expect(await domainErrorOf(joins.join(world.learners[3].principal, room))).toBe(ErrorCode.CALENDAR_NOT_WEBINAR);
      await confirm(id, world.learners[3]);
      await lib.db.query(`UPDATE training_class SET status = 'cancelled', cancelled_at = now() WHERE id = $1`, [id]);
      expect(await domainErrorOf(joins.join(world.learners[3].principal, id))).toBe(ErrorCode.CALENDAR_JOIN_NOT_OPEN);
      expect(await joinRows(id)).toEqual([]);
    });
  });

  describe('presence checks', () => {
    it('a session is planned once with its random checks, whoever asks', async () => {
      const now = Date.now();
      const id = await webinar([[now + 10 * MIN, now + 190 * MIN]]);
      await Promise.all([
        lib.get(PlanPresenceChecksJob).handle({}),
        checks.hostView(await scope(world.author), id),
        checks.hostView(await scope(world.admin), id),
      ]);
      const planned = await lib.db.query(
        `SELECT slot, opens_at, closes_at, code FROM presence_check WHERE class_id = $1 ORDER BY slot`,
        [id],
      );
      expect(planned.map((k: { slot: number }) => k.slot)).toEqual([0, 1, 2]);
      for (const k of planned as Array<{ opens_at: Date; closes_at: Date; code: string }>) {
        expect(k.code).toMatch(/^\d{4}$/);
        expect(k.opens_at.getTime()).toBeGreaterThanOrEqual(now + 20 * MIN - 1000);
        expect(k.closes_at.getTime() - k.opens_at.getTime()).toBe(5 * MIN);
        expect(k.closes_at.getTime()).toBeLessThanOrEqual(now + 180 * MIN);
      }
      expect(await lib.get(PlanPresenceChecksJob).handle({})).toBe('skipped');
    });

    it('the host opens a check now (a double click opens one); learners see it without its code', async () => {
      const now = Date.now();
      const id = await webinar([[now - 30 * MIN, now + 90 * MIN]]);
      await confirm(id, world.learner);
      const host = await scope(world.author);
      const [a, b] = await Promise.all([checks.openNow(host, id), checks.openNow(host, id)]);
      expect(a.check.id).toBe(b.check.id);
      expect([a.created, b.created].sort()).toEqual([false, true]);
      expect(a.check).toMatchObject({ origin: 'host', answered: 0 });
      const view = await checks.hostView(host, id);
      expect(view.openCheck).toMatchObject({ id: a.check.id, code: a.check.code });
      const learner = await joins.learnerView(world.learner.principal, id);
      expect(learner.openCheck).toEqual({
        id: a.check.id,
        sessionIndex: 0,
        opensAt: a.check.opensAt,
        closesAt: a.check.closesAt,
        answered: false,
        attemptsLeft: 3,
      });
      expect(JSON.stringify(learner)).not.toContain(`"${a.check.code}"`);
      // Learners and admins of other agencies are not hosts; outside a session nothing opens.
      expect(await domainErrorOf(checks.openNow(await scope(world.learner), id))).toBe(
        ErrorCode.CALENDAR_CLASS_NOT_FOUND,
      );
      expect(await domainErrorOf(checks.hostView(await scope(world.outsider), id))).toBe(
        ErrorCode.CALENDAR_CLASS_NOT_FOUND,
      );
      const later = await webinar([[now + 60 * MIN, now + 180 * MIN]]);
      expect(await domainErrorOf(checks.openNow(host, later))).toBe(ErrorCode.CALENDAR_NO_SESSION_NOW);
    });

    it('a second press whose transaction began before the first one opened its check still answers that check', async () => {
      const now = Date.now();
      const id = await webinar([[now - 30 * MIN, now + 90 * MIN]]);
      const host = await scope(world.author);
      // The second press's transaction begins (its now() is fixed here) and only then waits for the session lock...
      const second = lib.db.createQueryRunner();
      await second.connect();
      await second.startTransaction();
      try {
        await second.query('SELECT now()');
        await new Promise((r) => setTimeout(r, 20));
        // ...while the first press opens a check and commits.
        const first = await checks.openNow(host, id);
        expect(first.created).toBe(true);
        await lockWebinarSession(second.manager, id, 0);
        const again = await openCheckNow(second.manager, {
          classId: id,
          sessionIndex: 0,
          code: '1234',
          openedBy: world.author.principal.userId,
        });
        await second.commitTransaction();
        expect(again).toEqual({ id: first.check.id, created: false });
      } finally {
        if (second.isTransactionActive) await second.rollbackTransaction();
        await second.release();
      }
    });

    it('right once (five at once record one answer), wrong with attempts left, then none; late and unregistered refused', async () => {
      const now = Date.now();
      const id = await webinar([[now - 30 * MIN, now + 90 * MIN]]);
      const [l1, l2, l3] = world.learners;
      for (const p of [l1, l2]) await confirm(id, p);
      const { check } = await checks.openNow(await scope(world.admin), id);
      const wrong = check.code === '0000' ? '0001' : '0000';

      const answers = await Promise.all(
        Array.from({ length: 5 }, () => checks.answer(l1.principal, id, check.id, check.code)),
      );
      expect(answers.filter((x) => !x.alreadyAnswered)).toHaveLength(1);
      expect(new Set(answers.map((x) => x.answeredAt)).size).toBe(1);
      expect(await domainErrorOf(checks.answer(l1.principal, id, check.id, wrong))).toBeNull(); // answered: a retry changes nothing

      await expect(checks.answer(l2.principal, id, check.id, wrong)).rejects.toMatchObject({
        code: ErrorCode.CALENDAR_CHECK_WRONG_CODE,
        details: { attemptsLeft: 2 },
      });
      expect(await domainErrorOf(checks.answer(l2.principal, id, check.id, wrong))).toBe(
        ErrorCode.CALENDAR_CHECK_WRONG_CODE,
      );
      await expect(checks.answer(l2.principal, id, check.id, wrong)).rejects.toMatchObject({
        details: { attemptsLeft: 0 },
      });
      expect(await domainErrorOf(checks.answer(l2.principal, id, check.id, check.code))).toBe(
        ErrorCode.CALENDAR_CHECK_NO_ATTEMPTS,
      );
      expect(await domainErrorOf(checks.answer(l3.principal, id, check.id, check.code))).toBe(
        ErrorCode.CALENDAR_NOT_REGISTERED,
      );
      const rows = await lib.db.query(
        `SELECT employee_id, attempts, answered_at IS NOT NULL AS answered FROM presence_check_answer WHERE check_id = $1`,
        [check.id],
      );
      expect(rows).toHaveLength(2);
      expect(rows.find((r: { employee_id: string }) => r.employee_id === l1.employeeId)).toMatchObject({
        attempts: 1,
        answered: true,
      });
      expect(rows.find((r: { employee_id: string }) => r.employee_id === l2.employeeId)).toMatchObject({
        attempts: 3,
        answered: false,
      });
      expect((await checks.hostView(await scope(world.author), id)).openCheck?.answered).toBe(1);

      // Late: the window has passed. Another class's id does not find the check.
      await lib.db.query(
        `UPDATE presence_check SET opens_at = now() - interval '10 minutes', closes_at = now() - interval '5 minutes' WHERE id = $1`,
        [check.id],
      );
      await confirm(id, l3);
      expect(await domainErrorOf(checks.answer(l3.principal, id, check.id, check.code))).toBe(
        ErrorCode.CALENDAR_CHECK_CLOSED,
      );
      const other = await webinar([[now - 30 * MIN, now + 90 * MIN]]);
      expect(await domainErrorOf(checks.answer(l3.principal, other, check.id, check.code))).toBe(
        ErrorCode.CALENDAR_CHECK_NOT_FOUND,
      );
    });

    it('the participants list pages the people who joined or answered', async () => {
      const now = Date.now();
      const id = await webinar([[now - 30 * MIN, now + 90 * MIN]]);
      for (const p of world.learners.slice(0, 3)) {
        await confirm(id, p);
        await joins.join(p.principal, id);
      }
      const host = await scope(world.author);
      const { check } = await checks.openNow(host, id);
      await checks.answer(world.learners[0].principal, id, check.id, check.code);
      const page1 = await checks.participants(host, id, { sessionIndex: 0, page: 1, pageSize: 2 });
      const page2 = await checks.participants(host, id, { sessionIndex: 0, page: 2, pageSize: 2 });
      expect([page1.total, page1.items.length, page2.items.length]).toEqual([3, 2, 1]);
      const all = [...page1.items, ...page2.items];
      expect(all.find((x) => x.employeeId === world.learners[0].employeeId)).toMatchObject({
        joinCount: 1,
        answeredChecks: 1,
        nip: world.learners[0].nip,
      });
      expect((await checks.hostView(host, id)).joined).toBe(3);
    });
  });

  describe('minutes settlement', () => {
    /** A 120-minute session that ended an hour ago, with checks at +40 and +80 minutes. */
    const endedSession = async () => {
      const s = Date.now() - 3 * 60 * MIN;
      const id = await webinar([[s, s + 120 * MIN]]);
      const [k1, k2] = await lib.db.query(
        `INSERT INTO presence_check (class_id, session_index, code, origin, opens_at, closes_at)
         SELECT $1, 0, '1234', 'host', t, t + interval '5 minutes' FROM unnest($2::timestamptz[]) AS t
         RETURNING id`,
        [id, [new Date(s + 40 * MIN), new Date(s + 80 * MIN)]],
      );
      const join = (p: Person, at: number) =>
        lib.db.query(
          `INSERT INTO webinar_join (class_id, employee_id, session_index, first_joined_at, last_joined_at) VALUES ($1, $2, 0, $3, $3)`,
          [id, p.employeeId, new Date(at)],
        );
      const answer = (p: Person, check: { id: string }, at: number) =>
        lib.db.query(`INSERT INTO presence_check_answer (check_id, employee_id, answered_at) VALUES ($1, $2, $3)`, [
          check.id,
          p.employeeId,
          new Date(at),
        ]);
      return { id, s, k1, k2, join, answer };
    };
    const attendance = async (id: string) =>
      lib.db.query(
        `SELECT employee_id, status, minutes, late, left_early, arrived_at, left_at, source
           FROM class_attendance WHERE class_id = $1 ORDER BY minutes DESC, employee_id`,
        [id],
      );

    it('turns joins and answered checks into minutes, once: settling again changes nothing', async () => {
      const { id, s, k1, k2, join, answer } = await endedSession();
      const [full, late, partial, joinedOnly, answeredOnly] = world.learners;
      await join(full, s - 5 * MIN);
      await answer(full, k1, s + 41 * MIN);
      await answer(full, k2, s + 81 * MIN);
      await join(late, s + 25 * MIN);
      await answer(late, k1, s + 41 * MIN);
      await answer(late, k2, s + 82 * MIN);
      await join(partial, s);
      await answer(partial, k1, s + 42 * MIN);
      await join(joinedOnly, s + 1 * MIN);
      await answer(answeredOnly, k2, s + 83 * MIN);

      expect(await settlement.settle(id, 0)).toEqual({ status: 'settled', learners: 5, written: 5 });
      const first = await attendance(id);
      const byId = (e: string | null) =>
        first.find((r: { employee_id: string }) => r.employee_id === e) as Record<string, unknown>;
      expect(byId(full.employeeId)).toMatchObject({ status: 'present', minutes: 120, late: false, left_early: false });
      expect((byId(full.employeeId).arrived_at as Date).getTime()).toBe(s);
      expect(byId(late.employeeId)).toMatchObject({ minutes: 95, late: true, left_early: false });
      expect((byId(late.employeeId).arrived_at as Date).getTime()).toBe(s + 25 * MIN);
      expect(byId(partial.employeeId)).toMatchObject({ minutes: 40, left_early: true });
      expect((byId(partial.employeeId).left_at as Date).getTime()).toBe(s + 40 * MIN);
      expect(byId(joinedOnly.employeeId)).toMatchObject({ status: 'absent', minutes: 0 });
      expect(byId(answeredOnly.employeeId)).toMatchObject({ status: 'present', minutes: 40, late: true });
      expect(first.every((r: { source: string }) => r.source === 'webinar')).toBe(true);

      expect(await settlement.settle(id, 0)).toMatchObject({ status: 'settled', written: 5 });
      expect(await attendance(id)).toEqual(first);
      const [{ n, total }] = await lib.db.query(
        `SELECT count(*)::int AS n, sum(minutes)::int AS total FROM class_attendance WHERE class_id = $1`,
        [id],
      );
      expect([n, total]).toEqual([5, 120 + 95 + 40 + 40]);
    });

    it('the worker job settles ended sessions once; a trainer’s correction is not overwritten; running sessions wait', async () => {
      const { id, s, k1, k2, join, answer } = await endedSession();
      const [a, b] = world.learners;
      await join(a, s);
      await answer(a, k1, s + 41 * MIN);
      await answer(a, k2, s + 81 * MIN);
      await join(b, s);
      await lib.db.query(
        `INSERT INTO class_attendance (class_id, employee_id, session_index, status, minutes, source, arrived_at)
         VALUES ($1, $2, 0, 'present', 100, 'list', $3)`,
        [id, b.employeeId, new Date(s)],
      );
      const running = await webinar([[Date.now() - 30 * MIN, Date.now() + 90 * MIN]]);
      const job = lib.get(SettleWebinarSessionsJob);
      await job.handle({});
      const rows = await attendance(id);
      expect(rows.map((r: { source: string; minutes: number }) => [r.source, r.minutes])).toEqual([
        ['webinar', 120],
        ['list', 100],
      ]);
      const [{ settled }] = await lib.db.query(
        `SELECT settled_at IS NOT NULL AS settled FROM webinar_session WHERE class_id = $1 AND session_index = 0`,
        [id],
      );
      expect(settled).toBe(true);
      expect(await settlement.settle(running, 0)).toEqual({ status: 'not_ended' });
      const again = await lib.db.query(`SELECT class_id FROM webinar_session WHERE settled_at IS NOT NULL`);
      await job.handle({});
      expect(await lib.db.query(`SELECT class_id FROM webinar_session WHERE settled_at IS NOT NULL`)).toHaveLength(
        again.length,
      );
    });
  });

  it('registration stays the gate: a cancelled registration cannot join', async () => {
    const now = Date.now();
    const id = await webinar([[now - 5 * MIN, now + 115 * MIN]]);
    await confirm(id, world.learners[4]);
    await lib.db.query(
      `UPDATE class_registration SET status = 'cancelled', cancelled_at = now() WHERE class_id = $1 AND employee_id = $2`,
      [id, world.learners[4].employeeId],
    );
    expect(await domainErrorOf(joins.join(world.learners[4].principal, id))).toBe(
      ErrorCode.CALENDAR_REGISTRATION_CLOSED,
    );
    expect(registrations).toBeDefined();
  });
});
