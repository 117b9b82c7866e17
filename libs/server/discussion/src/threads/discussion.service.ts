import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  OutboxEvent,
  type DiscussionPost,
  type DiscussionReport,
  type DiscussionSpace,
  type DiscussionSpaceKind,
  type DiscussionThread,
  type DiscussionThreadSummary,
  type MentionCandidate,
  type Page,
  type ReportResolution,
  type ReportStatus,
  type ThreadKind,
} from '@kompeten/shared-contracts';
import { conflict, forbidden, invalid, toPage, writeOutbox, type PageQueryDto } from '@kompeten/server-core';
import type { AccessScope } from '@kompeten/server-organisation';
import { SpaceAccess, spaceNotFound, type SpaceAccessResult } from '../access/space-access';
import {
  canDeletePost,
  canEditPost,
  canMarkAnswer,
  canStartThread,
  isAnswerable,
  mentionList,
  MAX_MENTIONS,
  type Standing,
} from '../access/space-rules';
import { mentionCandidates } from '../access/space-store';
import { toPost, toReport, toSpace, toThreadSummary } from './discussion.mapper';
import { postHtml } from './post-text';
import {
  clearAnswerOf,
  countReply,
  editPost,
  editThreadTitle,
  findPost,
  findReport,
  findThread,
  insertMentions,
  insertPost,
  insertReport,
  insertThread,
  listReplies,
  listReports,
  listThreads,
  markDeleted,
  markThreadRead,
  openingPost,
  postOfRequest,
  resolveReportsOf,
  setAnswer,
  setHidden,
  setThreadFlag,
  spaceCounts,
  type PostRow,
  type ThreadRow,
} from './thread-store';

const moderatorsOnly = () =>
  forbidden(ErrorCode.DISCUSSION_MODERATORS_ONLY, 'Hanya moderator diskusi ini yang dapat melakukannya');
const offset = (q: PageQueryDto) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** A duplicate of the client's request id (two submits at once): the caller answers the first post instead. */
const isRequestDuplicate = (e: unknown) =>
  e instanceof QueryFailedError &&
  (e.driverError as { constraint?: string } | undefined)?.constraint === 'uq_discussion_post_request';

export interface NewThread {
  kind: ThreadKind;
  title: string;
  body: string;
  mentionIds?: string[];
  requestId?: string;
}

export interface NewReply {
  body: string;
  mentionIds?: string[];
  requestId?: string;
}

/**
 * Threads, replies and moderation (decision 0039). Every id is read through the space's access first: a space the
 * caller cannot read answers 404, whatever the id names. Writes run in one transaction with their outbox event.
 */
