import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES, DomainError } from '@kompeten/server-core';
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
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from './registration.service';
import { inSavepoint, isScheduleOverlap, promote, takeSeatAndRegister } from './registration-store';
import { DOUBLE_BOOKED_REASON } from './waitlist-promotion';

const DAY = 24 * 3600_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Registration rules on real PostgreSQL, below HTTP: the cases the burst test does not reach. */
describe('class registration (integration)', () => {
  let lib: LibTestContext;
  let world: World;
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let org: OrganisationService;
  let offeringId: string;
  let dayOffset = 30;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const newClass = async (o: Partial<CreateClassDto> = {}) => {
    const start = Date.now() + dayOffset++ * DAY;
    return offerings.createClass(await scope(world.admin), offeringId, {
      name: 'Angkatan Uji',
      schedule: [{ date: isoDate(start), start: '08:00', end: '16:00' }],
      mode: 'classroom',
      venue: 'Aula',
      seats: 2,
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      ...o,
    } as CreateClassDto);
  };
  const counters = async (classId: string) =>
    (
      await lib.db.query(
        `SELECT taken, common_taken, waitlist_seq::int AS seq, waitlist_gone::int AS gone FROM training_class WHERE id = $1`,
        [classId],
      )
    )[0];

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...CALENDAR_ENTITIES,
      ],
      imports: [CalendarModule],
    });
    world = await createWorld(lib.db, { learners: 5 });
    offerings = lib.get(OfferingService);
    registrations = lib.get(RegistrationService);
    org = lib.get(OrganisationService);
    offeringId = (
      await offerings.createOffering(await scope(world.admin), {
        agencyId: world.agency.id,
        title: 'Bimbingan Teknis Pengelolaan Arsip',
        jenisDiklatId: 8,
        jp: 16,
        competencyKind: 'teknis',
      })
    ).id;
  });
  afterAll(() => lib?.close());

  it('the same ASN registering five times at once holds one seat: the losers answer the winner, nothing leaks', async () => {
    const cls = await newClass({ seats: 3 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => registrations.registerSelf(world.learner.principal, cls.id)),
    );
    expect(new Set(answers.map((a) => a.registration.id)).size).toBe(1);
    expect(answers.filter((a) => !a.alreadyRegistered)).toHaveLength(1);
    expect(await counters(cls.id)).toEqual({ taken: 1, common_taken: 1, seq: 0, gone: 0 });
  });

  it('a class without a waitlist refuses when full; an unlimited class never fills', async () => {
    const cls = await newClass({ seats: 1, waitlist: false });
    await registrations.registerSelf(world.learners[0].principal, cls.id);
    expect(await domainErrorOf(registrations.registerSelf(world.learners[1].principal, cls.id))).toBe(
      ErrorCode.CALENDAR_CLASS_FULL,
    );
    expect(await counters(cls.id)).toEqual({ taken: 1, common_taken: 1, seq: 0, gone: 0 });
    const webinar = await newClass({
      seats: null,
      mode: 'online',
      venue: undefined,
      meetingUrl: 'https://zoom.us/j/123',
    });
    for (const p of world.learners) {
      expect((await registrations.registerSelf(p.principal, webinar.id)).registration.status).toBe('confirmed');
    }
  });

  it('a refusal by the supervisor frees the seat and the next waiter becomes pending approval', async () => {
    const cls = await newClass({ seats: 1, requiresApproval: true });
    const [a, b, c] = world.learners;
    const first = await registrations.registerSelf(a.principal, cls.id);
    const second = await registrations.registerSelf(b.principal, cls.id);
    const third = await registrations.registerSelf(c.principal, cls.id);
    expect([first, second, third].map((x) => x.registration.status)).toEqual([
      'pending_approval',
      'waitlisted',
      'waitlisted',
    ]);
    expect([second, third].map((x) => x.registration.waitlistPosition)).toEqual([1, 2]);
    const supervisor = await scope(world.supervisor);
    const refused = await registrations.decide(supervisor, first.registration.id, 'reject', 'Sedang tugas luar');
    expect(refused).toMatchObject({ status: 'refused', decisionReason: 'Sedang tugas luar' });
    const mine = await registrations.mine(b.principal, { page: 1, pageSize: 10 });
    expect(mine.items.find((r) => r.classId === cls.id)).toMatchObject({
      status: 'pending_approval',
      seatPool: 'common',
    });
    const theirs = await registrations.mine(c.principal, { page: 1, pageSize: 10 });
    expect(theirs.items.find((r) => r.classId === cls.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await counters(cls.id)).toEqual({ taken: 1, common_taken: 1, seq: 2, gone: 1 });
  });

  it('cancelling from the waitlist moves the others up and frees no seat; a cancelled ASN may register again', async () => {
    const cls = await newClass({ seats: 1 });
    const [a, b, c] = world.learners;
    await registrations.registerSelf(a.principal, cls.id);
    const wb = await registrations.registerSelf(b.principal, cls.id);
    await registrations.registerSelf(c.principal, cls.id);
    const cancelled = await registrations.cancel(await scope(b), wb.registration.id);
    expect(cancelled.status).toBe('cancelled');
    const theirs = await registrations.mine(c.principal, { page: 1, pageSize: 10 });
    expect(theirs.items.find((r) => r.classId === cls.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await counters(cls.id)).toEqual({ taken: 1, common_taken: 1, seq: 2, gone: 1 });
    expect(await domainErrorOf(registrations.cancel(await scope(b), wb.registration.id))).toBe(
      ErrorCode.CALENDAR_CANNOT_CANCEL,
    );
    const again = await registrations.registerSelf(b.principal, cls.id);
    expect(again).toMatchObject({
      alreadyRegistered: false,
      registration: { status: 'waitlisted', waitlistPosition: 2 },
    });
    // Somebody else's registration does not exist for another learner.
    expect(await domainErrorOf(registrations.cancel(await scope(c), again.registration.id))).toBe(
      ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND,
    );
  });

  it('after the cancellation deadline only an admin of the organising agency cancels', async () => {
    const cls = await newClass({ cancellationDeadline: new Date(Date.now() - 1000).toISOString() });
    const r = await registrations.registerSelf(world.learners[3].principal, cls.id);
    expect(await domainErrorOf(registrations.cancel(await scope(world.learners[3]), r.registration.id))).toBe(
      ErrorCode.CALENDAR_CANNOT_CANCEL,
    );
    expect((await registrations.cancel(await scope(world.admin), r.registration.id)).status).toBe('cancelled');
  });

  it('a city’s class does not exist for an ASN of another province, nor of a sibling city', async () => {
    const cls = await newClass({ seats: 5 });
    expect(await domainErrorOf(registrations.registerSelf(world.outsider.principal, cls.id))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_FOUND,
    );
    // The world's class is organised by a city: its sibling city is not below it.
    expect(await domainErrorOf(registrations.registerSelf(world.siblingLearner.principal, cls.id))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_FOUND,
    );
  });

  describe('nobody holds seats in two overlapping classes (the exclusion constraint)', () => {
    /** Two or more classes on one new day, each [start, end] local. */
    const sameDay = async (times: Array<[string, string]>, o: Partial<CreateClassDto> = {}) => {
      const date = isoDate(Date.now() + dayOffset++ * DAY);
      const out = [];
      for (const [start, end] of times) out.push(await newClass({ schedule: [{ date, start, end }], ...o }));
      return out;
    };
    const holding = async (employeeId: string) =>
      (await lib.db.query(
        `SELECT class_id, status, held_sessions IS NOT NULL AS held FROM class_registration
            WHERE employee_id = $1 AND status IN ('confirmed','pending_approval') ORDER BY created_at`,
        [employeeId],
      )) as Array<{ class_id: string; status: string; held: boolean }>;

    it('two simultaneous registrations of one ASN into overlapping classes: one seat, one SCHEDULE_CONFLICT, counters exact', async () => {
      const p = world.learners[4];
      const employeeId = p.principal.employeeId as string;
      for (let i = 0; i < 5; i++) {
        const [a, b] = await sameDay([
          ['08:00', '12:00'],
          ['11:00', '15:00'],
        ]);
        const answers = await Promise.all(
          [a, b].map((c) =>
            registrations.registerSelf(p.principal, c.id).then(
              (r) => ({ ok: r.registration.classId, code: null }),
              (e) => ({ ok: null, code: e instanceof DomainError ? e.code : String(e) }),
            ),
          ),
        );
        const won = answers.filter((x) => x.ok);
        expect(won).toHaveLength(1);
        expect(answers.filter((x) => x.code === ErrorCode.CALENDAR_SCHEDULE_CONFLICT)).toHaveLength(1);
        const held = (await holding(employeeId)).filter((h) => h.class_id === a.id || h.class_id === b.id);
        expect(held).toEqual([{ class_id: won[0].ok, status: 'confirmed', held: true }]);
        const loser = won[0].ok === a.id ? b.id : a.id;
        expect(await counters(won[0].ok as string)).toEqual({ taken: 1, common_taken: 1, seq: 0, gone: 0 });
        expect(await counters(loser)).toEqual({ taken: 0, common_taken: 0, seq: 0, gone: 0 });
        const [{ n }] = await lib.db.query(`SELECT count(*)::int AS n FROM class_registration WHERE class_id = $1`, [
          loser,
        ]);
        expect(n).toBe(0);
      }
    });

    it('the constraint refuses an overlapping seat even past the read check: the whole statement rolls back', async () => {
      const p = world.learners[3];
      const employeeId = p.principal.employeeId as string;
      const [a, b] = await sameDay([
        ['08:00', '10:00'],
        ['09:59', '11:00'],
      ]);
      await registrations.registerSelf(p.principal, a.id);
      // The write statement alone, as a request whose read ran before the first seat committed would send it.
      const err = await takeSeatAndRegister(lib.db, {
        classId: b.id,
        employeeId,
        agencyId: world.agency.id,
        nominatedBy: null,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isScheduleOverlap(err)).toBe(true);
      expect(await counters(b.id)).toEqual({ taken: 0, common_taken: 0, seq: 0, gone: 0 });
      // Through the service (and by nomination) it is the 409 of the read check.
      expect(await domainErrorOf(registrations.registerSelf(p.principal, b.id))).toBe(
        ErrorCode.CALENDAR_SCHEDULE_CONFLICT,
      );
      expect(await domainErrorOf(registrations.nominate(await scope(world.hrOfficer), b.id, employeeId))).toBe(
        ErrorCode.CALENDAR_SCHEDULE_CONFLICT,
      );
    });

    it('classes that only touch on the same day both take the ASN; cancelling frees the sessions for an overlapping class', async () => {
      const p = world.learners[2];
      const employeeId = p.principal.employeeId as string;
      const [morning, afternoon, lunch] = await sameDay([
        ['08:00', '12:00'],
        ['12:00', '16:00'],
        ['11:00', '13:00'],
      ]);
      const m = await registrations.registerSelf(p.principal, morning.id);
      const a = await registrations.registerSelf(p.principal, afternoon.id);
      expect([m, a].map((x) => x.registration.status)).toEqual(['confirmed', 'confirmed']);
      expect(await domainErrorOf(registrations.registerSelf(p.principal, lunch.id))).toBe(
        ErrorCode.CALENDAR_SCHEDULE_CONFLICT,
      );
      await registrations.cancel(await scope(p), m.registration.id);
      const [{ held }] = await lib.db.query(`SELECT held_sessions AS held FROM class_registration WHERE id = $1`, [
        m.registration.id,
      ]);
      expect(held).toBeNull();
      // Still overlapping the afternoon class; cancel that too, and lunch is free.
      expect(await domainErrorOf(registrations.registerSelf(p.principal, lunch.id))).toBe(
        ErrorCode.CALENDAR_SCHEDULE_CONFLICT,
      );
      await registrations.cancel(await scope(p), a.registration.id);
      expect((await registrations.registerSelf(p.principal, lunch.id)).registration.status).toBe('confirmed');
      expect(
        (await holding(employeeId)).filter((h) => [morning.id, afternoon.id, lunch.id].includes(h.class_id)),
      ).toEqual([{ class_id: lunch.id, status: 'confirmed', held: true }]);
    });

    it('a waiter who meanwhile holds an overlapping seat is refused at promotion; the seat goes to the next waiter', async () => {
      const [a, b, c] = world.learners;
      const [full, other] = await sameDay(
        [
          ['08:00', '16:00'],
          ['13:00', '14:00'],
        ],
        { seats: 1 },
      );
      const first = await registrations.registerSelf(a.principal, full.id);
      const wb = await registrations.registerSelf(b.principal, full.id);
      const wc = await registrations.registerSelf(c.principal, full.id);
      expect([wb, wc].map((x) => x.registration.status)).toEqual(['waitlisted', 'waitlisted']);
      // b only waits in the full class, so the overlapping class takes them.
      expect((await registrations.registerSelf(b.principal, other.id)).registration.status).toBe('confirmed');
      await registrations.cancel(await scope(a), first.registration.id);
      const admin = await scope(world.admin);
      const rows = (await registrations.forClass(admin, full.id, { page: 1, pageSize: 10 })).items;
      expect(rows.find((r) => r.id === wb.registration.id)).toMatchObject({
        status: 'refused',
        decisionReason: DOUBLE_BOOKED_REASON,
        seatPool: null,
      });
      expect(rows.find((r) => r.id === wc.registration.id)).toMatchObject({ status: 'confirmed', seatPool: 'common' });
      expect(await counters(full.id)).toEqual({ taken: 1, common_taken: 1, seq: 2, gone: 2 });
      expect(await counters(other.id)).toEqual({ taken: 1, common_taken: 1, seq: 0, gone: 0 });
    });

    it('a promotion the constraint refuses rolls back alone (its savepoint): counters untouched, the transaction goes on', async () => {
      const [a, b] = world.learners;
      const [full, other] = await sameDay(
        [
          ['08:00', '16:00'],
          ['09:00', '10:00'],
        ],
        { seats: 1 },
      );
      await registrations.registerSelf(a.principal, full.id);
      const wb = await registrations.registerSelf(b.principal, full.id);
      await registrations.registerSelf(b.principal, other.id);
      const before = await counters(full.id);
      const out = await lib.db.transaction(async (m) => {
        const r = await inSavepoint(
          m,
          'test_promotion',
          () => promote(m, full.id, [{ id: wb.registration.id, pool: 'common' }], false),
          isScheduleOverlap,
          'undone' as const,
        );
        const [{ ok }] = await m.query(`SELECT 1 AS ok`);
        return [r, ok];
      });
      expect(out).toEqual(['undone', 1]);
      expect(await counters(full.id)).toEqual(before);
      const [{ status }] = await lib.db.query(`SELECT status FROM class_registration WHERE id = $1`, [
        wb.registration.id,
      ]);
      expect(status).toBe('waitlisted');
    });
  });
});
