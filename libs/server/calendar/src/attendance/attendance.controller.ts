import { Body, Controller, Get, HttpCode, Inject, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  type AttendanceClassSummary,
  type AttendanceListRow,
  type AttendanceQr,
  type ClassAttendanceOverview,
  type MyClassAttendance,
  type Page,
  type ScanResult,
} from '@kompeten/shared-contracts';
import {
  ApiErrors,
  ApiPageResponse,
  CurrentPrincipal,
  notFound,
  PageQueryDto,
  uuidParam as uuid,
  type Principal,
} from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  AttendanceClassSummaryDto,
  AttendanceListRowDto,
  AttendanceMarksDto,
  AttendanceQrDto,
  AttendanceQrQueryDto,
  ClassAttendanceOverviewDto,
  MyClassAttendanceDto,
  ScanDto,
  ScanResultDto,
} from './attendance.dto';
import { AttendanceService } from './attendance.service';

/** A session index in a path: a whole number; anything else names no session (404). */
const sessionParam = () =>
  new ParseIntPipe({
    exceptionFactory: () => notFound(ErrorCode.CALENDAR_SESSION_NOT_FOUND, 'Sesi kelas tidak ditemukan'),
  });
const SESSION_DOC = { name: 'sessionIndex', example: 0, description: 'Index into the class’s sessions (its days)' };

/** In-person class attendance (issue 18, decision 0037): the trainer's QR code and list, the learner's scan. */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('calendar')
export class AttendanceController {
  constructor(
    @Inject(AttendanceService) private readonly attendance: AttendanceService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('me/attendance-classes')
  @ApiOperation({
    summary: 'Classes whose attendance the caller runs: as a speaker of the class, or an admin of its agency',
  })
  @ApiPageResponse(AttendanceClassSummaryDto)
  async runs(@CurrentPrincipal() p: Principal, @Query() q: PageQueryDto): Promise<Page<AttendanceClassSummary>> {
    return this.attendance.runs(await this.org.scopeOf(p), q);
  }

  @Get('classes/:classId/attendance')
  @ApiOperation({
    summary: 'A class’s attendance overview: sessions with counts, completion rule, finalisation (trainer or admin)',
    description:
      'The trainer is an internal speaker of the class (speakers[].employeeId is the caller’s ASN record); the admin administers the organising agency. Anyone else: 404.',
  })
  @ApiOkResponse({ type: ClassAttendanceOverviewDto })
  @ApiErrors(404)
  async overview(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
  ): Promise<ClassAttendanceOverview> {
    return this.attendance.overview(await this.org.scopeOf(p), classId);
  }

  @Get('classes/:classId/sessions/:sessionIndex/attendance-qr')
  @ApiOperation({
    summary: 'The current attendance QR code of a session (trainer or admin); fetch again at rotatesAt',
    description:
      'The code is a URL to the learner’s scan page with a token signed for this class, session and kind, valid for its 30-second step plus 30 seconds of grace.',
  })
  @ApiParam(SESSION_DOC)
  @ApiOkResponse({ type: AttendanceQrDto })
  @ApiErrors(404)
  async qr(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Param('sessionIndex', sessionParam()) sessionIndex: number,
    @Query() q: AttendanceQrQueryDto,
  ): Promise<AttendanceQr> {
    return this.attendance.qr(await this.org.scopeOf(p), classId, sessionIndex, q.kind ?? 'in');
  }

  @Get('classes/:classId/sessions/:sessionIndex/attendance')
  @ApiOperation({ summary: 'The trainer’s list of a session: confirmed registrants by name with their attendance' })
  @ApiParam(SESSION_DOC)
  @ApiPageResponse(AttendanceListRowDto)
  @ApiErrors(404)
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Param('sessionIndex', sessionParam()) sessionIndex: number,
    @Query() q: PageQueryDto,
  ): Promise<Page<AttendanceListRow>> {
    return this.attendance.list(await this.org.scopeOf(p), classId, sessionIndex, q);
  }

  @Put('classes/:classId/sessions/:sessionIndex/attendance')
  @ApiOperation({
    summary: 'Mark attendance of a session (PUT: each mark replaces the ASN’s record of the session)',
    description:
      'Up to 100 marks. Every employeeId must hold a confirmed registration in this class, else 404 and nothing is saved. Present without times counts the whole session; arrival and leaving times give the minutes, late and leftEarly follow them unless sent. Answers the saved rows.',
  })
  @ApiParam(SESSION_DOC)
  @ApiBody({ type: AttendanceMarksDto })
  @ApiOkResponse({ type: [AttendanceListRowDto] })
  @ApiErrors(404)
  async mark(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Param('sessionIndex', sessionParam()) sessionIndex: number,
    @Body() dto: AttendanceMarksDto,
  ): Promise<AttendanceListRow[]> {
    return this.attendance.mark(await this.org.scopeOf(p), classId, sessionIndex, dto.items);
  }

  @Post('classes/:classId/attendance/scan')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A learner’s scan of the trainer’s QR code: records arrival (or leaving) once',
    description:
      'Scanning twice changes nothing (already: true). 400 CALENDAR.ATTENDANCE_TOKEN_INVALID (forged, damaged, or another class’s code), 410 CALENDAR.ATTENDANCE_TOKEN_EXPIRED, 403 CALENDAR.NOT_REGISTERED (no confirmed registration), 409 CALENDAR.ATTENDANCE_CLOSED (outside an hour before the start to an hour after the end), 409 CALENDAR.NOT_CHECKED_IN (leaving code before an arrival).',
  })
  @ApiOkResponse({ type: ScanResultDto })
  @ApiErrors(403, 404, 409, 410)
  scan(
    @CurrentPrincipal() p: Principal,
    @Param('classId', uuid()) classId: string,
    @Body() dto: ScanDto,
  ): Promise<ScanResult> {
    return this.attendance.scan(p, classId, dto.token);
  }

  @Get('me/classes/:classId/attendance')
  @ApiOperation({ summary: 'The caller’s attendance per session and completion of a class they registered for' })
  @ApiOkResponse({ type: MyClassAttendanceDto })
  @ApiErrors(404)
  mine(@CurrentPrincipal() p: Principal, @Param('classId', uuid()) classId: string): Promise<MyClassAttendance> {
    return this.attendance.mine(p, classId);
  }
}