@Injectable()
export class DiscussionService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(SpaceAccess) private readonly access: SpaceAccess,
  ) {}

  // ---- spaces -------------------------------------------------------------------------------------------------------

  async spaceOf(scope: AccessScope, kind: DiscussionSpaceKind, targetId: string): Promise<DiscussionSpace> {
    const found = await this.db.transaction((m) => this.access.spaceOf(m, scope, kind, targetId));
    return this.describe(this.db.manager, scope, found);
  }

  async space(scope: AccessScope, spaceId: string): Promise<DiscussionSpace> {
    const m = this.db.manager;
    return this.describe(m, scope, await this.access.readable(m, scope, spaceId));
  }

  private async describe(m: EntityManager, scope: AccessScope, a: SpaceAccessResult): Promise<DiscussionSpace> {
    return toSpace(a.space, a.title, a.standing, await spaceCounts(m, a.space.id, scope.principal.userId));
  }

  async listThreads(scope: AccessScope, spaceId: string, q: PageQueryDto): Promise<Page<DiscussionThreadSummary>> {
    const m = this.db.manager;
    const { standing } = await this.access.readable(m, scope, spaceId);
    const { total, rows } = await listThreads(m, {
      spaceId,
      userId: scope.principal.userId,
      moderator: standing.moderator,
      ...offset(q),
    });
    return toPage(rows.map(toThreadSummary), total, q);
  }

  // ---- threads and replies ------------------------------------------------------------------------------------------

  async createThread(scope: AccessScope, spaceId: string, dto: NewThread): Promise<DiscussionThread> {
    const userId = scope.principal.userId;
    const body = postHtml(dto.body);
    const title = dto.title.trim();
    if (!title) throw invalid(ErrorCode.DISCUSSION_EMPTY_POST, 'Judul tidak boleh kosong');
    const threadId = await this.withRequestRetry(dto.requestId, async (m) => {
      const a = await this.access.readable(m, scope, spaceId);
      const again = await this.requested(m, userId, dto.requestId, { spaceId, opening: true });
      if (again) return again.thread_id;
      if (!canStartThread(dto.kind, a.standing))
        throw forbidden(ErrorCode.DISCUSSION_MODERATORS_ONLY, 'Hanya moderator yang dapat membuat pengumuman');
      const mentions = await this.checkedMentions(m, scope, a, dto.mentionIds);
      const id = await insertThread(m, {
        spaceId,
        kind: dto.kind,
        title,
        authorUserId: userId,
        pinned: dto.kind === 'announcement',
      });
      const postId = await insertPost(m, {
        threadId: id,
        spaceId,
        authorUserId: userId,
        isOpening: true,
        body,
        requestId: dto.requestId ?? null,
      });
      await insertMentions(m, postId, mentions);
      if (mentions.length) await writeOutbox(m, OutboxEvent.DiscussionPosted, postId, { postId });
      await markThreadRead(m, userId, id, spaceId);
      return id;
    });
    return this.thread(scope, threadId);
  }

  async thread(scope: AccessScope, threadId: string): Promise<DiscussionThread> {
    const m = this.db.manager;
    const { thread, access } = await this.readableThread(m, scope, threadId);
    const viewer = { userId: scope.principal.userId, moderator: access.standing.moderator };
    const space = await this.describe(m, scope, access);
    return {
      ...toThreadSummary(thread),
      space,
      opening: toPost(await openingPost(m, thread.id), viewer, thread),
      answerPostId: thread.answer_post_id,
      canMarkAnswer: canMarkAnswer({ kind: thread.kind, authorUserId: thread.author_user_id }, viewer),
      canReply: !thread.locked,
    };
  }

  async replies(scope: AccessScope, threadId: string, q: PageQueryDto): Promise<Page<DiscussionPost>> {
    const m = this.db.manager;
    const { thread, access } = await this.readableThread(m, scope, threadId);
    const viewer = { userId: scope.principal.userId, moderator: access.standing.moderator };
    const { total, rows } = await listReplies(m, threadId, offset(q));
    return toPage(
      rows.map((p) => toPost(p, viewer, thread)),
      total,
      q,
    );
  }

  async reply(scope: AccessScope, threadId: string, dto: NewReply): Promise<DiscussionPost> {
    const userId = scope.principal.userId;
    const body = postHtml(dto.body);
    const postId = await this.withRequestRetry(dto.requestId, async (m) => {
      const { thread, access } = await this.readableThread(m, scope, threadId);
      const again = await this.requested(m, userId, dto.requestId, { threadId, opening: false });
      if (again) return again.id;
      const mentions = await this.checkedMentions(m, scope, access, dto.mentionIds);
      if (!(await countReply(m, threadId)))
        throw conflict(ErrorCode.DISCUSSION_THREAD_LOCKED, 'Topik ini dikunci; balasan tidak dapat ditambahkan');
      const id = await insertPost(m, {
        threadId,
        spaceId: thread.space_id,
        authorUserId: userId,
        isOpening: false,
        body,
        requestId: dto.requestId ?? null,
      });
      await insertMentions(m, id, mentions);
      // The thread's author hears of replies; mentioned people of the mention (the job tells each once).
      if (mentions.length || thread.author_user_id !== userId)
        await writeOutbox(m, OutboxEvent.DiscussionPosted, id, { postId: id });
      await markThreadRead(m, userId, threadId, thread.space_id);
      return id;
    });
    return this.post(scope, postId);
  }

  async markRead(scope: AccessScope, threadId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const { thread } = await this.readableThread(m, scope, threadId);
      await markThreadRead(m, scope.principal.userId, threadId, thread.space_id);
    });
  }

  // ---- moderation and answers ---------------------------------------------------------------------------------------

  async setThreadFlag(
    scope: AccessScope,
    threadId: string,
    flag: 'pinned' | 'locked',
    value: boolean,
  ): Promise<DiscussionThread> {
    await this.db.transaction(async (m) => {
      const { access } = await this.readableThread(m, scope, threadId);
      if (!access.standing.moderator) throw moderatorsOnly();
      await setThreadFlag(m, threadId, flag, value);
    });
    return this.thread(scope, threadId);
  }

  async setAnswer(scope: AccessScope, threadId: string, postId: string | null): Promise<DiscussionThread> {
    await this.db.transaction(async (m) => {
      const { thread, access } = await this.readableThread(m, scope, threadId);
      const viewer = { userId: scope.principal.userId, moderator: access.standing.moderator };
      const cannot = () =>
        conflict(
          ErrorCode.DISCUSSION_CANNOT_MARK_ANSWER,
          'Hanya penanya atau moderator yang dapat menandai satu balasan yang tampil sebagai jawaban pertanyaan',
        );
      if (!canMarkAnswer({ kind: thread.kind, authorUserId: thread.author_user_id }, viewer)) throw cannot();
      if (postId !== null) {
        const post = await findPost(m, postId);
        if (!post || post.thread_id !== threadId) throw spaceNotFound();
        if (!isAnswerable(postState(post))) throw cannot();
      }
      await setAnswer(m, threadId, postId);
    });
    return this.thread(scope, threadId);
  }

  async editPost(scope: AccessScope, postId: string, dto: { body: string; title?: string }): Promise<DiscussionPost> {
    const body = postHtml(dto.body);
    await this.db.transaction(async (m) => {
      const { post, thread } = await this.readablePost(m, scope, postId);
      if (!canEditPost(postState(post), thread, scope.principal.userId, new Date()))
        throw conflict(ErrorCode.DISCUSSION_CANNOT_EDIT, 'Kiriman ini tidak dapat diubah lagi');
      await editPost(m, postId, body);
      const title = dto.title?.trim();
      if (post.is_opening && title) await editThreadTitle(m, thread.id, title);
    });
    return this.post(scope, postId);
  }

  async deletePost(scope: AccessScope, postId: string): Promise<DiscussionPost> {
    await this.db.transaction(async (m) => {
      const { post } = await this.readablePost(m, scope, postId);
      if (!canDeletePost(postState(post), scope.principal.userId))
        throw conflict(ErrorCode.DISCUSSION_CANNOT_EDIT, 'Kiriman ini tidak dapat dihapus');
      await markDeleted(m, postId);
      await clearAnswerOf(m, postId);
    });
    return this.post(scope, postId);
  }

  async setHidden(scope: AccessScope, postId: string, hidden: boolean): Promise<DiscussionPost> {
    await this.db.transaction(async (m) => {
      const { access } = await this.readablePost(m, scope, postId);
      if (!access.standing.moderator) throw moderatorsOnly();
      await this.hide(m, postId, hidden, scope.principal.userId);
    });
    return this.post(scope, postId);
  }

  private async hide(m: EntityManager, postId: string, hidden: boolean, by: string) {
    await setHidden(m, postId, hidden, by);
    if (hidden) {
      await clearAnswerOf(m, postId);
      await resolveReportsOf(m, postId, 'hidden', by);
    }
  }

  // ---- reports ------------------------------------------------------------------------------------------------------

  async report(scope: AccessScope, postId: string, reason: string): Promise<{ id: string }> {
    return this.db.transaction(async (m) => {
      const { post } = await this.readablePost(m, scope, postId);
      const id = await insertReport(m, {
        postId,
        spaceId: post.space_id,
        reporterUserId: scope.principal.userId,
        reason: reason.trim(),
      });
      return { id };
    });
  }

  async reports(
    scope: AccessScope,
    spaceId: string,
    status: ReportStatus | null,
    q: PageQueryDto,
  ): Promise<Page<DiscussionReport>> {
    const m = this.db.manager;
    const { standing } = await this.access.readable(m, scope, spaceId);
    if (!standing.moderator) throw moderatorsOnly();
    const { total, rows } = await listReports(m, { spaceId, status, ...offset(q) });
    const viewer = { userId: scope.principal.userId, moderator: true };
    const items = await Promise.all(
      rows.map(async (r) => {
        const post = (await findPost(m, r.post_id)) as PostRow;
        const thread = (await findThread(m, r.thread_id, viewer.userId)) as ThreadRow;
        return toReport(r, toPost(post, viewer, thread));
      }),
    );
    return toPage(items, total, q);
  }

  async resolveReport(scope: AccessScope, reportId: string, resolution: ReportResolution): Promise<DiscussionReport> {
    const userId = scope.principal.userId;
    await this.db.transaction(async (m) => {
      const report = await findReport(m, reportId);
      if (!report) throw spaceNotFound();
      const { standing } = await this.access.readable(m, scope, report.space_id);
      if (!standing.moderator) throw spaceNotFound();
      if (report.status !== 'open') throw conflict(ErrorCode.DISCUSSION_REPORT_RESOLVED, 'Laporan ini sudah ditangani');
      if (resolution === 'hidden') await this.hide(m, report.post_id, true, userId);
      else await resolveReportsOf(m, report.post_id, 'dismissed', userId);
    });
    const m = this.db.manager;
    const report = (await findReport(m, reportId)) as NonNullable<Awaited<ReturnType<typeof findReport>>>;
    const post = (await findPost(m, report.post_id)) as PostRow;
    const thread = (await findThread(m, report.thread_id, userId)) as ThreadRow;
    return toReport(report, toPost(post, { userId, moderator: true }, thread));
  }

  // ---- mentions -----------------------------------------------------------------------------------------------------

  /** People the caller may mention: those who wrote here or have a role here, by name or NIP, or anyone by exact NIP. */
  async mentionCandidates(scope: AccessScope, spaceId: string, q: string): Promise<MentionCandidate[]> {
    const m = this.db.manager;
    const { space } = await this.access.readable(m, scope, spaceId);
    const rows = await mentionCandidates(m, spaceId, await this.access.namedPeople(m, space), q.trim(), 20);
    const readers = await this.access.readersAmong(
      m,
      space,
      rows.map((r) => r.id),
    );
    return rows
      .filter((r) => readers.has(r.id) && r.id !== scope.principal.employeeId)
      .slice(0, 10)
      .map((r) => ({ employeeId: r.id, name: r.full_name, agencyName: r.agency_name }));
  }

  // ---- helpers ------------------------------------------------------------------------------------------------------

  private async checkedMentions(
    m: EntityManager,
    scope: AccessScope,
    a: SpaceAccessResult,
    ids: string[] | undefined,
  ): Promise<string[]> {
    const wanted = mentionList(ids, scope.principal.employeeId);
    if (wanted.length > MAX_MENTIONS)
      throw invalid(ErrorCode.DISCUSSION_MENTION_NOT_READER, `Paling banyak ${MAX_MENTIONS} orang dapat disebut`);
    const readers = await this.access.readersAmong(m, a.space, wanted);
    const outside = wanted.filter((id) => !readers.has(id));
    if (outside.length)
      throw invalid(ErrorCode.DISCUSSION_MENTION_NOT_READER, 'Orang yang Anda sebut tidak dapat membaca diskusi ini', {
        employeeIds: outside,
      });
    return wanted;
  }

  private async readableThread(m: EntityManager, scope: AccessScope, threadId: string) {
    const thread = await findThread(m, threadId, scope.principal.userId);
    if (!thread) throw spaceNotFound();
    const access = await this.access.readable(m, scope, thread.space_id);
    return { thread, access };
  }

  private async readablePost(m: EntityManager, scope: AccessScope, postId: string) {
    const post = await findPost(m, postId);
    if (!post) throw spaceNotFound();
    const { thread, access } = await this.readableThread(m, scope, post.thread_id);
    return { post, thread, access };
  }

  private async post(scope: AccessScope, postId: string): Promise<DiscussionPost> {
    const m = this.db.manager;
    const { post, thread, access } = await this.readablePost(m, scope, postId);
    return toPost(post, { userId: scope.principal.userId, moderator: access.standing.moderator }, thread);
  }

  /** The post of a request id sent before, if it is the same kind of write at the same place; else a conflict. */
  private async requested(
    m: EntityManager,
    userId: string,
    requestId: string | undefined,
    where: { spaceId?: string; threadId?: string; opening: boolean },
  ) {
    if (!requestId) return null;
    const found = await postOfRequest(m, userId, requestId);
    if (!found) return null;
    const same =
      found.is_opening === where.opening &&
      (where.spaceId === undefined || found.space_id === where.spaceId) &&
      (where.threadId === undefined || found.thread_id === where.threadId);
    if (!same)
      throw conflict(ErrorCode.DISCUSSION_REQUEST_REUSED, 'Id permintaan ini sudah dipakai untuk kiriman lain');
    return found;
  }

  /** Runs a post-writing transaction; two submits of one request at once: the loser answers the winner's post. */
  private async withRequestRetry<T>(
    requestId: string | undefined,
    write: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.db.transaction(write);
    } catch (e) {
      if (!requestId || !isRequestDuplicate(e)) throw e;
      return this.db.transaction(write);
    }
  }
}

function postState(p: PostRow) {
  return {
    authorUserId: p.author_user_id,
    isOpening: p.is_opening,
    hidden: p.hidden_at !== null,
    deleted: p.deleted_at !== null,
    createdAt: p.created_at,
  };
}

export type { Standing };
