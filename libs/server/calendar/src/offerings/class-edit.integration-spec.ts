import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES, DomainError } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createPerson,
  createWorld,
  domainErrorOf,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { CalendarModule } from '../calendar.module';
import type { CreateClassDto } from '../dto/calendar.dto';
import { CALENDAR_ENTITIES } from '../index';
import { RegistrationService } from '../registration/registration.service';
import { addDays } from '../views/calendar-events';
import { ClassEditService } from './class-edit.service';
import { OfferingService } from './offering.service';

const DAY = 24 * 3600_000;
const D = addDays(new Date().toISOString().slice(0, 10), 30);

/** Class edits and cancellation on real PostgreSQL (decision 0040). */
describe('class edits and cancellation (integration)', () => {
  let lib: LibTestContext;
  let world: World;
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let edits: ClassEditService;
  let org: OrganisationService;
  let offeringId: string;
  let n = 0;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const newClass = async (o: Partial<CreateClassDto> = {}) =>
    offerings.createClass(await scope(world.admin), offeringId, {
      name: `Angkatan ${++n}`,
      schedule: [{ date: addDays(D, n * 3), start: '08:00', end: '12:00' }],
      mode: 'classroom',
      venue: 'Aula',
      seats: 3,
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
      ...o,
    } as CreateClassDto);
  const findClassName = async (id: string) =>
    (await lib.db.query(`SELECT name FROM training_class WHERE id = $1`, [id]))[0] as { name: string };
  const stored = async (id: string) =>
    (
      await lib.db.query(
        `SELECT sessions, starts_at, ends_at, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
                sequence, taken, common_taken, waitlist_seq::int AS seq, waitlist_gone::int AS gone, status
           FROM training_class WHERE id = $1`,
        [id],
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
    edits = lib.get(ClassEditService);
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

  it('a new schedule recomputes the sessions, dates and span in the agency’s zone and bumps SEQUENCE once', async () => {
    const cls = await newClass();
    const schedule = [
      { date: addDays(D, 40), start: '13:00', end: '16:00' },
      { date: addDays(D, 41), start: '07:30', end: '11:00' },
    ];
    const answer = await edits.update(await scope(world.admin), cls.id, { schedule, name: 'Angkatan Ulang' });
    expect(answer).toMatchObject({
      sequence: 1,
      class: { name: 'Angkatan Ulang', sequence: 1, schedule },
    });
    const row = await stored(cls.id);
    expect(row).toMatchObject({
      sessions: [
        [`${addDays(D, 40)}T05:00:00.000Z`, `${addDays(D, 40)}T08:00:00.000Z`],
        [`${addDays(D, 40)}T23:30:00.000Z`, `${addDays(D, 41)}T03:00:00.000Z`],
      ],
      start_date: addDays(D, 40),
      end_date: addDays(D, 41),
      sequence: 1,
    });
    expect(new Date(row.starts_at).toISOString()).toBe(`${addDays(D, 40)}T05:00:00.000Z`);
    expect(new Date(row.ends_at).toISOString()).toBe(`${addDays(D, 41)}T03:00:00.000Z`);
    // The same request again changes nothing.
    expect((await edits.update(await scope(world.admin), cls.id, { schedule, name: 'Angkatan Ulang' })).sequence).toBe(
      1,
    );
    expect((await edits.update(await scope(world.admin), cls.id, { venue: 'Aula Baru' })).sequence).toBe(2);
  });

  it('checks the edited class as a whole and only lets the organising agency’s admins edit', async () => {
    const cls = await newClass();
    const admin = await scope(world.admin);
    expect(await domainErrorOf(edits.update(admin, cls.id, { venue: null }))).toBe(ErrorCode.CALENDAR_INVALID_CLASS);
    expect(
      await domainErrorOf(
        edits.update(admin, cls.id, {
          registrationClosesAt: new Date(Date.parse(`${addDays(D, 90)}T00:00:00Z`)).toISOString(),
        }),
      ),
    ).toBe(ErrorCode.CALENDAR_INVALID_CLASS);
    expect(
      await domainErrorOf(
        edits.update(admin, cls.id, { schedule: [{ date: addDays(D, 50), start: '12:00', end: '08:00' }] }),
      ),
    ).toBe(ErrorCode.CALENDAR_INVALID_CLASS);
    const siblingAdmin = await createPerson(lib.db, {
      agencyId: world.sibling.id,
      employee: false,
      roles: ['agency_admin'],
    });
    for (const p of [siblingAdmin, world.learner, world.hrOfficer]) {
      expect(await domainErrorOf(edits.update(await scope(p), cls.id, { name: 'X' }))).toBe(
        ErrorCode.CALENDAR_CLASS_NOT_FOUND,
      );
      expect(await domainErrorOf(edits.cancel(await scope(p), cls.id, { reason: 'Tidak jadi' }))).toBe(
        ErrorCode.CALENDAR_CLASS_NOT_FOUND,
      );
    }
    expect((await stored(cls.id)).sequence).toBe(0);
  });

  it('refuses a schedule that double-books a seat holder, names them and changes nothing; a free move is saved', async () => {
    const [a, b, c] = world.learners;
    const first = await newClass();
    const second = await newClass();
    await registrations.registerSelf(a.principal, first.id);
    await registrations.registerSelf(a.principal, second.id);
    await registrations.registerSelf(b.principal, second.id);
    await registrations.registerSelf(c.principal, first.id);
    const before = await stored(second.id);
    const heldOf = async () =>
      (
        await lib.db.query(
          `SELECT employee_id, held_sessions::text AS held FROM class_registration WHERE class_id = $1 ORDER BY employee_id`,
          [second.id],
        )
      ).map((r: { employee_id: string; held: string }) => [r.employee_id, r.held]);
    const heldBefore = await heldOf();
    const admin = await scope(world.admin);
    let refusal: DomainError | null = null;
    try {
      await edits.update(admin, second.id, { schedule: first.schedule, name: 'Pindah' });
    } catch (e) {
      refusal = e as DomainError;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal?.code).toBe(ErrorCode.CALENDAR_SCHEDULE_CONFLICT);
    expect(refusal?.message).toMatch(/1 peserta/);
    expect(refusal?.details).toEqual([
      expect.objectContaining({
        employeeId: a.principal.employeeId,
        otherClassId: first.id,
        employeeName: 'Peserta Dinkes 1',
      }),
    ]);
    // Nothing changed: not the class, its SEQUENCE, its seat holders' sessions, nor the audit log.
    expect(await stored(second.id)).toEqual(before);
    expect((await findClassName(second.id)).name).toBe(second.name);
    expect(await heldOf()).toEqual(heldBefore);
    const audit = await lib.db.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [second.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['calendar.class.create']);

    // Half an hour later on the same day overlaps too (the sessions, not the day, decide); after the first ends it does not.
    const day = first.schedule[0].date;
    expect(
      await domainErrorOf(edits.update(admin, second.id, { schedule: [{ date: day, start: '11:30', end: '13:00' }] })),
    ).toBe(ErrorCode.CALENDAR_SCHEDULE_CONFLICT);
    const moved = await edits.update(admin, second.id, { schedule: [{ date: day, start: '12:00', end: '15:00' }] });
    expect(moved).toMatchObject({ sequence: 1 });
    expect(moved).not.toHaveProperty('conflicts');
    expect(await heldOf()).not.toEqual(heldBefore);
    // The registrants hold the new sessions: a's first class now touching it is fine, moving first onto it is not.
    expect(
      await domainErrorOf(edits.update(admin, first.id, { schedule: [{ date: day, start: '09:00', end: '12:30' }] })),
    ).toBe(ErrorCode.CALENDAR_SCHEDULE_CONFLICT);
  });

  it('a started class keeps its schedule; a finished one takes no edit', async () => {
    const cls = await newClass();
    await lib.db.query(`UPDATE training_class SET starts_at = now() - interval '1 hour' WHERE id = $1`, [cls.id]);
    const admin = await scope(world.admin);
    expect(
      await domainErrorOf(
        edits.update(admin, cls.id, { schedule: [{ date: addDays(D, 60), start: '08:00', end: '09:00' }] }),
      ),
    ).toBe(ErrorCode.CALENDAR_CLASS_NOT_EDITABLE);
    expect((await edits.update(admin, cls.id, { meetingUrl: 'https://zoom.us/j/5' })).class.meetingUrl).toBe(
      'https://zoom.us/j/5',
    );
    await lib.db.query(
      `UPDATE training_class SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 minute' WHERE id = $1`,
      [cls.id],
    );
    expect(await domainErrorOf(edits.update(admin, cls.id, { name: 'Lagi' }))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_EDITABLE,
    );
    expect(await domainErrorOf(edits.cancel(admin, cls.id, { reason: 'Terlambat' }))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_EDITABLE,
    );
  });

  it('cancelling closes live registrations, frees every seat, refuses new ones and further edits; a retry changes nothing', async () => {
    const cls = await newClass({ seats: 1 });
    const [a, b, c] = world.learners;
    await registrations.registerSelf(a.principal, cls.id);
    await registrations.registerSelf(b.principal, cls.id);
    const admin = await scope(world.admin);
    const cancelled = await edits.cancel(admin, cls.id, { reason: 'Narasumber berhalangan' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Narasumber berhalangan',
      sequence: 1,
      taken: 0,
    });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(await stored(cls.id)).toMatchObject({ taken: 0, common_taken: 0, seq: 1, gone: 1, status: 'cancelled' });
    const regs = await registrations.forClass(admin, cls.id, { page: 1, pageSize: 10 });
    expect(regs.items.map((r) => [r.status, r.decisionReason])).toEqual([
      ['cancelled', 'Narasumber berhalangan'],
      ['cancelled', 'Narasumber berhalangan'],
    ]);
    expect(await domainErrorOf(registrations.registerSelf(c.principal, cls.id))).toBe(
      ErrorCode.CALENDAR_REGISTRATION_CLOSED,
    );
    expect(
      await domainErrorOf(
        registrations.nominate(await scope(world.hrOfficer), cls.id, c.principal.employeeId as string),
      ),
    ).toBe(ErrorCode.CALENDAR_REGISTRATION_CLOSED);
    expect(await domainErrorOf(edits.update(admin, cls.id, { name: 'Hidup lagi' }))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_EDITABLE,
    );
    expect((await edits.cancel(admin, cls.id, { reason: 'Lagi' })).sequence).toBe(1);
    const audit = await lib.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [cls.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['calendar.class.create', 'calendar.class.cancel']);
  });
});
