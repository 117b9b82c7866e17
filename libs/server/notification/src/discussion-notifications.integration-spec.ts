import { randomUUID } from 'node:crypto';
import { CORE_ENTITIES } from '@kompeten/server-core';
import {
  CommunityService,
  DISCUSSION_ENTITIES,
  DiscussionModule,
  DiscussionService,
} from '@kompeten/server-discussion';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import { bootLibTest, createWorld, type LibTestContext, type Person, type World } from '@kompeten/server-testing';
import { NOTIFICATION_ENTITIES } from './index';
import { NotifyDiscussionPostedJob } from './jobs/notification.jobs';
import { NotificationJobsModule } from './jobs/notification-jobs.module';

/**
 * Discussion notices on real PostgreSQL (decision 0039): a post's `discussion.posted` event → the notification job
 * tells each mentioned ASN once and the thread's author of a reply once (in the app, and an email record when they
 * have an address), however often the job runs; a post hidden before the job runs tells nobody.
 */
describe('discussion notifications (real PostgreSQL)', () => {
  let lib: LibTestContext;
  let world: World;
  let discussions: DiscussionService;
  let job: NotifyDiscussionPostedJob;
  let org: OrganisationService;
  let spaceId: string;
  let asker: Person;
  let mentioned: Person;
  let replier: Person;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const notices = (p: Person) =>
    lib.db.query(`SELECT kind, title, body, link, source_id FROM notification WHERE user_id = $1 ORDER BY created_at`, [
      p.userId,
    ]);
  const eventsOf = (postId: string) =>
    lib.db.query(`SELECT payload FROM outbox_event WHERE event_type = 'discussion.posted' AND aggregate_id = $1`, [
      postId,
    ]);

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...ENROLMENT_ENTITIES,
        ...DISCUSSION_ENTITIES,
        ...NOTIFICATION_ENTITIES,
      ],
      imports: [NotificationJobsModule, DiscussionModule],
      config: { PUBLIC_URL: 'https://kompeten.ntbprov.go.id' },
    });
    world = await createWorld(lib.db, { learners: 3 });
    discussions = lib.get(DiscussionService);
    job = lib.get(NotifyDiscussionPostedJob);
    org = lib.get(OrganisationService);
    const communities = lib.get(CommunityService);
    const c = await communities.create(await scope(world.author), {
      name: 'Komunitas Pelayanan Publik',
      topic: 'Standar pelayanan',
      agencyId: world.agency.id,
    });
    spaceId = c.spaceId;
    [asker, mentioned, replier] = world.learners;
    await lib.db.query(`UPDATE user_account SET email = $2 WHERE id = $1`, [
      mentioned.userId,
      `asn.${randomUUID().slice(0, 8)}@mataramkota.go.id`,
    ]);
    for (const p of world.learners) await communities.join(await scope(p), c.id);
  });
  afterAll(() => lib?.close());

  it('a mention: one outbox event, one in-app notice and one email record, however often the job runs', async () => {
    const thread = await discussions.createThread(await scope(asker), spaceId, {
      kind: 'question',
      title: 'Standar waktu layanan KTP',
      body: '<p>@Peserta Dinkes 2 bagaimana di tempat Anda?</p>',
      mentionIds: [mentioned.employeeId as string],
    });
    const postId = thread.opening.id;
    expect(await eventsOf(postId)).toEqual([{ payload: { postId } }]);
    const [{ id: mentionId }] = await lib.db.query(`SELECT id FROM discussion_mention WHERE post_id = $1`, [postId]);
    expect(await job.handle({ postId })).toBe('success');
    await Promise.all([job.handle({ postId }), job.handle({ postId })]);
    expect(await notices(mentioned)).toEqual([
      {
        kind: 'discussion_mention',
        title: 'Anda disebut dalam diskusi',
        body: 'Peserta Dinkes 1 menyebut Anda di diskusi komunitas "Standar waktu layanan KTP".',
        link: `/diskusi/${thread.id}`,
        source_id: mentionId,
      },
    ]);
    const [{ n }] = await lib.db.query(
      `SELECT count(*)::int AS n FROM email_delivery WHERE user_id = $1 AND kind = 'discussion_mention'`,
      [mentioned.userId],
    );
    expect(n).toBe(1);
    expect(await notices(asker)).toEqual([]);

    const reply = await discussions.reply(await scope(replier), thread.id, { body: '<p>Tiga hari kerja.</p>' });
    await job.handle({ postId: reply.id });
    await job.handle({ postId: reply.id });
    expect(await notices(asker)).toEqual([
      expect.objectContaining({ kind: 'discussion_reply', source_id: reply.id, link: `/diskusi/${thread.id}` }),
    ]);
    // The asker's own reply tells nobody (no mention, their own thread): no event is written.
    const own = await discussions.reply(await scope(asker), thread.id, { body: 'Terima kasih' });
    expect(await eventsOf(own.id)).toEqual([]);
  });

  it('a post hidden before the job runs tells nobody', async () => {
    const thread = await discussions.createThread(await scope(asker), spaceId, {
      kind: 'discussion',
      title: 'Akan disembunyikan',
      body: 'Teks',
    });
    const before = (await notices(asker)).length;
    const r = await discussions.reply(await scope(replier), thread.id, { body: 'Balasan yang melanggar' });
    await discussions.setHidden(await scope(world.author), r.id, true);
    expect(await job.handle({ postId: r.id })).toBe('skipped');
    expect(await notices(asker)).toHaveLength(before);
  });
});
