import { ErrorCode } from '@kompeten/shared-contracts';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createPerson,
  createWorld,
  seedPublishedCourse,
  type LibTestContext,
  type Person,
  type World,
} from '@kompeten/server-testing';
import { CreditCourseCompletionJob } from '../jobs/credit-course-completion.job';
import { JpJobsModule } from '../jobs/jp-jobs.module';
import { JpModule } from '../jp.module';
import { RulesService } from '../rules/rules.service';
import { completeCourse, JP_TEST_ENTITIES, ledgerAndAggregate, linesOf, ruleSetBody } from '../test/jp-fixtures';
import { CourseCompletionCredit } from './course-completion-credit';
import { LedgerService } from './ledger.service';

// The ledger on real PostgreSQL (issue 16): a course completion credits its JP once whatever the deliveries and
// crashes; the year follows the agency's zone; a reversal nets to zero in the ledger and the aggregate; a new rule
// version changes only later credits; the caps count what the form already earned.
describe('JP ledger: crediting course completions, reversals, rule versions (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let handler: CreditCourseCompletionJob;
  let credit: CourseCompletionCredit;
  let ledger: LedgerService;
  let rules: RulesService;
  let org: OrganisationService;
  let nationalId: string;

  const scope = (p: Person) => org.scopeOf(p.principal);
  /** A published course of the world's agency (form `jenis`, default e-learning) and its completion by `p`. */
  const complete = async (p: Person, completedAt: string, o: { jp?: number; jenis?: number } = {}) => {
    const c = await seedPublishedCourse(lib.db, { agencyId: world.agency.id, jp: o.jp ?? 8 });
    if (o.jenis) {
      await lib.db.query(`UPDATE course SET jenis_diklat_id = $2 WHERE id = $1`, [c.courseId, o.jenis]);
      await lib.db.query(
        `UPDATE course_version SET snapshot = jsonb_set(snapshot, '{jenisDiklatId}', to_jsonb($2::int)) WHERE id = $1`,
        [c.versionId, o.jenis],
      );
    }
    return completeCourse(lib.db, {
      employeeId: p.employeeId as string,
      courseId: c.courseId,
      versionId: c.versionId,
      jp: o.jp ?? 8,
      completedAt,
    });
  };
  const consistent = async (...people: Person[]) => {
    const { ledger: sums, aggregate } = await ledgerAndAggregate(
      lib.db,
      people.map((p) => p.employeeId as string),
    );
    expect(aggregate).toEqual(sums);
    return aggregate;
  };

  beforeAll(async () => {
    lib = await bootLibTest({ entities: JP_TEST_ENTITIES, imports: [JpModule, JpJobsModule] });
    world = await createWorld(lib.db, { learners: 1 });
    handler = lib.get(CreditCourseCompletionJob);
    credit = lib.get(CourseCompletionCredit);
    ledger = lib.get(LedgerService);
    rules = lib.get(RulesService);
    org = lib.get(OrganisationService);
    [{ id: nationalId }] = await lib.db.query(
      `SELECT id FROM jp_rule_set WHERE agency_id IS NULL AND effective_from = '2000-01-01'`,
    );
  });
  afterAll(() => lib?.close());

  describe('course completion → one credit', () => {
    it('credits the version’s JP once, though the event comes twice and the worker died once before committing', async () => {
      const learner = await world.person();
      const completionId = await complete(learner, '2026-06-10T02:00:00Z', { jp: 8 });

      // The worker dies after writing the line, before the commit: nothing is left behind.
      await expect(
        lib.db.transaction(async (m) => {
          expect(await credit.credit(m, completionId)).toBe('success');
          expect(await m.query(`SELECT 1 FROM jp_ledger_line WHERE source_id = $1`, [completionId])).toHaveLength(1);
          throw new Error('worker killed before commit');
        }),
      ).rejects.toThrow('worker killed before commit');
      expect(await linesOf(lib.db, learner.employeeId as string)).toEqual([]);
      expect(await lib.db.query(`SELECT 1 FROM jp_person_year WHERE employee_id = $1`, [learner.employeeId])).toEqual(
        [],
      );

      // The retry credits; the event delivered again credits nothing more.
      expect(await handler.handle({ completionId })).toBe('success');
      expect(await handler.handle({ completionId })).toBe('success');
      const lines = await linesOf(lib.db, learner.employeeId as string);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({
        year: 2026,
        occurred_on: '2026-06-10',
        jp: '8.00',
        jenis_diklat_id: 16,
        channel: 'formal',
        competency_kind: 'sosial_kultural',
        source_type: 'course_completion',
        rule_set_id: nationalId,
        reverses_id: null,
        calculation: { basis: 'declared_jp', rawJp: 8, cappedBy: null, earnedBefore: 0 },
      });
      const [aggregate] = await consistent(learner);
      expect(aggregate).toMatchObject({ total: 8, formal: 8, byForm: { '16': 8 }, byKind: { sosial_kultural: 8 } });
      expect(aggregate.monthly[5]).toBe(8);
    });

    it('two deliveries racing each other write one line', async () => {
      const learner = await world.person();
      const completionId = await complete(learner, '2026-07-01T03:00:00Z', { jp: 4 });
      expect(await Promise.all([handler.handle({ completionId }), handler.handle({ completionId })])).toEqual([
        'success',
        'success',
      ]);
      expect(await linesOf(lib.db, learner.employeeId as string)).toHaveLength(1);
      await consistent(learner);
    });

    it('an unknown completion is skipped', async () => {
      expect(await handler.handle({ completionId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
    });
  });

  describe('the year is the local year of the agency’s zone', () => {
    it('WITA: 23:30 on 31 December counts for that year, 00:30 on 1 January for the next', async () => {
      const learner = await world.person();
      const late = await complete(learner, '2026-12-31T23:30:00+08:00');
      const early = await complete(learner, '2027-01-01T00:30:00+08:00');
      await handler.handle({ completionId: late });
      await handler.handle({ completionId: early });
      const lines = await linesOf(lib.db, learner.employeeId as string);
      expect(lines.map((l) => [l.year, l.occurred_on])).toEqual([
        [2026, '2026-12-31'],
        [2027, '2027-01-01'],
      ]);
      const years = await consistent(learner);
      expect(years.map((y) => [y.key.split(':')[1], y.total, y.monthly[11], y.monthly[0]])).toEqual([
        ['2026', 8, 8, 0],
        ['2027', 8, 0, 8],
      ]);
    });

    it('WIB: the same instant, 00:30 WITA on 1 January, is still 31 December in Kendal', async () => {
      const kendal = await createPerson(lib.db, { agencyId: world.otherAgency.id, fullName: 'Peserta Kendal' });
      await handler.handle({ completionId: await complete(kendal, '2027-01-01T00:30:00+08:00') });
      expect((await linesOf(lib.db, kendal.employeeId as string)).map((l) => [l.year, l.occurred_on])).toEqual([
        [2026, '2026-12-31'],
      ]);
    });
  });

  describe('corrections are reversing lines', () => {
    let learner: Person;
    let lineId: string;

    beforeAll(async () => {
      learner = await world.person();
      const completionId = await complete(learner, '2026-03-05T01:00:00Z', { jp: 6 });
      await handler.handle({ completionId });
      [{ id: lineId }] = await linesOf(lib.db, learner.employeeId as string);
    });

    it('only an HR officer or admin whose scope holds the ASN may reverse: others get 403 or 404', async () => {
      await expect(ledger.reverse(await scope(learner), lineId, 'salah')).rejects.toMatchObject({
        kind: 'forbidden',
      });
      await expect(ledger.reverse(await scope(world.supervisor), lineId, 'salah')).rejects.toMatchObject({
        kind: 'forbidden',
      });
      const bimaHr = await createPerson(lib.db, { agencyId: world.sibling.id, roles: ['learner', 'hr_officer'] });
      await expect(ledger.reverse(await scope(bimaHr), lineId, 'salah')).rejects.toMatchObject({
        kind: 'not_found',
        code: ErrorCode.JP_LINE_NOT_FOUND,
      });
      expect(await linesOf(lib.db, learner.employeeId as string)).toHaveLength(1);
    });

    it('a reversal nets the line and the year’s aggregate to zero, and is audited', async () => {
      const reversal = await ledger.reverse(await scope(world.hrOfficer), lineId, 'Kursus tercatat ganda');
      expect(reversal).toMatchObject({ jp: -6, reversesId: lineId, reason: 'Kursus tercatat ganda', year: 2026 });
      const lines = await linesOf(lib.db, learner.employeeId as string);
      expect(lines.map((l) => Number(l.jp)).reduce((a, b) => a + b, 0)).toBe(0);
      const [year] = await consistent(learner);
      expect(year).toMatchObject({ total: 0, formal: 0, byForm: { '16': 0 } });
      expect(year.monthly.every((v) => v === 0)).toBe(true);
      const [audit] = await lib.db.query(
        `SELECT actor_user_id, after FROM audit_log WHERE action = 'jp_ledger_line.reverse' AND entity_id = $1`,
        [lineId],
      );
      expect(audit).toMatchObject({ actor_user_id: world.hrOfficer.userId, after: { reversalId: reversal.id } });
    });

    it('a line is reversed once, a reversal never; the completion is not credited again', async () => {
      await expect(ledger.reverse(await scope(world.admin), lineId, 'lagi')).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.JP_ALREADY_REVERSED,
      });
      const [, reversal] = await linesOf(lib.db, learner.employeeId as string);
      await expect(ledger.reverse(await scope(world.admin), reversal.id, 'batal koreksi')).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.JP_REVERSAL_NOT_REVERSIBLE,
      });
      const [{ source_id }] = await lib.db.query(`SELECT source_id FROM jp_ledger_line WHERE id = $1`, [lineId]);
      expect(await handler.handle({ completionId: source_id })).toBe('success');
      expect(await linesOf(lib.db, learner.employeeId as string)).toHaveLength(2);
    });

    it('the learner, their supervisor and the HR officer read the lines with the reversal; another agency does not', async () => {
      for (const who of [learner, world.supervisor, world.hrOfficer, world.admin]) {
        const page = await ledger.lines(await scope(who), learner.employeeId as string, { page: 1, pageSize: 20 });
        expect(page.items.map((l) => l.jp).sort()).toEqual([-6, 6]);
      }
      const page = await ledger.lines(await scope(learner), learner.employeeId as string, { page: 1, pageSize: 20 });
      expect(page.items.find((l) => l.jp === 6)).toMatchObject({
        reversedById: page.items.find((l) => l.jp === -6)?.id,
        ruleSetEffectiveFrom: '2000-01-01',
        ruleSetAgencyName: null,
        jenisDiklatName: 'E-Learning',
      });
      await expect(
        ledger.lines(await scope(world.siblingLearner), learner.employeeId as string, { page: 1, pageSize: 20 }),
      ).rejects.toMatchObject({ kind: 'not_found', code: ErrorCode.JP_EMPLOYEE_NOT_FOUND });
    });
  });

  describe('rule versions change only later credits', () => {
    let learner: Person;
    let provinceAdmin: Person;

    beforeAll(async () => {
      learner = await world.person();
      provinceAdmin = await createPerson(lib.db, {
        agencyId: world.province.id,
        employee: false,
        roles: ['province_admin'],
      });
      await handler.handle({ completionId: await complete(learner, '2028-03-01T04:00:00Z', { jp: 8 }) });
    });

    it('refuses an effective date on or before a day already credited under the rules it replaces', async () => {
      const body = await ruleSetBody(lib.db, {
        agencyId: world.agency.id,
        effectiveFrom: '2028-03-01',
        change: { 16: { capPerActivity: 5 } },
      });
      await expect(rules.create(await scope(world.admin), body)).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.JP_EFFECTIVE_DATE_TOO_EARLY,
        details: { lastCreditedOn: expect.any(String) },
      });
    });

    it('an agency version from the next day applies to later credits only; a late event keeps the rules of its day', async () => {
      const body = await ruleSetBody(lib.db, {
        agencyId: world.agency.id,
        effectiveFrom: '2028-07-02',
        change: { 16: { capPerActivity: 5 } },
      });
      const created = await rules.create(await scope(world.admin), body);
      expect(created).toMatchObject({ agencyId: world.agency.id, effectiveFrom: '2028-07-02', lineCount: 0 });
      expect(created.rules.find((r) => r.jenisDiklatId === 16)).toMatchObject({ capPerActivity: 5 });

      await handler.handle({ completionId: await complete(learner, '2028-08-01T04:00:00Z', { jp: 8 }) });
      // Completed before the new version, its event handled after it: the rules of its day.
      await handler.handle({ completionId: await complete(learner, '2028-05-15T04:00:00Z', { jp: 8 }) });
      const lines = await linesOf(lib.db, learner.employeeId as string);
      expect(
        lines.map((l) => [l.occurred_on, Number(l.jp), l.rule_set_id === created.id ? 'agency' : 'national']),
      ).toEqual([
        ['2028-03-01', 8, 'national'],
        ['2028-08-01', 5, 'agency'],
        ['2028-05-15', 8, 'national'],
      ]);
      expect(lines[1].calculation).toMatchObject({ rawJp: 8, cappedBy: 'activity' });
      await consistent(learner);
      const audit = await lib.db.query(
        `SELECT 1 FROM audit_log WHERE action = 'jp_rule_set.create' AND entity_id = $1`,
        [created.id],
      );
      expect(audit).toHaveLength(1);
    });

    it('a province version reaches the cities without their own; a city’s own version wins', async () => {
      const body = await ruleSetBody(lib.db, {
        agencyId: world.province.id,
        effectiveFrom: '2028-09-01',
        change: { 16: { capPerActivity: 3 } },
      });
      const province = await rules.create(await scope(provinceAdmin), body);
      const bima = await createPerson(lib.db, { agencyId: world.sibling.id, fullName: 'Peserta Bima 2' });
      await handler.handle({ completionId: await complete(bima, '2028-09-10T04:00:00Z', { jp: 8 }) });
      await handler.handle({ completionId: await complete(learner, '2028-09-10T04:00:00Z', { jp: 8 }) });
      const [bimaLine] = await linesOf(lib.db, bima.employeeId as string);
      expect([bimaLine.rule_set_id, Number(bimaLine.jp)]).toEqual([province.id, 3]);
      const mataram = (await linesOf(lib.db, learner.employeeId as string)).at(-1);
      expect(Number(mataram?.jp)).toBe(5);
    });

    it('only the platform admin sets national rules, only an agency’s admins its own', async () => {
      const national = await ruleSetBody(lib.db, { agencyId: null, effectiveFrom: '2030-01-01' });
      await expect(rules.create(await scope(world.admin), national)).rejects.toMatchObject({ kind: 'forbidden' });
      const other = await ruleSetBody(lib.db, { agencyId: world.otherAgency.id, effectiveFrom: '2030-01-01' });
      await expect(rules.create(await scope(world.admin), other)).rejects.toMatchObject({ kind: 'not_found' });
      const own = await ruleSetBody(lib.db, { agencyId: world.agency.id, effectiveFrom: '2030-01-01' });
      await expect(rules.create(await scope(world.hrOfficer), own)).rejects.toMatchObject({ kind: 'forbidden' });
      await expect(
        rules.create(await scope(world.admin), { ...own, effectiveFrom: '2028-07-02' }),
      ).rejects.toMatchObject({
        kind: 'conflict',
        code: ErrorCode.JP_RULE_SET_EXISTS,
      });
      const bad = { ...own, rules: own.rules.map((r) => (r.jenisDiklatId === 14 ? { ...r, jpPerUnit: null } : r)) };
      await expect(rules.create(await scope(world.admin), bad)).rejects.toMatchObject({
        kind: 'validation',
        code: ErrorCode.JP_INVALID_RULES,
      });
    });

    it('lists the national, province and agency versions to a learner of the agency', async () => {
      const page = await rules.list(await scope(learner), { page: 1, pageSize: 20 });
      // National first, then the province's, then the agency's own (the order rules are looked up in, reversed).
      expect(page.items.map((s) => [s.agencyName ?? 'nasional', s.effectiveFrom])).toEqual([
        ['nasional', '2000-01-01'],
        [world.province.name, '2028-09-01'],
        [world.agency.name, '2028-07-02'],
      ]);
      expect(page.items[0].lineCount).toBeGreaterThan(0);
      const inForce = await rules.inForceForMe(await scope(learner), '2028-08-01');
      expect(inForce.ruleSet).toMatchObject({ agencyId: world.agency.id, effectiveFrom: '2028-07-02' });
      expect((await rules.inForceForMe(await scope(learner), '2027-06-01')).ruleSet.agencyId).toBeNull();
    });
  });

  describe('the per-year cap counts what the form already earned that year', () => {
    it('Belajar Mandiri (national cap 10 a year): 6, then 4, then 0; a reversal frees room again', async () => {
      const learner = await world.person();
      const credit = async (day: string) => {
        await handler.handle({ completionId: await complete(learner, `${day}T03:00:00Z`, { jp: 6, jenis: 22 }) });
        return (await linesOf(lib.db, learner.employeeId as string)).at(-1);
      };
      expect(Number((await credit('2025-02-01'))?.jp)).toBe(6);
      expect((await credit('2025-03-01'))?.calculation).toMatchObject({ rawJp: 6, earnedBefore: 6, cappedBy: 'year' });
      const third = await credit('2025-04-01');
      expect([Number(third?.jp), third?.calculation?.cappedBy]).toEqual([0, 'year']);
      // Another year starts with room.
      expect(Number((await credit('2026-01-05'))?.jp)).toBe(6);
      const [first] = await linesOf(lib.db, learner.employeeId as string);
      await ledger.reverse(await scope(world.hrOfficer), first.id, 'Bukan belajar mandiri');
      expect(Number((await credit('2025-05-01'))?.jp)).toBe(6);
      const years = await consistent(learner);
      expect(years.map((y) => y.total)).toEqual([10, 6]);
    });
  });
});
