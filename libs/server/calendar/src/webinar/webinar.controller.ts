import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  HostWebinarView,
  LearnerWebinarView,
  Page,
  PresenceAnswer,
  WebinarJoin,
  WebinarParticipant,
} from '@kompeten/shared-contracts';
import { ApiErrors, ApiPageResponse, CurrentPrincipal, uuidParam as uuid, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import { PresenceCheckService } from './presence-check.service';
import { WebinarJoinService } from './webinar-join.service';
import {
  HostWebinarViewDto,
  LearnerWebinarViewDto,
  OpenCheckAnswerDto,
  ParticipantQueryDto,
  PresenceAnswerDto,
  PresenceAnswerInputDto,
  WebinarJoinDto,
  WebinarParticipantDto,
} from './webinar.dto';

/** Webinars (issue 18, decision 0038): joining through Kompeten, presence checks, the host's page. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('calendar/classes/:classId')
export class WebinarController {
  constructor(
    @Inject(WebinarJoinService) private readonly joins: WebinarJoinService,
    @Inject(PresenceCheckService) private readonly checks: PresenceCheckService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Post('join')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Join the session open now: records the join once and answers the meeting URL',
    description:
      'Open from 15 minutes before a session starts until it ends. Needs a confirmed registration; a learner with none is registered first when the class is an unlimited webinar without approval whose registration is open (the registration rules apply: 409 CALENDAR.REGISTRATION_CLOSED, 409 CALENDAR.SCHEDULE_CONFLICT). Refusals: 409 CALENDAR.JOIN_NOT_OPEN (details.nextSessionJoinOpensAt), 409 CALENDAR.NOT_WEBINAR, 403 CALENDAR.NOT_REGISTERED. Joining again answers the same record (the first instant never moves).',
  })
  @ApiOkResponse({ type: WebinarJoinDto })
  @ApiErrors(403, 404, 409)
  async join(@CurrentPrincipal() p: Principal, @Param('classId', uuid()) classId: string): Promise<WebinarJoin> {
    return this.joins.join(p, classId);
  }

  @Get('webinar')
  @ApiOperation({
    summary: 'The learner’s webinar page: sessions, whether joining is open, and the presence check open now',
    description: 'Polled by the page (every 20–30 s and on focus). Never carries a check’s code.',
  })
  @ApiOkResponse({ type: LearnerWebinarViewDto })
  @ApiErrors(404, 409)
  async learnerView(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
  ): Promise<LearnerWebinarView> {
    return this.joins.learnerView(p, classId);
  }

  @Post('presence-checks/:checkId/answers')
  @ApiOperation({
    summary: 'Answer a presence check with the code shown in the meeting',
    description:
      '201 when this answer recorded the presence; 200 when it was recorded before (nothing changes). 400 CALENDAR.CHECK_WRONG_CODE with details.attemptsLeft (3 attempts per check), 409 CALENDAR.CHECK_NO_ATTEMPTS, 409 CALENDAR.CHECK_CLOSED outside its 5-minute window, 403 CALENDAR.NOT_REGISTERED without a confirmed registration.',
  })
  @ApiCreatedResponse({ type: PresenceAnswerDto })
  @ApiOkResponse({ type: PresenceAnswerDto, description: 'Answered before: the existing record' })
  @ApiErrors(403, 404, 409)
  async answer(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Param('checkId', uuid()) checkId: string,
    @Body() dto: PresenceAnswerInputDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PresenceAnswer> {
    const answer = await this.checks.answer(p, classId, checkId, dto.code);
    res.status(answer.alreadyAnswered ? 200 : 201);
    return answer;
  }

  @Get('webinar/host')
  @ApiOperation({
    summary: 'The host’s page: the open check’s code, the session’s checks with answer counts, joins',
    description:
      'For an internal speaker of the class (speakers[].employeeId) or an admin of the organising agency; 404 for anyone else. Plans the current session’s random checks if the worker has not yet.',
  })
  @ApiOkResponse({ type: HostWebinarViewDto })
  @ApiErrors(404, 409)
  async hostView(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
  ): Promise<HostWebinarView> {
    return this.checks.hostView(await this.org.scopeOf(p), classId);
  }

  @Post('presence-checks')
  @ApiOperation({
    summary: '“Cek kehadiran sekarang”: the host opens a presence check in the running session',
    description:
      '201 with the new check (open for 5 minutes); 200 with the check already open, so a double click opens one. 409 CALENDAR.NO_SESSION_NOW outside a session.',
  })
  @ApiCreatedResponse({ type: OpenCheckAnswerDto })
  @ApiOkResponse({ type: OpenCheckAnswerDto, description: 'A check was open already' })
  @ApiErrors(404, 409)
  async openCheck(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OpenCheckAnswerDto> {
    const opened = await this.checks.openNow(await this.org.scopeOf(p), classId);
    res.status(opened.created ? 201 : 200);
    return opened;
  }

  @Get('webinar/participants')
  @ApiOperation({
    summary: 'Who joined or answered in one session, with first join, joins and checks answered (host or admin)',
  })
  @ApiPageResponse(WebinarParticipantDto)
  @ApiErrors(404, 409)
  async participants(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Query() q: ParticipantQueryDto,
  ): Promise<Page<WebinarParticipant>> {
    return this.checks.participants(await this.org.scopeOf(p), classId, q);
  }
}
