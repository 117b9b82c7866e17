import { ErrorCode, type CalendarEvents } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createEnrolment,
  createPerson,
  createWorld,
  domainErrorOf,
  type LibTestContext,
  type Person,
  type WorldFor,
} from '@kompeten/server-testing';
import { CalendarModule } from '../calendar.module';
import type { CreateClassDto, CreateOfferingDto } from '../dto/calendar.dto';
import { CALENDAR_ENTITIES } from '../index';
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from '../registration/registration.service';
import { addDays } from './calendar-events';
import { CalendarViewsService } from './calendar-views.service';

const DAY = 24 * 3600_000;
const today = () => new Date().toISOString().slice(0, 10);

/** The calendar's views on real PostgreSQL: visibility as the class list decides it, filters, open-for-me, my calendar. */
describe('calendar views (integration)', () => {
  let lib: LibTestContext;
  let world: WorldFor<{ learners: 3; course: Record<string, never> }>;
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let views: CalendarViewsService;
  let org: OrganisationService;
  let provinceAdmin: Person;
  let kendalAdmin: Person;
  const D = addDays(today(), 40);
  const ids: Record<'city' | 'province' | 'kendal' | 'later' | 'twoDays', string> = {} as never;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const offering = async (admin: Person, o: Partial<CreateOfferingDto> & { agencyId: string }) =>
    (
      await offerings.createOffering(await scope(admin), {
        title: 'Bimbingan Teknis Pengelolaan Arsip',
        jenisDiklatId: 8,
        jp: 16,
        competencyKind: 'teknis',
        ...o,
      })
    ).id;
  const klass = async (admin: Person, offeringId: string, o: Partial<CreateClassDto> = {}) =>
    (
      await offerings.createClass(await scope(admin), offeringId, {
        name: 'Angkatan I',
        schedule: [{ date: D, start: '08:00', end: '12:00' }],
        mode: 'classroom',
        venue: 'Aula',
        seats: 10,
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
        ...o,
      } as CreateClassDto)
    ).id;
  const window = { from: addDays(D, -3), to: addDays(D, 20) };
  const eventsFor = async (p: Person, q: Record<string, unknown> = {}): Promise<CalendarEvents> =>
    views.events(await scope(p), { ...window, ...q });
  const classIds = (r: CalendarEvents) => [...new Set(r.events.map((e) => e.classId))].sort();

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
    world = await createWorld(lib.db, { learners: 3, course: {} });
    offerings = lib.get(OfferingService);
    registrations = lib.get(RegistrationService);
    views = lib.get(CalendarViewsService);
    org = lib.get(OrganisationService);
    provinceAdmin = await createPerson(lib.db, {
      agencyId: world.province.id,
      employee: false,
      roles: ['province_admin'],
    });
    kendalAdmin = await createPerson(lib.db, {
      agencyId: world.otherAgency.id,
      employee: false,
      roles: ['agency_admin'],
    });
    const cityOffering = await offering(world.admin, { agencyId: world.agency.id });
    ids.city = await klass(world.admin, cityOffering);
    ids.later = await klass(world.admin, cityOffering, {
      name: 'Angkatan III',
      schedule: [{ date: addDays(D, 70), start: '08:00', end: '12:00' }],
    });
    ids.twoDays = await klass(world.admin, cityOffering, {
      name: 'Angkatan II',
      schedule: [
        { date: addDays(D, 20), start: '13:00', end: '16:00' },
        { date: addDays(D, 21), start: '08:00', end: '11:30' },
      ],
    });
    const provinceOffering = await offering(provinceAdmin, {
      agencyId: world.province.id,
      title: 'Pelatihan Kepemimpinan Pengawas',
      jenisDiklatId: 5,
      competencyKind: 'manajerial',
    });
    ids.province = await klass(provinceAdmin, provinceOffering, {
      schedule: [{ date: addDays(D, 1), start: '09:00', end: '15:00' }],
      mode: 'online',
      venue: undefined,
      meetingUrl: 'https://zoom.us/j/42',
      seats: null,
      registrationOpensAt: new Date(Date.now() + DAY).toISOString(),
    });
    const kendalOffering = await offering(kendalAdmin, { agencyId: world.otherAgency.id });
    ids.kendal = await klass(kendalAdmin, kendalOffering);
  });
  afterAll(() => lib?.close());

  it('shows an ASN the classes of their agency and the agencies above it, one event per day in local time', async () => {
    const r = await eventsFor(world.learner);
    expect(classIds(r)).toEqual([ids.city, ids.province, ids.twoDays].sort());
    const city = r.events.find((e) => e.classId === ids.city);
    expect(city).toMatchObject({
      date: D,
      start: '08:00',
      end: '12:00',
      timeZone: 'Asia/Makassar',
      zoneLabel: 'WITA',
      startsAt: `${D}T00:00:00.000Z`,
      seatsLeft: 10,
      registrationOpen: true,
      openForMe: true,
      myStatus: null,
      agencyName: 'Pemerintah Kota Mataram',
    });
    // The two-day class: only its first day lies in the window.
    expect(
      r.events.filter((e) => e.classId === ids.twoDays).map((e) => [e.sessionIndex, e.sessionCount, e.date]),
    ).toEqual([[0, 2, addDays(D, 20)]]);
    expect(r.events.map((e) => e.startsAt)).toEqual([...r.events.map((e) => e.startsAt)].sort());
    // A sibling city's ASN sees the province's class, not the city's; the other province's ASN only theirs.
    expect(classIds(await eventsFor(world.siblingLearner))).toEqual([ids.province]);
    expect(classIds(await eventsFor(world.outsider))).toEqual([ids.kendal]);
    // An admin sees its agency's classes; the platform view is not the test here.
    expect(classIds(await eventsFor(world.admin))).toEqual([ids.city, ids.twoDays].sort());
  });

  it('filters by agency, mode, form and competency kind; an agency outside the caller’s sight is a 404', async () => {
    expect(classIds(await eventsFor(world.learner, { mode: 'online' }))).toEqual([ids.province]);
    expect(classIds(await eventsFor(world.learner, { jenisDiklatId: 8 }))).toEqual([ids.city, ids.twoDays].sort());
    expect(classIds(await eventsFor(world.learner, { competencyKind: 'manajerial' }))).toEqual([ids.province]);
    expect(classIds(await eventsFor(world.learner, { agencyId: world.province.id }))).toEqual([ids.province]);
    expect(await domainErrorOf(eventsFor(world.learner, { agencyId: world.otherAgency.id }))).toBe(
      ErrorCode.ORG_AGENCY_NOT_FOUND,
    );
    expect(await domainErrorOf(eventsFor(world.admin, { agencyId: world.province.id }))).toBe(
      ErrorCode.ORG_AGENCY_NOT_FOUND,
    );
    expect(await domainErrorOf(eventsFor(world.learner, { agencyId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      ErrorCode.ORG_AGENCY_NOT_FOUND,
    );
  });

  it('refuses a window longer than 62 days or ending before it starts', async () => {
    expect(await domainErrorOf(eventsFor(world.learner, { from: D, to: addDays(D, 62) }))).toBe(
      ErrorCode.CALENDAR_RANGE_TOO_LONG,
    );
    expect((await eventsFor(world.learner, { from: D, to: addDays(D, 61) })).events.length).toBeGreaterThan(0);
    expect(await domainErrorOf(eventsFor(world.learner, { from: D, to: addDays(D, -1) }))).toBe(
      ErrorCode.CALENDAR_RANGE_TOO_LONG,
    );
  });

  it('“open for me”: open now, open to me, not registered already', async () => {
    const [, learner] = world.learners;
    expect(classIds(await eventsFor(learner, { openForMe: true }))).toEqual([ids.city, ids.twoDays].sort());
    await registrations.registerSelf(learner.principal, ids.city);
    const after = await eventsFor(learner, { openForMe: true });
    expect(classIds(after)).toEqual([ids.twoDays]);
    const all = await eventsFor(learner);
    expect(all.events.find((e) => e.classId === ids.city)).toMatchObject({
      myStatus: 'confirmed',
      openForMe: false,
      seatsLeft: 9,
    });
    // An admin without an ASN record has nothing open for them.
    expect((await eventsFor(world.admin, { openForMe: true })).events).toEqual([]);
  });

  it('my calendar: my classes with my status, and the due dates of my unsettled courses on their local day', async () => {
    const [, , me] = world.learners;
    await registrations.registerSelf(me.principal, ids.twoDays);
    const course = world.course;
    const due = await createEnrolment(lib.db, {
      courseId: course.courseId,
      versionId: course.versionId,
      employeeId: me.principal.employeeId as string,
    });
    // Due at the end of D in WIT (14:59:59Z): D in Jayapura whatever the server's zone.
    await lib.db.query(`UPDATE enrolment SET due_at = $2, due_time_zone = 'Asia/Jayapura' WHERE id = $1`, [
      due,
      `${D}T14:59:59Z`,
    ]);
    const mine = await views.mine(me.principal, window);
    expect(mine.events.map((e) => [e.classId, e.myStatus, e.date])).toEqual([
      [ids.twoDays, 'confirmed', addDays(D, 20)],
    ]);
    expect(mine.dueDates).toEqual([
      expect.objectContaining({
        enrolmentId: due,
        dueDate: D,
        zoneLabel: 'WIT',
        timeZone: 'Asia/Jayapura',
        overdue: false,
      }),
    ]);
    // Outside the window, or once completed, a due date is not on the calendar.
    expect((await views.mine(me.principal, { from: addDays(D, 1), to: addDays(D, 30) })).dueDates).toEqual([]);
    await lib.db.query(`UPDATE enrolment SET status = 'completed', completed_at = now() WHERE id = $1`, [due]);
    expect((await views.mine(me.principal, window)).dueDates).toEqual([]);
    // Somebody else's calendar does not show my class.
    expect((await views.mine(world.learner.principal, window)).events.map((e) => e.classId)).not.toContain(ids.twoDays);
  });
});
