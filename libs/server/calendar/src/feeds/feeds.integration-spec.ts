import ICAL from 'ical.js';
import { ErrorCode, type AgencyTimeZone } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createAgency,
  createEnrolment,
  createPerson,
  createWorld,
  domainErrorOf,
  type LibTestContext,
  type Person,
  type WorldFor,
} from '@kompeten/server-testing';
import { CalendarModule } from '../calendar.module';
import type { CreateClassDto } from '../dto/calendar.dto';
import { CALENDAR_ENTITIES } from '../index';
import { ClassEditService } from '../offerings/class-edit.service';
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from '../registration/registration.service';
import { addDays } from '../views/calendar-events';
import { CalendarViewsService } from '../views/calendar-views.service';
import { FeedService } from './feed.service';

const DAY = 24 * 3600_000;
const D = addDays(new Date().toISOString().slice(0, 10), 30);

/** What a calendar app reads of a feed, parsed with ical.js with the feed's own VTIMEZONEs registered. */
function read(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      tzid: (v.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      local: e.startDate.toString(),
      localEnd: e.endDate.toString(),
      utc: e.startDate.isDate ? null : e.startDate.toJSDate().toISOString(),
      utcEnd: e.endDate.isDate ? null : e.endDate.toJSDate().toISOString(),
      sequence: e.sequence,
      status: v.getFirstPropertyValue('status') as string | null,
      summary: e.summary,
      location: e.location,
      description: e.description,
    };
  });
}

/**
 * The feeds on real PostgreSQL, read back with ical.js (the Done-when): the right local times in WIB, WITA and WIT,
 * SEQUENCE after an edit, STATUS:CANCELLED after a cancellation, and private tokens that can be revoked.
 */
