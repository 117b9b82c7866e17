import { ErrorCode, type AttendanceScanKind } from '@kompeten/shared-contracts';
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
import { OfferingService } from '../offerings/offering.service';
import { RegistrationService } from '../registration/registration.service';
import { classBody, placeSessions } from '../test/class-fixtures';
import { AttendanceService } from './attendance.service';
import { AttendanceTokens } from './attendance-tokens';

const MINUTE = 60_000;

/** In-person attendance on real PostgreSQL (decision 0037): the QR scan and the trainer's list. */
describe('class attendance (integration)', () => {
  let lib: LibTestContext;
  let world: World;
  let offerings: OfferingService;
  let registrations: RegistrationService;
  let attendance: AttendanceService;
  let tokens: AttendanceTokens;
  let org: OrganisationService;
  let offeringId: string;
  let daysAhead = 20;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const codeOf = (p: Promise<unknown>) => domainErrorOf(p, { withKind: true });
  /** A class taught by the world's author, with these people registered (confirmed), its sessions moved around now. */
  const runningClass = async (people: Person[], spans: ReadonlyArray<readonly [number, number]>) => {
    const cls = await offerings.createClass(
      await scope(world.admin),
      offeringId,
      classBody(daysAhead++, {
        speakers: [{ employeeId: world.author.employeeId, name: 'Nurhayati Rahman' }, { name: 'Narasumber Luar' }],
      }) as CreateClassDto,
    );
    for (const p of people) await registrations.registerSelf(p.principal, cls.id);
    await placeSessions(lib.db, cls.id, spans);
    return cls.id;
  };
  const code = async (classId: string, session = 0, kind: AttendanceScanKind = 'in') =>
    (await attendance.qr(await scope(world.author), classId, session, kind)).token;
  const rowsOf = (classId: string) =>
    lib.db.query(
      `SELECT employee_id, session_index, status, minutes, late, left_early, source FROM class_attendance WHERE class_id = $1`,
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
      imports: [CalendarModule],
      config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' },
    });
    world = await createWorld(lib.db, { learners: 4 });
    offerings = lib.get(OfferingService);
    registrations = lib.get(RegistrationService);
    attendance = lib.get(AttendanceService);
    tokens = lib.get(AttendanceTokens);
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

  describe('QR scan', () => {
    it('the trainer’s code is a PUBLIC_URL link; a registrant’s scan records arrival once, however often scanned', async () => {
      const [a] = world.learners;
      const classId = await runningClass([a], [[-5, 480]]);
      const qr = await attendance.qr(await scope(world.author), classId, 0, 'in');
      expect(qr.url).toBe(`https://kompeten.ntbprov.go.id/kelas/${classId}/hadir?t=${encodeURIComponent(qr.token)}`);
      expect(Date.parse(qr.expiresAt) - Date.parse(qr.rotatesAt)).toBe(30_000);
      const first = await attendance.scan(a.principal, classId, qr.token);
      expect(first).toMatchObject({
        already: false,
        kind: 'in',
        attendance: { sessionIndex: 0, status: 'present', late: false, source: 'qr', leftAt: null },
      });
      expect(first.attendance.minutes).toBeGreaterThanOrEqual(474);
      const again = await attendance.scan(a.principal, classId, await code(classId));
      expect(again).toMatchObject({ already: true, attendance: { arrivedAt: first.attendance.arrivedAt } });
      expect(await rowsOf(classId)).toHaveLength(1);
    });

    it('two scans at once make one row', async () => {
      const [, b] = world.learners;
      const classId = await runningClass([b], [[-1, 240]]);
      const token = await code(classId);
      const answers = await Promise.all([1, 2, 3].map(() => attendance.scan(b.principal, classId, token)));
      expect(answers.filter((x) => !x.already)).toHaveLength(1);
      expect(await rowsOf(classId)).toHaveLength(1);
    });

    it('arriving more than 15 minutes after the start is late, and counts the minutes from arrival', async () => {
      const [a] = world.learners;
      const classId = await runningClass([a], [[-30, 120]]);
      const r = await attendance.scan(a.principal, classId, await code(classId));
      expect(r.attendance.late).toBe(true);
      expect(r.attendance.minutes).toBeGreaterThanOrEqual(89);
      expect(r.attendance.minutes).toBeLessThanOrEqual(90);
    });

    it('refuses expired, forged and other classes’ codes, non-registrants and closed sessions with clear codes', async () => {
      const [a, b] = world.learners;
      const classId = await runningClass([a], [[-5, 240]]);
      const other = await runningClass([a], [[-5, 240]]);
      const old = tokens.qr(classId, 0, 'in', new Date(Date.now() - 2 * MINUTE)).token;
      expect(await codeOf(attendance.scan(a.principal, classId, old))).toBe(
        `gone:${ErrorCode.CALENDAR_ATTENDANCE_TOKEN_EXPIRED}`,
      );
      const fresh = await code(classId);
      const forged = `${fresh.slice(0, -2)}${fresh.endsWith('AA') ? 'BB' : 'AA'}`;
      expect(await codeOf(attendance.scan(a.principal, classId, forged))).toBe(
        `validation:${ErrorCode.CALENDAR_ATTENDANCE_TOKEN_INVALID}`,
      );
      expect(await codeOf(attendance.scan(a.principal, classId, 'not-a-token'))).toBe(
        `validation:${ErrorCode.CALENDAR_ATTENDANCE_TOKEN_INVALID}`,
      );
      // A genuine code of another class, fresh or expired, is not this class's.
      expect(await codeOf(attendance.scan(a.principal, classId, await code(other)))).toBe(
        `validation:${ErrorCode.CALENDAR_ATTENDANCE_TOKEN_INVALID}`,
      );
      expect(await codeOf(attendance.scan(a.principal, classId, tokens.qr(other, 0, 'in', new Date(0)).token))).toBe(
        `validation:${ErrorCode.CALENDAR_ATTENDANCE_TOKEN_INVALID}`,
      );
      // b is not registered; the author (a trainer) is not a registrant either.
      expect(await codeOf(attendance.scan(b.principal, classId, fresh))).toBe(
        `forbidden:${ErrorCode.CALENDAR_NOT_REGISTERED}`,
      );
      expect(await codeOf(attendance.scan(world.admin.principal, classId, fresh))).toBe(
        `forbidden:${ErrorCode.CALENDAR_NOT_REGISTERED}`,
      );
      // A session tomorrow is not open for scanning yet.
      const later = await runningClass([a], [[24 * 60, 240]]);
      expect(await codeOf(attendance.scan(a.principal, later, await code(later)))).toBe(
        `conflict:${ErrorCode.CALENDAR_ATTENDANCE_CLOSED}`,
      );
      expect(await rowsOf(classId)).toHaveLength(0);
      expect(await rowsOf(later)).toHaveLength(0);
    });

    it('the leaving code needs an arrival, records leaving early once, and shortens the minutes', async () => {
      const [, , c] = world.learners;
      const classId = await runningClass([c], [[-60, 180]]);
      expect(await codeOf(attendance.scan(c.principal, classId, await code(classId, 0, 'out')))).toBe(
        `conflict:${ErrorCode.CALENDAR_NOT_CHECKED_IN}`,
      );
      await attendance.scan(c.principal, classId, await code(classId));
      const out = await attendance.scan(c.principal, classId, await code(classId, 0, 'out'));
      expect(out).toMatchObject({ already: false, kind: 'out', attendance: { leftEarly: true, late: true } });
      expect(out.attendance.minutes).toBeLessThanOrEqual(1);
      const again = await attendance.scan(c.principal, classId, await code(classId, 0, 'out'));
      expect(again).toMatchObject({ already: true, attendance: { leftAt: out.attendance.leftAt } });
    });

    it('only the class’s trainers and the organising agency’s admins get codes', async () => {
      const [a] = world.learners;
      const classId = await runningClass([a], [[-5, 240]]);
      expect((await attendance.qr(await scope(world.admin), classId, 0, 'in')).classId).toBe(classId);
      for (const p of [a, world.reviewer, world.siblingLearner])
        expect(await codeOf(attendance.qr(await scope(p), classId, 0, 'in'))).toBe(
          `not_found:${ErrorCode.CALENDAR_CLASS_NOT_FOUND}`,
        );
      expect(await codeOf(attendance.qr(await scope(world.author), classId, 3, 'in'))).toBe(
        `not_found:${ErrorCode.CALENDAR_SESSION_NOT_FOUND}`,
      );
    });
  });

  it('lists the classes a caller runs: the trainer’s by speaker record, the admin’s by agency, nobody else’s', async () => {
    const classId = await runningClass([], [[60, 60]]);
    const page = { page: 1, pageSize: 100 };
    const taught = await attendance.runs(await scope(world.author), page);
    expect(taught.items.find((c) => c.id === classId)).toMatchObject({
      role: 'trainer',
      ended: false,
      finalisedAt: null,
    });
    expect((await attendance.runs(await scope(world.admin), page)).items.find((c) => c.id === classId)?.role).toBe(
      'admin',
    );
    for (const p of [world.learner, world.reviewer, world.outsider])
      expect((await attendance.runs(await scope(p), page)).items.map((c) => c.id)).not.toContain(classId);
  });

  describe('the trainer’s list', () => {
    it('lists confirmed registrants by name, paginated, with their attendance of the session', async () => {
      const [a, b, c] = world.learners;
      const classId = await runningClass([c, a, b], [[-120, 240]]);
      await attendance.scan(b.principal, classId, await code(classId));
      const page1 = await attendance.list(await scope(world.author), classId, 0, { page: 1, pageSize: 2 });
      expect(page1.total).toBe(3);
      expect(page1.items.map((r) => r.name)).toEqual(['Peserta Dinkes 1', 'Peserta Dinkes 2']);
      expect(page1.items.map((r) => r.attendance.status)).toEqual([null, 'present']);
      const page2 = await attendance.list(await scope(world.author), classId, 0, { page: 2, pageSize: 2 });
      expect(page2.items.map((r) => r.name)).toEqual(['Peserta Dinkes 3']);
    });

    it('marks present, late, left early and absent with PUT semantics; the same marks again change nothing', async () => {
      const [a, b, c] = world.learners;
      const classId = await runningClass([a, b, c], [[-300, 240]]);
      const [{ sessions }] = await lib.db.query(`SELECT sessions FROM training_class WHERE id = $1`, [classId]);
      const start = Date.parse(sessions[0][0]);
      const marks = [
        {
          employeeId: a.employeeId as string,
          status: 'present' as const,
          arrivedAt: new Date(start + 30 * MINUTE).toISOString(),
          leftAt: new Date(start + 200 * MINUTE).toISOString(),
        },
        { employeeId: b.employeeId as string, status: 'absent' as const },
        { employeeId: c.employeeId as string, status: 'present' as const },
      ];
      const saved = await attendance.mark(await scope(world.author), classId, 0, marks);
      expect(saved.map((r) => [r.name, r.attendance])).toEqual([
        [
          'Peserta Dinkes 1',
          expect.objectContaining({ status: 'present', minutes: 170, late: true, leftEarly: true, source: 'list' }),
        ],
        ['Peserta Dinkes 2', expect.objectContaining({ status: 'absent', minutes: 0, late: false, source: 'list' })],
        [
          'Peserta Dinkes 3',
          expect.objectContaining({ status: 'present', minutes: 240, late: false, leftEarly: false }),
        ],
      ]);
      const before = await rowsOf(classId);
      await attendance.mark(await scope(world.admin), classId, 0, marks);
      expect(await rowsOf(classId)).toEqual(before);
      expect(before).toHaveLength(3);
      // An explicit flag overrides the times: the trainer saw b arrive late after all.
      const late = await attendance.mark(await scope(world.author), classId, 0, [
        { employeeId: b.employeeId as string, status: 'present', late: true },
      ]);
      expect(late[0].attendance).toMatchObject({ status: 'present', late: true, minutes: 240 });
      const [{ n }] = await lib.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'calendar.attendance.mark' AND entity_id = $1`,
        [classId],
      );
      expect(n).toBe(3);
    });

    it('refuses ids outside the class, sessions it lacks, times outside the session, and callers who do not run it', async () => {
      const [a, b] = world.learners;
      const classId = await runningClass([a], [[-60, 240]]);
      const other = await runningClass([b], [[-60, 240]]);
      const author = await scope(world.author);
      // b is registered in the other class, not this one: nothing of the request is saved.
      expect(
        await codeOf(
          attendance.mark(author, classId, 0, [
            { employeeId: a.employeeId as string, status: 'present' },
            { employeeId: b.employeeId as string, status: 'present' },
          ]),
        ),
      ).toBe(`not_found:${ErrorCode.CALENDAR_REGISTRATION_NOT_FOUND}`);
      expect(await rowsOf(classId)).toHaveLength(0);
      expect(
        await codeOf(attendance.mark(author, classId, 1, [{ employeeId: a.employeeId as string, status: 'present' }])),
      ).toBe(`not_found:${ErrorCode.CALENDAR_SESSION_NOT_FOUND}`);
      expect(
        await codeOf(
          attendance.mark(author, classId, 0, [
            { employeeId: a.employeeId as string, status: 'present', arrivedAt: '2020-01-01T00:00:00Z' },
          ]),
        ),
      ).toBe(`validation:${ErrorCode.CALENDAR_INVALID_ATTENDANCE}`);
      for (const p of [a, world.reviewer, world.hrOfficer])
        expect(
          await codeOf(
            attendance.mark(await scope(p), other, 0, [{ employeeId: b.employeeId as string, status: 'absent' }]),
          ),
        ).toBe(`not_found:${ErrorCode.CALENDAR_CLASS_NOT_FOUND}`);
      expect(await codeOf(attendance.list(await scope(a), classId, 0, { page: 1, pageSize: 10 }))).toBe(
        `not_found:${ErrorCode.CALENDAR_CLASS_NOT_FOUND}`,
      );
      expect(await rowsOf(other)).toHaveLength(0);
    });

    it('the learner sees their own attendance per session; a stranger to the class gets 404', async () => {
      const [a] = world.learners;
      const classId = await runningClass(
        [a],
        [
          [-300, 120],
          [-60, 120],
        ],
      );
      await attendance.mark(await scope(world.author), classId, 0, [
        { employeeId: a.employeeId as string, status: 'present' },
      ]);
      const mine = await attendance.mine(a.principal, classId);
      expect(mine.sessions.map((s) => [s.sessionIndex, s.status, s.minutes])).toEqual([
        [0, 'present', 120],
        [1, null, 0],
      ]);
      expect(mine).toMatchObject({
        attendedMinutes: 120,
        scheduledMinutes: 240,
        attendancePercent: 50,
        completion: null,
      });
      expect(await codeOf(attendance.mine(world.learners[3].principal, classId))).toBe(
        `not_found:${ErrorCode.CALENDAR_CLASS_NOT_FOUND}`,
      );
    });
  });
});
