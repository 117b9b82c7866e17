import Redis from 'ioredis';
import { OutboxEvent } from '@kompeten/shared-contracts';
import { CORE_ENTITIES, REDIS } from '@kompeten/server-core';
import {
  AttendanceService,
  CALENDAR_ENTITIES,
  CalendarModule,
  CompletionService,
  OfferingService,
  RegistrationService,
} from '@kompeten/server-calendar';
import {
  CERTIFICATE_ENTITIES,
  CertificateJobsModule,
  IssueClassCompletionCertificateJob,
  verifyCertificate,
  type CertificateContent,
} from '@kompeten/server-certificate';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { CreditClassCompletionJob, JP_ENTITIES, JpJobsModule } from '@kompeten/server-jp';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import { CertificatePush, SIASN_ENTITIES, SiasnCoreModule } from '@kompeten/server-siasn';
import {
  bootLibTest,
  createWorld,
  TEST_REDIS_URL,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';

const MINUTE = 60_000;
const DAY = 24 * 3600_000;

/**
 * `class.completed` end to end below HTTP (decision 0037): a class is run, marked and finalised by the calendar's
 * services; the event's two consumers — the JP credit and the certificate — are run from the event's payload, twice
 * and at once, and write once; the certificate's SIASN push carries the class's form of development.
 */
describe('class.completed consumers (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let redis: Redis;
  let world: World;
  let org: OrganisationService;
  let jp: CreditClassCompletionJob;
  let certificates: IssueClassCompletionCertificateJob;
  let n = 0;

  const scope = (p: Person) => org.scopeOf(p.principal);

  /** A two-day class of the world's city (4-hour days, ended yesterday and today), the learner attending `minutes`. */
  const completeClass = async (
    learner: Person,
    o: { minutes: [number, number]; jpByMinutes?: boolean; mode?: 'classroom' | 'online' },
  ) => {
    const admin = await scope(world.admin);
    const offering = await lib.get(OfferingService).createOffering(admin, {
      agencyId: world.agency.id,
      title: `Bimbingan Teknis Kearsipan ${++n}`,
      jenisDiklatId: 8,
      jp: 12,
      competencyKind: 'teknis',
    });
    const date = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    const online = o.mode === 'online';
    const cls = await lib.get(OfferingService).createClass(admin, offering.id, {
      name: 'Angkatan I',
      schedule: [{ date, start: '08:00', end: '12:00' }],
      mode: o.mode ?? 'classroom',
      ...(online ? { meetingUrl: 'https://zoom.us/j/1' } : { venue: 'Aula Bappeda Kota Mataram' }),
      seats: 10,
      registrationOpensAt: new Date(Date.now() - MINUTE).toISOString(),
      registrationClosesAt: new Date(Date.now() + DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + DAY).toISOString(),
    });
    await lib.get(RegistrationService).registerSelf(learner.principal, cls.id);
    // The class ran yesterday and this morning: 2 × 240 minutes, over an hour ago.
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    const sessions = [now - DAY - 360 * MINUTE, now - 360 * MINUTE].map((s) => [
      new Date(s).toISOString(),
      new Date(s + 240 * MINUTE).toISOString(),
    ]);
    await lib.db.query(
      `UPDATE training_class SET sessions = $2, starts_at = $3, ends_at = $4,
              start_date = ($3::timestamptz AT TIME ZONE 'Asia/Makassar')::date, end_date = ($5::timestamptz AT TIME ZONE 'Asia/Makassar')::date
        WHERE id = $1`,
      [cls.id, JSON.stringify(sessions), sessions[0][0], sessions[1][1], sessions[1][0]],
    );
    if (o.jpByMinutes)
      await lib
        .get(CompletionService)
        .setRule(admin, cls.id, { minAttendancePercent: 50, jpByMinutes: true, minutesPerJp: 45 });
    for (const [i, minutes] of o.minutes.entries())
      await lib.get(AttendanceService).mark(admin, cls.id, i, [
        {
          employeeId: learner.employeeId as string,
          status: 'present',
          arrivedAt: sessions[i][0],
          leftAt: new Date(Date.parse(sessions[i][0]) + minutes * MINUTE).toISOString(),
        },
      ]);
    expect(await lib.get(CompletionService).finalise(admin, cls.id)).toMatchObject({ newlyCompleted: 1 });
    const [event] = await lib.db.query<Array<{ payload: { classCompletionId: string } }>>(
      `SELECT e.payload FROM outbox_event e JOIN class_completion k ON k.id = e.aggregate_id
        WHERE e.event_type = $1 AND k.class_id = $2`,
      [OutboxEvent.ClassCompleted, cls.id],
    );
    return { classId: cls.id, data: event.payload, sessions };
  };
  const linesOf = (sourceId: string) =>
    lib.db.query<
      Array<{
        jp: string;
        source_type: string;
        jenis_diklat_id: number;
        occurred_on: string;
        title: string;
        calculation: Record<string, unknown>;
      }>
    >(
      `SELECT jp, source_type, jenis_diklat_id, to_char(occurred_on, 'YYYY-MM-DD') AS occurred_on, title, calculation
         FROM jp_ledger_line WHERE source_id = $1`,
      [sourceId],
    );
  const certificatesOf = (sourceId: string) =>
    lib.db.query<Array<{ id: string; source_type: string; agency_id: string; content: CertificateContent }>>(
      `SELECT id, source_type, agency_id, content FROM certificate WHERE source_id = $1`,
      [sourceId],
    );

  beforeAll(async () => {
    // The SIASN lib's connections take Redis (its rate limiter); nothing here calls SIASN.
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...ENROLMENT_ENTITIES,
        ...CALENDAR_ENTITIES,
        ...JP_ENTITIES,
        ...CERTIFICATE_ENTITIES,
        ...SIASN_ENTITIES,
      ],
      imports: [CalendarModule, JpJobsModule, CertificateJobsModule, SiasnCoreModule],
      config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' },
      providers: [{ provide: REDIS, useValue: redis }],
    });
    world = await createWorld(lib.db, { learners: 1 });
    org = lib.get(OrganisationService);
    jp = lib.get(CreditClassCompletionJob);
    certificates = lib.get(IssueClassCompletionCertificateJob);
  });
  afterAll(async () => {
    await lib?.close();
    redis?.disconnect();
  });

  it('credits the declared JP once, however often and however concurrently the event is delivered', async () => {
    const learner = await world.person();
    const { data } = await completeClass(learner, { minutes: [240, 200] });
    expect(await jp.handle(data)).toBe('success');
    expect(await Promise.all([jp.handle(data), jp.handle(data)])).toEqual(['success', 'success']);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await linesOf(data.classCompletionId)).toEqual([
      {
        jp: '12.00',
        source_type: 'class_attendance',
        jenis_diklat_id: 8,
        occurred_on: today,
        title: `Bimbingan Teknis Kearsipan ${n} — Angkatan I`,
        calculation: expect.objectContaining({ basis: 'declared_jp', rawJp: 12 }),
      },
    ]);
    expect(await jp.handle({ classCompletionId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });

  it('credits by minutes attended when the class’s rule says so', async () => {
    const learner = await world.person();
    const { data } = await completeClass(learner, { minutes: [240, 120], jpByMinutes: true });
    expect(await jp.handle(data)).toBe('success');
    const [line] = await linesOf(data.classCompletionId);
    expect(line.jp).toBe('8.00');
    expect(line.calculation).toMatchObject({ basis: 'attended_minutes', quantity: 360, minutesPerJp: 45, rawJp: 8 });
  });

  it('issues one certificate and one certificate.issued for the class, verifiable, that SIASN pushes as the class’s form', async () => {
    const learner = await world.person({ fullName: 'Lalu Muhammad Zaini' });
    const { data, sessions } = await completeClass(learner, { minutes: [240, 240] });
    expect(await certificates.handle(data)).toBe('success');
    expect(await Promise.all([certificates.handle(data), certificates.handle(data)])).toEqual(['success', 'success']);
    const [cert, ...more] = await certificatesOf(data.classCompletionId);
    expect(more).toHaveLength(0);
    expect(cert.source_type).toBe('class_completion');
    expect(cert.agency_id).toBe(world.agency.id);
    const local = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    expect(cert.content.training).toEqual({
      name: `Bimbingan Teknis Kearsipan ${n} — Angkatan I`,
      startDate: local(sessions[0][0]),
      endDate: local(sessions[1][0]),
      place: 'Aula Bappeda Kota Mataram',
      jp: 12,
      result: 'Lulus',
      subjects: [],
      jenisDiklatId: 8,
    });
    expect(cert.content.participant.name).toBe('Lalu Muhammad Zaini');
    const events = await lib.db.query(`SELECT 1 FROM outbox_event WHERE event_type = $1 AND aggregate_id = $2`, [
      OutboxEvent.CertificateIssued,
      cert.id,
    ]);
    expect(events).toHaveLength(1);
    expect((await verifyCertificate(lib.db.manager, cert.id)).status).toBe('valid');

    const push = await lib.db.transaction((m) => lib.get(CertificatePush).create(m, cert.id));
    expect(push).not.toBeNull();
    const [row] = await lib.db.query(`SELECT source_type, completion FROM siasn_push WHERE id = $1`, [push?.pushId]);
    expect(row).toMatchObject({
      source_type: 'class_completion',
      completion: expect.objectContaining({
        jenisDiklatId: 8,
        jp: 12,
        title: `Bimbingan Teknis Kearsipan ${n} — Angkatan I`,
      }),
    });
    expect(await certificates.handle({ classCompletionId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });

  it('an online class’s certificate says Daring', async () => {
    const learner = await world.person();
    const { data } = await completeClass(learner, { minutes: [240, 240], mode: 'online' });
    expect(await certificates.handle(data)).toBe('success');
    const [cert] = await certificatesOf(data.classCompletionId);
    expect(cert.content.training.place).toBe('Daring');
  });
});
