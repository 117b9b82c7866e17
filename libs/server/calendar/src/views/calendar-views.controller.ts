import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CalendarEvents, MyCalendar } from '@kompeten/shared-contracts';
import { ApiErrors, CurrentPrincipal, type Principal } from '@kompeten/server-core';
import { OrganisationService } from '@kompeten/server-organisation';
import {
  CalendarEventsDto,
  CalendarEventsQueryDto,
  CalendarWindowDto,
  MAX_VIEW_DAYS,
  MAX_VIEW_EVENTS,
  MyCalendarDto,
} from './calendar-views.dto';
import { CalendarViewsService } from './calendar-views.service';

/** The calendar's month, week and list views (issue 18, decision 0040). */
@ApiTags('calendar')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('calendar')
export class CalendarViewsController {
  constructor(
    @Inject(CalendarViewsService) private readonly views: CalendarViewsService,
    @Inject(OrganisationService) private readonly org: OrganisationService,
  ) {}

  @Get('events')
  @ApiOperation({
    summary: 'Class sessions in a window of local days (month, week, list), with filters and “open for me”',
    description: `One event per class day, in the organising agency’s local time with its zone (WIB/WITA/WIT) and in UTC. Visible classes as for GET /calendar/classes (cancelled ones included, marked). At most ${MAX_VIEW_DAYS} days (else 400 CALENDAR.RANGE_TOO_LONG) and ${MAX_VIEW_EVENTS} events (then truncated: true). An agencyId the caller cannot see: 404.`,
  })
  @ApiOkResponse({ type: CalendarEventsDto })
  @ApiErrors(404)
  async events(@CurrentPrincipal() p: Principal, @Query() q: CalendarEventsQueryDto): Promise<CalendarEvents> {
    return this.views.events(await this.org.scopeOf(p), q);
  }

  @Get('me/events')
  @ApiOperation({
    summary: 'My calendar: sessions of my classes (with my registration status) and due dates of my courses',
    description: `Registrations confirmed, pending approval or waitlisted, and those of classes the organiser cancelled (myStatus cancelled_by_organiser). Due dates of active or pending enrolments whose local day lies in the window. At most ${MAX_VIEW_DAYS} days.`,
  })
  @ApiOkResponse({ type: MyCalendarDto })
  mine(@CurrentPrincipal() p: Principal, @Query() q: CalendarWindowDto): Promise<MyCalendar> {
    return this.views.mine(p, q);
  }
}
