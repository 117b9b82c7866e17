import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ErrorCode,
  TIME_ZONE_LABEL,
  type CalendarDueDate,
  type CalendarEvents,
  type MyCalendar,
} from '@kompeten/shared-contracts';
import { invalid, notFound, type Principal } from '@kompeten/server-core';
import { learnerDueDates } from '@kompeten/server-enrolment';
import { findActiveEmployee } from '@kompeten/server-identity';
import { AgencyTree, type AccessScope } from '@kompeten/server-organisation';
import { localDateOf } from '@kompeten/shared-util';
import { addDays, eventsOf, rangeProblem, type DayRange } from './calendar-events';
import { calendarClasses } from './calendar-views-store';
import { MAX_VIEW_DAYS, MAX_VIEW_EVENTS, type CalendarEventsQueryDto } from './calendar-views.dto';

const HOUR = 3600_000;
/** Classes read for one answer; a class has at least one event, so this never cuts below the event limit. */
const MAX_CLASSES = MAX_VIEW_EVENTS;
const MAX_DUE_DATES = 200;

/**
 * The calendar's web views (decision 0040): sessions of the classes a caller may see in a window of local days, with
 * filters and "open for me"; and the learner's own calendar of classes and course due dates.
 */
@Injectable()
export class CalendarViewsService {
  constructor(
    @InjectDataSource() @Inject(DataSource) private readonly db: DataSource,
    @Inject(AgencyTree) private readonly agencies: AgencyTree,
  ) {}

  private window(q: DayRange): DayRange {
    const problem = rangeProblem(q, MAX_VIEW_DAYS);
    if (problem) throw invalid(ErrorCode.CALENDAR_RANGE_TOO_LONG, problem);
    return { from: q.from, to: q.to };
  }

  /** The agencies whose classes are open to an ASN: their agency and every agency above it (the class list's rule). */
  async eligibleAgencies(employeeId: string | null): Promise<string[]> {
    if (!employeeId) return [];
    const e = await findActiveEmployee(this.db.manager, employeeId);
    return e ? (await this.agencies.current()).ancestorsOrSelf(e.agencyId).map((a) => a.id) : [];
  }

  /**
   * Sessions in the window of the classes the caller may see — as `GET /calendar/classes` decides: an ASN sees the
   * classes of their agency and those above it, an admin its agencies' classes, a platform admin all. An agency filter
   * outside that is a 404.
   */
  async events(scope: AccessScope, q: CalendarEventsQueryDto): Promise<CalendarEvents> {
    const range = this.window(q);
    const eligible = await this.eligibleAgencies(scope.principal.employeeId);
    let visible: string[] | null = scope.global ? null : [...new Set([...scope.adminAgencyIds, ...eligible])];
    if (q.agencyId) {
      const known = (await this.agencies.current()).get(q.agencyId);
      if (!known || (visible !== null && !visible.includes(q.agencyId)))
        throw notFound(ErrorCode.ORG_AGENCY_NOT_FOUND, 'Instansi tidak ditemukan');
      visible = [q.agencyId];
    }
    if ((visible !== null && !visible.length) || (q.openForMe && !eligible.length))
      return { ...range, events: [], limit: MAX_VIEW_EVENTS, truncated: false };
    const classes = await calendarClasses(this.db, {
      ...range,
      agencyIds: visible,
      mode: q.mode,
      jenisDiklatId: q.jenisDiklatId,
      competencyKind: q.competencyKind,
      employeeId: scope.principal.employeeId,
      eligibleAgencyIds: eligible,
      openForMe: q.openForMe,
      limit: MAX_CLASSES + 1,
    });
    const { events, truncated } = eventsOf(classes.slice(0, MAX_CLASSES), range, MAX_VIEW_EVENTS);
    return { ...range, events, limit: MAX_VIEW_EVENTS, truncated: truncated || classes.length > MAX_CLASSES };
  }

  /** The caller's own calendar: their classes (registered, or cancelled by the organiser) and their due dates. */
  async mine(p: Principal, q: DayRange): Promise<MyCalendar> {
    const range = this.window(q);
    if (!p.employeeId) return { ...range, events: [], dueDates: [], limit: MAX_VIEW_EVENTS, truncated: false };
    const classes = await calendarClasses(this.db, {
      ...range,
      agencyIds: null,
      employeeId: p.employeeId,
      eligibleAgencyIds: await this.eligibleAgencies(p.employeeId),
      mine: true,
      limit: MAX_CLASSES + 1,
    });
    const { events, truncated } = eventsOf(classes.slice(0, MAX_CLASSES), range, MAX_VIEW_EVENTS);
    return {
      ...range,
      events,
      dueDates: await this.dueDates(p.employeeId, range),
      limit: MAX_VIEW_EVENTS,
      truncated: truncated || classes.length > MAX_CLASSES,
    };
  }

  /**
   * Due dates whose local day (in the zone of whoever set them) lies in the window. The instants are read with a margin
   * covering UTC+7 to UTC+9, then each is judged on its own local day.
   */
  async dueDates(employeeId: string, range: DayRange, limit = MAX_DUE_DATES): Promise<CalendarDueDate[]> {
    const from = new Date(Date.parse(`${range.from}T00:00:00Z`) - 9 * HOUR);
    const to = new Date(Date.parse(`${addDays(range.to, 1)}T00:00:00Z`) - 7 * HOUR);
    const rows = await learnerDueDates(this.db, employeeId, { from, to }, limit);
    return rows
      .map((r) => ({
        enrolmentId: r.enrolmentId,
        courseId: r.courseId,
        courseTitle: r.courseTitle,
        dueAt: r.dueAt.toISOString(),
        dueDate: localDateOf(r.dueAt, r.dueTimeZone),
        timeZone: r.dueTimeZone,
        zoneLabel: TIME_ZONE_LABEL[r.dueTimeZone],
        overdue: r.overdue,
        mandatory: r.mandatory,
      }))
      .filter((d) => d.dueDate >= range.from && d.dueDate <= range.to);
  }
}
