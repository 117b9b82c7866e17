import { randomUUID } from 'node:crypto';
import { ErrorCode, type DiscussionThread } from '@kompeten/shared-contracts';
import { CORE_ENTITIES } from '@kompeten/server-core';
import { CALENDAR_ENTITIES, CalendarModule, OfferingService, RegistrationService } from '@kompeten/server-calendar';
import { ENROLMENT_ENTITIES } from '@kompeten/server-enrolment';
import { IDENTITY_ENTITIES } from '@kompeten/server-identity';
import { LEARNING_ENTITIES } from '@kompeten/server-learning';
import { ORGANISATION_ENTITIES, OrganisationService } from '@kompeten/server-organisation';
import {
  bootLibTest,
  createEnrolment,
  createWorld,
  domainErrorOf,
  type LibTestContext,
  type Person,
  type PublishedWorldCourse,
  type World,
} from '@kompeten/server-testing';
import { CommunityService } from './community/community.service';
import { DiscussionModule } from './discussion.module';
import { DISCUSSION_ENTITIES } from './index';
import { DiscussionService } from './threads/discussion.service';

const PAGE = { page: 1, pageSize: 20 };
const DAY = 24 * 3600_000;
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Discussions and communities on real PostgreSQL (decision 0039): who reads which space (an outsider's id answers
 * 404), announcements, answers, moderation, reports, unread counts, mentions and their outbox event, idempotent posts,
 * and communities with their sessions' outbox event.
 */