describe('calendar feeds (integration)', () => {
  let lib: LibTestContext;
  let world: WorldFor<{ learners: 2; course: Record<string, never> }>;
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let edits: ClassEditService;
  let feeds: FeedService;
  let org: OrganisationService;
  const agencies = {} as Record<AgencyTimeZone, { id: string; admin: Person; classId: string }>;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const tokenOf = (url: string) => /feeds\/([^/]+)\.ics$/.exec(url)?.[1] as string;
  const newClass = async (zone: AgencyTimeZone, o: Partial<CreateClassDto> = {}) => {
    const a = agencies[zone];
    const offeringId = (
      await offerings.createOffering(await scope(a.admin), {
        agencyId: a.id,
        title: `Bimtek Kearsipan ${zone}`,
        jenisDiklatId: 8,
        jp: 8,
        competencyKind: 'teknis',
      })
    ).id;
    return (
      await offerings.createClass(await scope(a.admin), offeringId, {
        name: 'Angkatan I',
        schedule: [{ date: D, start: '08:00', end: '12:00' }],
        mode: 'blended',
        venue: 'Aula Diklat',
        meetingUrl: 'https://zoom.us/j/777',
        seats: 20,
        registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
        registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
        cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
        ...o,
      } as CreateClassDto)
    ).id;
  };

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
      config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' },
    });
    world = await createWorld(lib.db, { learners: 2, course: {} });
    offerings = lib.get(OfferingService);
    registrations = lib.get(RegistrationService);
    edits = lib.get(ClassEditService);
    feeds = lib.get(FeedService);
    org = lib.get(OrganisationService);
    const papua = await createAgency(lib.db, {
      code: `kab-jayapura-${Date.now()}`,
      name: 'Pemerintah Kabupaten Jayapura',
      level: 'kabupaten',
      timeZone: 'Asia/Jayapura',
    });
    const zones: Array<[AgencyTimeZone, string]> = [
      ['Asia/Jakarta', world.otherAgency.id],
      ['Asia/Makassar', world.agency.id],
      ['Asia/Jayapura', papua.id],
    ];
    for (const [zone, id] of zones) {
      const admin =
        zone === 'Asia/Makassar'
          ? world.admin
          : await createPerson(lib.db, { agencyId: id, employee: false, roles: ['agency_admin'] });
      agencies[zone] = { id, admin, classId: '' };
      agencies[zone].classId = await newClass(zone);
    }
  });
  afterAll(() => lib?.close());

  it.each([
    ['Asia/Jakarta', `${D}T01:00:00.000Z`, `${D}T05:00:00.000Z`],
    ['Asia/Makassar', `${D}T00:00:00.000Z`, `${D}T04:00:00.000Z`],
    ['Asia/Jayapura', `${addDays(D, -1)}T23:00:00.000Z`, `${D}T03:00:00.000Z`],
  ] as const)(
    'an agency feed in %s shows 08:00–12:00 local with its VTIMEZONE, the right UTC, no meeting link',
    async (zone, utc, utcEnd) => {
      const text = await feeds.agencyFeed(agencies[zone].id);
      const compact = D.replace(/-/g, '');
      expect(text).toContain(`DTSTART;TZID=${zone}:${compact}T080000`);
      expect(text).toContain(`TZID:${zone}`);
      expect(text).not.toContain('zoom.us');
      expect(read(text)).toEqual([
        expect.objectContaining({
          uid: `${agencies[zone].classId}-0@kompeten.ntbprov.go.id`,
          tzid: zone,
          local: `${D}T08:00:00`,
          localEnd: `${D}T12:00:00`,
          utc,
          utcEnd,
          sequence: 0,
          status: 'CONFIRMED',
          location: 'Aula Diklat',
        }),
      ]);
    },
  );

  it('an unknown agency has no feed', async () => {
    expect(await domainErrorOf(feeds.agencyFeed('00000000-0000-4000-8000-000000000000'))).toBe(
      ErrorCode.ORG_AGENCY_NOT_FOUND,
    );
  });

  it('a learner’s feed: their classes and due dates; an edit bumps SEQUENCE and moves DTSTART; a cancellation says CANCELLED', async () => {
    const [me, other] = world.learners;
    const classId = await newClass('Asia/Makassar', {
      schedule: [
        { date: addDays(D, 2), start: '08:00', end: '12:00' },
        { date: addDays(D, 3), start: '08:00', end: '12:00' },
      ],
    });
    await registrations.registerSelf(me.principal, classId);
    const enrolment = await createEnrolment(lib.db, {
      courseId: world.course.courseId,
      versionId: world.course.versionId,
      employeeId: me.principal.employeeId as string,
    });
    await lib.db.query(`UPDATE enrolment SET due_at = $2, due_time_zone = 'Asia/Makassar' WHERE id = $1`, [
      enrolment,
      `${addDays(D, 5)}T15:59:59Z`,
    ]);
    const issued = await feeds.issue(me.principal);
    expect(issued.url).toMatch(
      /^https:\/\/kompeten\.ntbprov\.go\.id\/api\/public\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    expect(issued.webcalUrl).toBe(issued.url.replace('https://', 'webcal://'));
    expect(await feeds.state(me.principal)).toMatchObject({ active: true });
    const token = tokenOf(issued.url);
    // Only the hash is stored.
    const [stored] = await lib.db.query(`SELECT token_hash FROM calendar_feed_token WHERE employee_id = $1`, [
      me.principal.employeeId,
    ]);
    expect(stored.token_hash).not.toContain(token);

    let events = read(await feeds.learnerFeed(token));
    expect(events.map((e) => [e.uid, e.local, e.sequence, e.status])).toEqual([
      [`${classId}-0@kompeten.ntbprov.go.id`, `${addDays(D, 2)}T08:00:00`, 0, 'CONFIRMED'],
      [`${classId}-1@kompeten.ntbprov.go.id`, `${addDays(D, 3)}T08:00:00`, 0, 'CONFIRMED'],
      [`due-${enrolment}@kompeten.ntbprov.go.id`, addDays(D, 5), 0, null],
    ]);
    expect(events[0].location).toBe('Aula Diklat');
    expect(events[0].description).toContain('https://zoom.us/j/777');

    const edit = await edits.update(await scope(world.admin), classId, {
      schedule: [
        { date: addDays(D, 2), start: '13:00', end: '16:30' },
        { date: addDays(D, 3), start: '08:00', end: '12:00' },
      ],
      venue: 'Aula Bappeda',
    });
    expect(edit.sequence).toBe(1);
    events = read(await feeds.learnerFeed(token));
    expect(events[0]).toMatchObject({
      local: `${addDays(D, 2)}T13:00:00`,
      utc: `${addDays(D, 2)}T05:00:00.000Z`,
      sequence: 1,
      location: 'Aula Bappeda',
    });

    await edits.cancel(await scope(world.admin), classId, { reason: 'Narasumber berhalangan' });
    events = read(await feeds.learnerFeed(token));
    expect(events.filter((e) => e.uid.startsWith(classId)).map((e) => [e.status, e.sequence])).toEqual([
      ['CANCELLED', 2],
      ['CANCELLED', 2],
    ]);
    expect(events[0].description).toContain('Narasumber berhalangan');
    // The public feed marks it too.
    const pub = read(await feeds.agencyFeed(world.agency.id)).find(
      (e) => e.uid === `${classId}-0@kompeten.ntbprov.go.id`,
    );
    expect(pub).toMatchObject({ status: 'CANCELLED', sequence: 2 });

    // Another learner's token reads their own feed, never mine.
    const theirs = tokenOf((await feeds.issue(other.principal)).url);
    expect((await feeds.learnerFeed(theirs)).includes(classId)).toBe(false);
  });

  it('re-issuing revokes the old URL, revoking answers 404, and nonsense tokens are 404 too', async () => {
    const [me] = world.learners;
    const first = tokenOf((await feeds.issue(me.principal)).url);
    await feeds.learnerFeed(first);
    const second = tokenOf((await feeds.issue(me.principal)).url);
    expect(await domainErrorOf(feeds.learnerFeed(first))).toBe(ErrorCode.CALENDAR_FEED_NOT_FOUND);
    expect(await feeds.learnerFeed(second)).toContain('BEGIN:VCALENDAR');
    await feeds.revoke(me.principal);
    expect(await domainErrorOf(feeds.learnerFeed(second))).toBe(ErrorCode.CALENDAR_FEED_NOT_FOUND);
    expect(await feeds.state(me.principal)).toEqual({ active: false, createdAt: null });
    await feeds.revoke(me.principal); // a retried revoke is not an error
    expect(await domainErrorOf(feeds.learnerFeed('x'))).toBe(ErrorCode.CALENDAR_FEED_NOT_FOUND);
    // An account without an ASN record has no private calendar.
    expect(await domainErrorOf(feeds.issue(world.admin.principal))).toBe(ErrorCode.AUTH_FORBIDDEN);
  });

  it('the learner’s calendar view says cancelled by the organiser, not the learner’s own cancellations', async () => {
    const [, other] = world.learners;
    const classId = await newClass('Asia/Makassar', {
      schedule: [{ date: addDays(D, 8), start: '08:00', end: '10:00' }],
    });
    const own = await registrations.registerSelf(other.principal, classId);
    await registrations.cancel(await scope(other), own.registration.id);
    const views = lib.get(CalendarViewsService);
    const window = { from: addDays(D, 7), to: addDays(D, 9) };
    expect((await views.mine(other.principal, window)).events).toEqual([]);
    await registrations.registerSelf(other.principal, classId);
    await edits.cancel(await scope(world.admin), classId, { reason: 'Ruangan dipakai' });
    expect(
      (await views.mine(other.principal, window)).events.map((e) => [e.classId, e.myStatus, e.classStatus]),
    ).toEqual([[classId, 'cancelled_by_organiser', 'cancelled']]);
  });
});
