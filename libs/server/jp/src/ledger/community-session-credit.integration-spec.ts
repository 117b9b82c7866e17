import { DISCUSSION_ENTITIES, CommunityService, DiscussionModule } from '@kompeten/server-discussion';
import { OrganisationService } from '@kompeten/server-organisation';
import { bootLibTest, createWorld, type LibTestContext, type Person, type World } from '@kompeten/server-testing';
import { CreditCommunitySessionJob } from '../jobs/credit-community-session.job';
import { JpJobsModule } from '../jobs/jp-jobs.module';
import { JP_TEST_ENTITIES, ledgerAndAggregate } from '../test/jp-fixtures';

/**
 * A community-of-practice session on real PostgreSQL (decision 0039): the facilitator records it through the discussion
 * lib; the JP job credits each attendee once by the national rule for Komunitas Belajar (jenis 23: 1 JP per session,
 * social channel), whatever the deliveries.
 */
describe('JP: crediting community sessions (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let communities: CommunityService;
  let org: OrganisationService;
  let job: CreditCommunitySessionJob;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const linesOfSession = (sessionId: string) =>
    lib.db.query(
      `SELECT l.employee_id, l.jp::float AS jp, l.jenis_diklat_id, l.channel, l.source_type, l.occurred_on::text AS occurred_on, l.title
         FROM jp_ledger_line l JOIN community_session_attendee a ON a.id = l.source_id
        WHERE a.session_id = $1 AND l.source_type = 'community_session' ORDER BY l.employee_id`,
      [sessionId],
    );

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [...JP_TEST_ENTITIES, ...DISCUSSION_ENTITIES],
      imports: [JpJobsModule, DiscussionModule],
    });
    world = await createWorld(lib.db, { learners: 2 });
    communities = lib.get(CommunityService);
    org = lib.get(OrganisationService);
    job = lib.get(CreditCommunitySessionJob);
  });
  afterAll(() => lib?.close());

  it('each attendee is credited once (1 JP per session, jenis 23, social), the job run twice or at once', async () => {
    const c = await communities.create(await scope(world.author), {
      name: 'Komunitas Pengelola Kepegawaian',
      topic: 'SIASN',
      agencyId: world.agency.id,
    });
    const [a, b] = world.learners;
    await communities.join(await scope(a), c.id);
    await communities.join(await scope(world.outsider), c.id);
    await communities.join(await scope(b), c.id);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const session = await communities.recordSession(await scope(world.author), c.id, {
      title: 'Sinkronisasi riwayat diklat',
      heldOn: today,
      durationMinutes: 120,
      attendeeIds: [a.employeeId as string, world.outsider.employeeId as string],
    });

    expect(await job.handle({ sessionId: session.id })).toBe('success');
    await Promise.all([job.handle({ sessionId: session.id }), job.handle({ sessionId: session.id })]);
    const lines = await linesOfSession(session.id);
    expect(lines).toHaveLength(2);
    expect(lines.map((l: { employee_id: string }) => l.employee_id).sort()).toEqual(
      [a.employeeId, world.outsider.employeeId].sort(),
    );
    for (const l of lines)
      expect(l).toMatchObject({
        jp: 1,
        jenis_diklat_id: 23,
        channel: 'social',
        source_type: 'community_session',
        occurred_on: today,
        title: 'Komunitas Pengelola Kepegawaian: Sinkronisasi riwayat diklat',
      });
    const { ledger, aggregate } = await ledgerAndAggregate(lib.db, [
      a.employeeId as string,
      world.outsider.employeeId as string,
    ]);
    expect(aggregate).toEqual(ledger);
    expect(await job.handle({ sessionId: '00000000-0000-4000-8000-000000000000' })).toBe('skipped');
  });
});