describe('discussions and communities (integration)', () => {
  let lib: LibTestContext;
  let world: World & { course: PublishedWorldCourse };
  let discussions: DiscussionService;
  let communities: CommunityService;
  let org: OrganisationService;
  let asker: Person;
  let classmate: Person;
  let audience: Person;
  let courseSpaceId: string;

  const scope = (p: Person) => org.scopeOf(p.principal);
  const events = (type: string, aggregateId: string) =>
    lib.db.query(`SELECT payload FROM outbox_event WHERE event_type = $1 AND aggregate_id = $2`, [type, aggregateId]);
  const ask = async (p: Person, o: Partial<{ kind: 'question' | 'discussion' | 'announcement'; title: string }> = {}) =>
    discussions.createThread(await scope(p), courseSpaceId, {
      kind: o.kind ?? 'question',
      title: o.title ?? 'Bagaimana memperbarui riwayat diklat di SIASN?',
      body: '<p>Riwayat saya belum tampil.</p>',
    });
  const reply = async (p: Person, threadId: string, body = '<p>Buka menu Riwayat.</p>', mentionIds?: string[]) =>
    discussions.reply(await scope(p), threadId, { body, mentionIds });

  beforeAll(async () => {
    lib = await bootLibTest({
      entities: [
        ...CORE_ENTITIES,
        ...ORGANISATION_ENTITIES,
        ...IDENTITY_ENTITIES,
        ...LEARNING_ENTITIES,
        ...ENROLMENT_ENTITIES,
        ...CALENDAR_ENTITIES,
        ...DISCUSSION_ENTITIES,
      ],
      imports: [DiscussionModule, CalendarModule],
    });
    world = await createWorld(lib.db, { learners: 3, course: { visibility: 'agency' } });
    discussions = lib.get(DiscussionService);
    communities = lib.get(CommunityService);
    org = lib.get(OrganisationService);
    [asker, classmate, audience] = world.learners;
    for (const p of [asker, classmate])
      await createEnrolment(lib.db, {
        courseId: world.course.courseId,
        versionId: world.course.versionId,
        employeeId: p.employeeId as string,
      });
    courseSpaceId = (await discussions.spaceOf(await scope(asker), 'course', world.course.courseId)).id;
  });
  afterAll(() => lib?.close());

  it('a course space: enrolled learners and the course’s audience read it, its authors and admins moderate, outsiders get 404', async () => {
    const courseId = world.course.courseId;
    const mine = await discussions.spaceOf(await scope(asker), 'course', courseId);
    expect(mine).toMatchObject({ id: courseSpaceId, kind: 'course', canModerate: false, openReportCount: null });
    expect((await discussions.spaceOf(await scope(audience), 'course', courseId)).id).toBe(courseSpaceId);
    expect((await discussions.spaceOf(await scope(world.author), 'course', courseId)).canModerate).toBe(true);
    expect((await discussions.spaceOf(await scope(world.admin), 'course', courseId)).canModerate).toBe(true);
    const thread = await ask(asker);
    for (const outsider of [world.outsider, world.siblingLearner]) {
      const s = await scope(outsider);
      expect(await domainErrorOf(discussions.spaceOf(s, 'course', courseId))).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
      expect(await domainErrorOf(discussions.space(s, courseSpaceId))).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
      expect(await domainErrorOf(discussions.listThreads(s, courseSpaceId, PAGE))).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
      expect(await domainErrorOf(discussions.thread(s, thread.id))).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
      expect(await domainErrorOf(discussions.reply(s, thread.id, { body: 'x' }))).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
      expect(await domainErrorOf(discussions.report(s, thread.opening.id, 'spam'))).toBe(
        ErrorCode.DISCUSSION_NOT_FOUND,
      );
      expect(
        await domainErrorOf(
          discussions.createThread(s, courseSpaceId, { kind: 'discussion', title: 'Halo', body: 'x' }),
        ),
      ).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
    }
    expect(await domainErrorOf(discussions.spaceOf(await scope(asker), 'course', randomUUID()))).toBe(
      ErrorCode.DISCUSSION_NOT_FOUND,
    );
  });

  it('rich text is sanitised: scripts, handlers and pictures go, an empty post is refused', async () => {
    const t = await discussions.createThread(await scope(asker), courseSpaceId, {
      kind: 'discussion',
      title: 'Tautan',
      body: '<p onclick="x()">Lihat <a href="javascript:alert(1)">ini</a><script>alert(1)</script><img src="/api/files/3f7c2d1e-9a0b-4c5d-8e6f-1a2b3c4d5e6f"></p>',
    });
    expect(t.opening.body).toBe('<p>Lihat <a>ini</a></p>');
    expect(
      await domainErrorOf(
        discussions.createThread(await scope(asker), courseSpaceId, {
          kind: 'discussion',
          title: 'Kosong',
          body: '<script>x</script><p> </p>',
        }),
      ),
    ).toBe(ErrorCode.DISCUSSION_EMPTY_POST);
  });

  it('announcements only by moderators, pinned and listed first; moderators pin and unpin any thread', async () => {
    expect(await domainErrorOf(ask(asker, { kind: 'announcement', title: 'Pengumuman palsu' }))).toBe(
      ErrorCode.DISCUSSION_MODERATORS_ONLY,
    );
    const notice = await ask(world.author, { kind: 'announcement', title: 'Jadwal tatap muka' });
    expect(notice.pinned).toBe(true);
    await ask(asker, { kind: 'discussion', title: 'Diskusi terbaru' });
    const list = await discussions.listThreads(await scope(classmate), courseSpaceId, PAGE);
    expect(list.items[0]).toMatchObject({ id: notice.id, pinned: true, kind: 'announcement' });
    expect(await domainErrorOf(discussions.setThreadFlag(await scope(asker), notice.id, 'pinned', false))).toBe(
      ErrorCode.DISCUSSION_MODERATORS_ONLY,
    );
    expect((await discussions.setThreadFlag(await scope(world.author), notice.id, 'pinned', false)).pinned).toBe(false);
  });

  it('a question gets one answer, marked by the asker or a moderator, never the opening post or a hidden reply', async () => {
    const q = await ask(asker);
    const answer = await reply(world.author, q.id, '<p>Gunakan menu <strong>Sinkronkan</strong>.</p>');
    const other = await reply(classmate, q.id);
    expect(await domainErrorOf(discussions.setAnswer(await scope(classmate), q.id, answer.id))).toBe(
      ErrorCode.DISCUSSION_CANNOT_MARK_ANSWER,
    );
    expect(await domainErrorOf(discussions.setAnswer(await scope(asker), q.id, q.opening.id))).toBe(
      ErrorCode.DISCUSSION_CANNOT_MARK_ANSWER,
    );
    let marked: DiscussionThread = await discussions.setAnswer(await scope(asker), q.id, answer.id);
    expect(marked).toMatchObject({ answered: true, answerPostId: answer.id });
    marked = await discussions.setAnswer(await scope(world.author), q.id, other.id);
    expect(marked.answerPostId).toBe(other.id);
    const replies = await discussions.replies(await scope(asker), q.id, PAGE);
    expect(replies.items.filter((p) => p.isAnswer).map((p) => p.id)).toEqual([other.id]);
    await discussions.setHidden(await scope(world.author), other.id, true);
    expect((await discussions.thread(await scope(asker), q.id)).answerPostId).toBeNull();
    expect(await domainErrorOf(discussions.setAnswer(await scope(asker), q.id, other.id))).toBe(
      ErrorCode.DISCUSSION_CANNOT_MARK_ANSWER,
    );
    const discussion = await ask(asker, { kind: 'discussion', title: 'Bukan pertanyaan' });
    const r = await reply(classmate, discussion.id);
    expect(await domainErrorOf(discussions.setAnswer(await scope(world.author), discussion.id, r.id))).toBe(
      ErrorCode.DISCUSSION_CANNOT_MARK_ANSWER,
    );
  });

  it('report, queue, hide, lock: readers report once, moderators see the queue and hide; a locked thread takes no reply', async () => {
    const t = await ask(asker, { kind: 'discussion', title: 'Moderasi' });
    const rude = await reply(classmate, t.id, '<p>Kiriman yang melanggar</p>');
    const first = await discussions.report(await scope(asker), rude.id, 'Tidak sopan');
    expect(await discussions.report(await scope(asker), rude.id, 'Tidak sopan lagi')).toEqual(first);
    await discussions.report(await scope(audience), rude.id, 'Melanggar aturan');
    expect(await domainErrorOf(discussions.reports(await scope(asker), courseSpaceId, 'open', PAGE))).toBe(
      ErrorCode.DISCUSSION_MODERATORS_ONLY,
    );
    const queue = await discussions.reports(await scope(world.author), courseSpaceId, 'open', PAGE);
    expect(queue.items.filter((r) => r.post.id === rude.id)).toHaveLength(2);
    expect((await discussions.space(await scope(world.author), courseSpaceId)).openReportCount).toBe(queue.total);

    const resolved = await discussions.resolveReport(await scope(world.author), first.id, 'hidden');
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'hidden', post: { hidden: true } });
    expect(
      (await discussions.reports(await scope(world.author), courseSpaceId, 'open', PAGE)).items.some(
        (r) => r.post.id === rude.id,
      ),
    ).toBe(false);
    expect(await domainErrorOf(discussions.resolveReport(await scope(world.author), first.id, 'dismissed'))).toBe(
      ErrorCode.DISCUSSION_REPORT_RESOLVED,
    );
    const seenByLearner = (await discussions.replies(await scope(asker), t.id, PAGE)).items.find(
      (p) => p.id === rude.id,
    );
    expect(seenByLearner).toMatchObject({ hidden: true, body: null });
    const seenByModerator = (await discussions.replies(await scope(world.author), t.id, PAGE)).items.find(
      (p) => p.id === rude.id,
    );
    expect(seenByModerator).toMatchObject({ hidden: true, body: '<p>Kiriman yang melanggar</p>' });
    expect(await domainErrorOf(discussions.setHidden(await scope(asker), rude.id, false))).toBe(
      ErrorCode.DISCUSSION_MODERATORS_ONLY,
    );

    expect(await domainErrorOf(discussions.setThreadFlag(await scope(asker), t.id, 'locked', true))).toBe(
      ErrorCode.DISCUSSION_MODERATORS_ONLY,
    );
    expect((await discussions.setThreadFlag(await scope(world.author), t.id, 'locked', true)).canReply).toBe(false);
    expect(await domainErrorOf(reply(asker, t.id))).toBe(ErrorCode.DISCUSSION_THREAD_LOCKED);
    expect(await domainErrorOf(discussions.editPost(await scope(asker), t.opening.id, { body: 'ubah' }))).toBe(
      ErrorCode.DISCUSSION_CANNOT_EDIT,
    );
    await discussions.setThreadFlag(await scope(world.author), t.id, 'locked', false);
    expect((await reply(asker, t.id)).threadId).toBe(t.id);
  });

  it('the author edits and deletes their own post (a soft hide); others cannot', async () => {
    const t = await ask(asker, { kind: 'discussion', title: 'Sunting' });
    const r = await reply(classmate, t.id, '<p>Draf</p>');
    expect(await domainErrorOf(discussions.editPost(await scope(asker), r.id, { body: 'bukan milik saya' }))).toBe(
      ErrorCode.DISCUSSION_CANNOT_EDIT,
    );
    const edited = await discussions.editPost(await scope(classmate), r.id, { body: '<p>Final</p>' });
    expect(edited).toMatchObject({ body: '<p>Final</p>', canEdit: true });
    expect(edited.editedAt).not.toBeNull();
    const deleted = await discussions.deletePost(await scope(classmate), r.id);
    expect(deleted).toMatchObject({ deleted: true, body: null });
    expect((await discussions.thread(await scope(asker), t.id)).replyCount).toBe(1);
  });

  it('unread counts per space and thread: others’ shown posts after the reader’s marker', async () => {
    const reader = await world.person();
    await createEnrolment(lib.db, {
      courseId: world.course.courseId,
      versionId: world.course.versionId,
      employeeId: reader.employeeId as string,
    });
    const { unreadCount: before } = await discussions.space(await scope(reader), courseSpaceId);
    const t = await ask(asker, { kind: 'discussion', title: 'Belum dibaca' });
    expect((await discussions.space(await scope(reader), courseSpaceId)).unreadCount).toBe(before + 1);
    await discussions.markRead(await scope(reader), t.id);
    const threadOf = async () =>
      (await discussions.listThreads(await scope(reader), courseSpaceId, { page: 1, pageSize: 100 })).items.find(
        (x) => x.id === t.id,
      );
    expect((await threadOf())?.unreadCount).toBe(0);
    await reply(asker, t.id);
    const hidden = await reply(classmate, t.id);
    expect((await threadOf())?.unreadCount).toBe(2);
    await discussions.setHidden(await scope(world.author), hidden.id, true);
    expect((await threadOf())?.unreadCount).toBe(1);
    // Writing in a thread reads it; the writer's own posts never count for them.
    await reply(reader, t.id);
    expect((await threadOf())?.unreadCount).toBe(0);
    const ofAsker = await discussions.listThreads(await scope(asker), courseSpaceId, { page: 1, pageSize: 100 });
    expect(ofAsker.items.find((x) => x.id === t.id)?.unreadCount).toBe(1);
    const spaceBefore = (await discussions.space(await scope(asker), courseSpaceId)).unreadCount;
    await discussions.markRead(await scope(asker), t.id);
    expect((await discussions.space(await scope(asker), courseSpaceId)).unreadCount).toBe(spaceBefore - 1);
  });

  it('a double submit is one post: the same request id answers the first thread and reply, even at once', async () => {
    const s = await scope(asker);
    const requestId = randomUUID();
    const dto = { kind: 'question' as const, title: 'Kirim dua kali', body: '<p>Sekali saja</p>', requestId };
    const [a, b, c] = await Promise.all([
      discussions.createThread(s, courseSpaceId, dto),
      discussions.createThread(s, courseSpaceId, dto),
      discussions.createThread(s, courseSpaceId, dto),
    ]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const [{ n }] = await lib.db.query(
      `SELECT count(*)::int AS n FROM discussion_thread WHERE title = 'Kirim dua kali'`,
    );
    expect(n).toBe(1);
    const replyId = randomUUID();
    const r1 = await discussions.reply(s, a.id, { body: 'Balasan', requestId: replyId });
    const r2 = await discussions.reply(s, a.id, { body: 'Balasan', requestId: replyId });
    expect(r2.id).toBe(r1.id);
    expect((await discussions.thread(s, a.id)).replyCount).toBe(1);
    expect(await domainErrorOf(discussions.reply(s, a.id, { body: 'Lain', requestId }))).toBe(
      ErrorCode.DISCUSSION_REQUEST_REUSED,
    );
  });

  it('mentions: only people who can read the space; one outbox event per post; the picker offers readers', async () => {
    const t = await ask(asker, { kind: 'discussion', title: 'Sebut nama' });
    expect(await domainErrorOf(reply(classmate, t.id, '<p>@Luar</p>', [world.outsider.employeeId as string]))).toBe(
      ErrorCode.DISCUSSION_MENTION_NOT_READER,
    );
    const r = await reply(classmate, t.id, '<p>@Peserta</p>', [
      asker.employeeId as string,
      world.author.employeeId as string,
    ]);
    expect(r.mentions.map((x) => x.employeeId).sort()).toEqual([asker.employeeId, world.author.employeeId].sort());
    expect(await events('discussion.posted', r.id)).toEqual([{ payload: { postId: r.id } }]);
    // A thread started without mentions writes no event; a reply does (its thread's author hears of it).
    expect(await events('discussion.posted', t.opening.id)).toEqual([]);
    const candidates = await discussions.mentionCandidates(await scope(classmate), courseSpaceId, 'Peserta Dinkes');
    expect(candidates.map((c) => c.employeeId)).toContain(asker.employeeId);
    expect(candidates.map((c) => c.employeeId)).not.toContain(classmate.employeeId);
    const byNip = await discussions.mentionCandidates(
      await scope(classmate),
      courseSpaceId,
      world.outsider.nip as string,
    );
    expect(byNip).toEqual([]);
  });

  it('a class space: confirmed registrants read, its internal speaker and the organiser’s admins moderate, others get 404', async () => {
    const offerings = lib.get(OfferingService);
    const registrations = lib.get(RegistrationService);
    const adminScope = await scope(world.admin);
    const offering = await offerings.createOffering(adminScope, {
      agencyId: world.agency.id,
      title: 'Bimbingan Teknis SIASN',
      jenisDiklatId: 8,
      jp: 16,
      competencyKind: 'teknis',
    });
    const start = Date.now() + 30 * DAY;
    const cls = await offerings.createClass(adminScope, offering.id, {
      name: 'Angkatan I',
      schedule: [{ date: isoDate(start), start: '08:00', end: '16:00' }],
      mode: 'classroom',
      venue: 'Aula BPSDM',
      seats: 10,
      speakers: [{ employeeId: world.reviewer.employeeId, name: 'Widyaiswara Penguji' }],
      registrationOpensAt: new Date(Date.now() - 60_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
      cancellationDeadline: new Date(Date.now() + 20 * DAY).toISOString(),
    } as Parameters<OfferingService['createClass']>[2]);
    await registrations.registerSelf(asker.principal, cls.id);
    const space = await discussions.spaceOf(await scope(asker), 'class', cls.id);
    expect(space).toMatchObject({ kind: 'class', canModerate: false, title: 'Bimbingan Teknis SIASN — Angkatan I' });
    expect((await discussions.spaceOf(await scope(world.reviewer), 'class', cls.id)).canModerate).toBe(true);
    expect((await discussions.spaceOf(adminScope, 'class', cls.id)).canModerate).toBe(true);
    for (const p of [classmate, world.outsider, world.author])
      expect(await domainErrorOf(discussions.spaceOf(await scope(p), 'class', cls.id))).toBe(
        ErrorCode.DISCUSSION_NOT_FOUND,
      );
    const q = await discussions.createThread(await scope(asker), space.id, {
      kind: 'question',
      title: 'Perlu membawa laptop?',
      body: 'Apakah peserta membawa laptop sendiri?',
    });
    const answer = await reply(world.reviewer, q.id, '<p>Ya, bawa laptop.</p>');
    expect((await discussions.setAnswer(await scope(world.reviewer), q.id, answer.id)).answered).toBe(true);
    expect(await domainErrorOf(reply(classmate, q.id, 'Saya juga?', []))).toBe(ErrorCode.DISCUSSION_NOT_FOUND);
    expect(await domainErrorOf(reply(asker, q.id, '@Rekan', [classmate.employeeId as string]))).toBe(
      ErrorCode.DISCUSSION_MENTION_NOT_READER,
    );
  });

  it('communities: a widyaiswara hosts, ASN of any agency join open ones, invitations, members read the discussion', async () => {
    expect(
      await domainErrorOf(
        communities.create(await scope(asker), { name: 'Komunitas Liar', topic: 'SIASN', agencyId: world.agency.id }),
      ),
    ).toBe(ErrorCode.AUTH_FORBIDDEN);
    expect(
      await domainErrorOf(
        communities.create(await scope(world.author), {
          name: 'Komunitas',
          topic: 'SIASN',
          agencyId: world.otherAgency.id,
        }),
      ),
    ).toBe(ErrorCode.ORG_AGENCY_NOT_FOUND);
    const open = await communities.create(await scope(world.author), {
      name: 'Komunitas Pengelola Data ASN',
      topic: 'Pemutakhiran data di SIASN',
      agencyId: world.agency.id,
    });
    expect(open).toMatchObject({ myRole: 'facilitator', myStatus: 'active', canManage: true, memberCount: 1 });
    expect(await domainErrorOf(discussions.space(await scope(world.outsider), open.spaceId))).toBe(
      ErrorCode.DISCUSSION_NOT_FOUND,
    );
    const joined = await communities.join(await scope(world.outsider), open.id);
    expect(joined).toMatchObject({ myRole: 'member', myStatus: 'active', canManage: false, memberCount: 2 });
    expect((await communities.join(await scope(world.outsider), open.id)).memberCount).toBe(2);
    expect((await discussions.space(await scope(world.outsider), open.spaceId)).canModerate).toBe(false);
    expect((await discussions.space(await scope(world.author), open.spaceId)).canModerate).toBe(true);
    expect(await domainErrorOf(communities.leave(await scope(world.author), open.id))).toBe(
      ErrorCode.COMMUNITY_LAST_FACILITATOR,
    );

    const closed = await communities.create(await scope(world.author), {
      name: 'Komunitas Tertutup',
      topic: 'Penilaian kinerja',
      agencyId: world.agency.id,
      joinPolicy: 'invite',
    });
    expect(await domainErrorOf(communities.get(await scope(classmate), closed.id))).toBe(ErrorCode.COMMUNITY_NOT_FOUND);
    expect(await domainErrorOf(communities.join(await scope(classmate), closed.id))).toBe(
      ErrorCode.COMMUNITY_NOT_FOUND,
    );
    expect(await domainErrorOf(communities.invite(await scope(classmate), open.id, classmate.nip as string))).toBe(
      ErrorCode.COMMUNITY_FACILITATORS_ONLY,
    );
    const invited = await communities.invite(await scope(world.author), closed.id, classmate.nip as string);
    expect(invited).toMatchObject({ status: 'invited', role: 'member' });
    expect((await communities.join(await scope(classmate), closed.id)).myStatus).toBe('active');
    const list = await communities.list(await scope(world.siblingLearner), { ...PAGE, q: 'komunitas' });
    expect(list.items.map((c) => c.id)).toContain(open.id);
    expect(list.items.map((c) => c.id)).not.toContain(closed.id);
  });

  it('a facilitator records a session of members: one outbox event, dated and checked; a retry is the same session', async () => {
    const c = await communities.create(await scope(world.author), {
      name: 'Komunitas Pelayanan Publik',
      topic: 'Standar pelayanan',
      agencyId: world.agency.id,
    });
    await communities.join(await scope(asker), c.id);
    await communities.join(await scope(world.outsider), c.id);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const base = {
      title: 'Berbagi praktik baik',
      heldOn: today,
      durationMinutes: 90,
      attendeeIds: [asker.employeeId as string, world.outsider.employeeId as string],
    };
    expect(await domainErrorOf(communities.recordSession(await scope(asker), c.id, base))).toBe(
      ErrorCode.COMMUNITY_FACILITATORS_ONLY,
    );
    expect(
      await domainErrorOf(
        communities.recordSession(await scope(world.author), c.id, {
          ...base,
          attendeeIds: [...base.attendeeIds, classmate.employeeId as string],
        }),
      ),
    ).toBe(ErrorCode.COMMUNITY_NOT_A_MEMBER);
    expect(
      await domainErrorOf(
        communities.recordSession(await scope(world.author), c.id, { ...base, heldOn: isoDate(Date.now() + 3 * DAY) }),
      ),
    ).toBe(ErrorCode.COMMUNITY_INVALID_SESSION);
    const requestId = randomUUID();
    const session = await communities.recordSession(await scope(world.author), c.id, { ...base, requestId });
    expect(session).toMatchObject({ heldOn: today, durationMinutes: 90, attendeeCount: 2 });
    expect((await communities.recordSession(await scope(world.author), c.id, { ...base, requestId })).id).toBe(
      session.id,
    );
    expect(await events('community.session-recorded', session.id)).toEqual([{ payload: { sessionId: session.id } }]);
    const sessions = await communities.sessions(await scope(world.outsider), c.id, PAGE);
    expect(sessions.items.map((s) => s.id)).toEqual([session.id]);
    expect(await domainErrorOf(communities.sessions(await scope(classmate), c.id, PAGE))).toBe(
      ErrorCode.COMMUNITY_NOT_A_MEMBER,
    );
  });
});
