import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type {
  DiscussionPost,
  DiscussionReport,
  DiscussionSpace,
  DiscussionThread,
  DiscussionThreadSummary,
  MentionCandidate,
  Page,
} from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  AnswerDto,
  CreateReplyDto,
  CreateThreadDto,
  DiscussionPostDto,
  DiscussionReportDto,
  DiscussionSpaceDto,
  DiscussionThreadDto,
  DiscussionThreadSummaryDto,
  EditPostDto,
  FlagDto,
  MentionCandidateDto,
  MentionQueryDto,
  ReportCreatedDto,
  ReportPostDto,
  ReportQueryDto,
  ResolveReportDto,
} from './dto/discussion.dto';
import { DiscussionService } from './threads/discussion.service';

/**
 * Discussions of courses, classes and communities (issue 18, decision 0039). Every id is checked through the space's
 * access: a space, thread, post or report the caller cannot read answers 404.
 */
@ApiTags('discussions')
@ApiBearerAuth()
@ApiErrors(400, 401, 404)
@Controller('discussions')
export class DiscussionController {
  constructor(
    @Inject(DiscussionService) private readonly discussions: DiscussionService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('courses/:courseId')
  @ApiOperation({
    summary: 'The discussion space of a course (its authors, admins of its agency, enrolled learners, its audience)',
  })
  @ApiOkResponse({ type: DiscussionSpaceDto })
  async courseSpace(@CurrentPrincipal() p: Principal, @Param('courseId', uuid()) id: string): Promise<DiscussionSpace> {
    return this.discussions.spaceOf(await this.org.scopeOf(p), 'course', id);
  }

  @Get('classes/:classId')
  @ApiOperation({
    summary: 'The discussion space of a class (confirmed registrants, internal speakers, admins of the organiser)',
  })
  @ApiOkResponse({ type: DiscussionSpaceDto })
  async classSpace(@CurrentPrincipal() p: Principal, @Param('classId', uuid()) id: string): Promise<DiscussionSpace> {
    return this.discussions.spaceOf(await this.org.scopeOf(p), 'class', id);
  }

  @Get('spaces/:spaceId')
  @ApiOperation({ summary: 'A discussion space with the caller’s unread count' })
  @ApiOkResponse({ type: DiscussionSpaceDto })
  async space(@CurrentPrincipal() p: Principal, @Param('spaceId', uuid()) id: string): Promise<DiscussionSpace> {
    return this.discussions.space(await this.org.scopeOf(p), id);
  }

  @Get('spaces/:spaceId/threads')
  @ApiOperation({ summary: 'Threads of a space, pinned first then by latest post, with unread counts' })
  @ApiPageResponse(DiscussionThreadSummaryDto)
  async threads(
    @CurrentPrincipal() p: Principal,
    @Param('spaceId', uuid()) id: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<DiscussionThreadSummary>> {
    return this.discussions.listThreads(await this.org.scopeOf(p), id, q);
  }

  @Post('spaces/:spaceId/threads')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Start a thread (announcements: moderators only, pinned)',
    description:
      'Mentioned ASN must be able to read the space; they are notified once. The same requestId sent again answers the first thread.',
  })
  @ApiCreatedResponse({ type: DiscussionThreadDto })
  @ApiErrors(403)
  async createThread(
    @CurrentPrincipal() p: Principal,
    @Param('spaceId', uuid()) id: string,
    @Body() dto: CreateThreadDto,
  ): Promise<DiscussionThread> {
    return this.discussions.createThread(await this.org.scopeOf(p), id, dto);
  }

  @Get('spaces/:spaceId/mentions')
  @ApiOperation({ summary: 'People the caller may @mention in the space, by name or NIP (at most 10)' })
  @ApiOkResponse({ type: [MentionCandidateDto] })
  async mentionCandidates(
    @CurrentPrincipal() p: Principal,
    @Param('spaceId', uuid()) id: string,
    @Query() q: MentionQueryDto,
  ): Promise<MentionCandidate[]> {
    return this.discussions.mentionCandidates(await this.org.scopeOf(p), id, q.q);
  }

  @Get('spaces/:spaceId/reports')
  @ApiOperation({ summary: 'The report queue of a space (moderators), oldest first' })
  @ApiPageResponse(DiscussionReportDto)
  @ApiErrors(403)
  async reports(
    @CurrentPrincipal() p: Principal,
    @Param('spaceId', uuid()) id: string,
    @Query() q: ReportQueryDto,
  ): Promise<Page<DiscussionReport>> {
    return this.discussions.reports(await this.org.scopeOf(p), id, q.status ?? null, q);
  }

  @Get('threads/:threadId')
  @ApiOperation({ summary: 'A thread with its opening post' })
  @ApiOkResponse({ type: DiscussionThreadDto })
  async thread(@CurrentPrincipal() p: Principal, @Param('threadId', uuid()) id: string): Promise<DiscussionThread> {
    return this.discussions.thread(await this.org.scopeOf(p), id);
  }

  @Get('threads/:threadId/replies')
  @ApiOperation({ summary: 'A thread’s replies in order' })
  @ApiPageResponse(DiscussionPostDto)
  async replies(
    @CurrentPrincipal() p: Principal,
    @Param('threadId', uuid()) id: string,
    @Query() q: PageQueryDto,
  ): Promise<Page<DiscussionPost>> {
    return this.discussions.replies(await this.org.scopeOf(p), id, q);
  }

