import { ErrorCode } from '@kompeten/shared-contracts';
import { CORE_ENTITIES, DomainError } from '@kompeten/server-core';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import { bootLibTest, createWorld, type LibTestContext, type Person, type World } from '@kompeten/server-testing';
import { CalendarModule } from '../calendar.module';
import type { CreateClassDto } from '../dto/calendar.dto';
import { CALENDAR_ENTITIES } from '../index';
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from './registration.service';

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
  const codeOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return null;
    } catch (e) {
      return e instanceof DomainError ? e.code : String(e);
    }
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
    expect(await codeOf(registrations.registerSelf(world.learners[1].principal, cls.id))).toBe(
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
    expect(await codeOf(registrations.cancel(await scope(b), wb.registration.id))).toBe(
      ErrorCode.CALENDAR_CANNOT_CANCEL,
    );
    const again = await registrations.registerSelf(b.principal, cls.id);
    expect(again).toMatchObject({
      alreadyRegistered: false,
      registration: { status: 'waitlisted', waitlistPosition: 2 },
    });
    // Somebody else's registration does not exist for another learner.
    expect(await codeOf(registrations.cancel(await scope(c), again.registration.id))).toBe(
      ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND,
    );
  });

  it('after the cancellation deadline only an admin of the organising agency cancels', async () => {
    const cls = await newClass({ cancellationDeadline: new Date(Date.now() - 1000).toISOString() });
    const r = await registrations.registerSelf(world.learners[3].principal, cls.id);
    expect(await codeOf(registrations.cancel(await scope(world.learners[3]), r.registration.id))).toBe(
      ErrorCode.CALENDAR_CANNOT_CANCEL,
    );
    expect((await registrations.cancel(await scope(world.admin), r.registration.id)).status).toBe('cancelled');
  });

  it('a city’s class does not exist for an ASN of another province, nor of a sibling city', async () => {
    const cls = await newClass({ seats: 5 });
    expect(await codeOf(registrations.registerSelf(world.outsider.principal, cls.id))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_FOUND,
    );
    // The world's class is organised by a city: its sibling city is not below it.
    expect(await codeOf(registrations.registerSelf(world.siblingLearner.principal, cls.id))).toBe(
      ErrorCode.CALENDAR_CLASS_NOT_FOUND,
    );
  });
});