  @Post('threads/:threadId/replies')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Reply to a thread (not when locked)',
    description: 'The thread’s author and mentioned ASN are notified once. The same requestId answers the first reply.',
  })
  @ApiCreatedResponse({ type: DiscussionPostDto })
  @ApiErrors(409)
  async reply(
    @CurrentPrincipal() p: Principal,
    @Param('threadId', uuid()) id: string,
    @Body() dto: CreateReplyDto,
  ): Promise<DiscussionPost> {
    return this.discussions.reply(await this.org.scopeOf(p), id, dto);
  }

  @Post('threads/:threadId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark the thread read up to its latest post' })
  @ApiNoContentResponse()
  async markRead(@CurrentPrincipal() p: Principal, @Param('threadId', uuid()) id: string): Promise<void> {
    await this.discussions.markRead(await this.org.scopeOf(p), id);
  }

  @Put('threads/:threadId/pinned')
  @ApiOperation({ summary: 'Pin or unpin a thread (moderators)' })
  @ApiOkResponse({ type: DiscussionThreadDto })
  @ApiErrors(403)
  async pin(
    @CurrentPrincipal() p: Principal,
    @Param('threadId', uuid()) id: string,
    @Body() dto: FlagDto,
  ): Promise<DiscussionThread> {
    return this.discussions.setThreadFlag(await this.org.scopeOf(p), id, 'pinned', dto.value);
  }

  @Put('threads/:threadId/locked')
  @ApiOperation({ summary: 'Lock or unlock a thread (moderators); a locked thread takes no replies or edits' })
  @ApiOkResponse({ type: DiscussionThreadDto })
  @ApiErrors(403)
  async lock(
    @CurrentPrincipal() p: Principal,
    @Param('threadId', uuid()) id: string,
    @Body() dto: FlagDto,
  ): Promise<DiscussionThread> {
    return this.discussions.setThreadFlag(await this.org.scopeOf(p), id, 'locked', dto.value);
  }

  @Put('threads/:threadId/answer')
  @ApiOperation({ summary: 'Mark (or with null unmark) the answer of a question (the asker or a moderator)' })
  @ApiOkResponse({ type: DiscussionThreadDto })
  @ApiErrors(409)
  async answer(
    @CurrentPrincipal() p: Principal,
    @Param('threadId', uuid()) id: string,
    @Body() dto: AnswerDto,
  ): Promise<DiscussionThread> {
    return this.discussions.setAnswer(await this.org.scopeOf(p), id, dto.postId);
  }

  @Put('posts/:postId')
  @ApiOperation({ summary: 'Edit one’s own post (within a day, while shown and the thread is open)' })
  @ApiOkResponse({ type: DiscussionPostDto })
  @ApiErrors(409)
  async edit(
    @CurrentPrincipal() p: Principal,
    @Param('postId', uuid()) id: string,
    @Body() dto: EditPostDto,
  ): Promise<DiscussionPost> {
    return this.discussions.editPost(await this.org.scopeOf(p), id, dto);
  }

  @Delete('posts/:postId')
  @ApiOperation({ summary: 'Delete one’s own post (kept as deleted: its place in the thread stays)' })
  @ApiOkResponse({ type: DiscussionPostDto })
  @ApiErrors(409)
  async remove(@CurrentPrincipal() p: Principal, @Param('postId', uuid()) id: string): Promise<DiscussionPost> {
    return this.discussions.deletePost(await this.org.scopeOf(p), id);
  }

  @Put('posts/:postId/hidden')
  @ApiOperation({ summary: 'Hide or show a post (moderators); hiding resolves its open reports' })
  @ApiOkResponse({ type: DiscussionPostDto })
  @ApiErrors(403)
  async hide(
    @CurrentPrincipal() p: Principal,
    @Param('postId', uuid()) id: string,
    @Body() dto: FlagDto,
  ): Promise<DiscussionPost> {
    return this.discussions.setHidden(await this.org.scopeOf(p), id, dto.value);
  }

  @Post('posts/:postId/reports')
  @HttpCode(201)
  @ApiOperation({ summary: 'Report a post to the moderators (one report per post and reader; again answers it)' })
  @ApiCreatedResponse({ type: ReportCreatedDto })
  async report(
    @CurrentPrincipal() p: Principal,
    @Param('postId', uuid()) id: string,
    @Body() dto: ReportPostDto,
  ): Promise<{ id: string }> {
    return this.discussions.report(await this.org.scopeOf(p), id, dto.reason);
  }

  @Put('reports/:reportId')
  @ApiOperation({ summary: 'Resolve a report (moderators): hide the post, or dismiss' })
  @ApiOkResponse({ type: DiscussionReportDto })
  @ApiErrors(409)
  async resolve(
    @CurrentPrincipal() p: Principal,
    @Param('reportId', uuid()) id: string,
    @Body() dto: ResolveReportDto,
  ): Promise<DiscussionReport> {
    return this.discussions.resolveReport(await this.org.scopeOf(p), id, dto.resolution);
  }
}
