import type {
  CalendarEvents,
  ClassEditAnswer,
  ClassMode,
  CompetencyKind,
  MyCalendar,
  TrainingClass,
} from '@kompeten/shared-contracts';
import { request } from '../../../shared/api';

const enc = encodeURIComponent;

/** A window of local days (YYYY-MM-DD, inclusive; at most 62 days). */
export interface CalendarWindow {
  from: string;
  to: string;
}

export interface CalendarFilters {
  agencyId?: string;
  mode?: ClassMode;
  jenisDiklatId?: number;
  competencyKind?: CompetencyKind;
  openForMe?: boolean;
}

export function calendarEvents(q: CalendarWindow & CalendarFilters, signal?: AbortSignal): Promise<CalendarEvents> {
  return request<CalendarEvents>('/calendar/events', { query: { ...q }, signal });
}

export function myCalendar(q: CalendarWindow, signal?: AbortSignal): Promise<MyCalendar> {
  return request<MyCalendar>('/calendar/me/events', { query: { ...q }, signal });
}

export function getClass(id: string, signal?: AbortSignal): Promise<TrainingClass> {
  return request<TrainingClass>(`/calendar/classes/${enc(id)}`, { signal });
}

export function listOfferingClasses(offeringId: string, signal?: AbortSignal) {
  return request<{ items: TrainingClass[]; total: number }>('/calendar/classes', {
    query: { offeringId, page: 1, pageSize: 100 },
    signal,
  });
}

export interface ClassEditInput {
  name?: string;
  schedule?: Array<{ date: string; start: string; end: string }>;
  venue?: string | null;
  meetingUrl?: string | null;
  registrationClosesAt?: string;
  cancellationDeadline?: string;
}

export function editClass(id: string, input: ClassEditInput): Promise<ClassEditAnswer> {
  return request<ClassEditAnswer>(`/calendar/classes/${enc(id)}`, { method: 'PATCH', body: input });
}

export function cancelClass(id: string, reason: string): Promise<TrainingClass> {
  return request<TrainingClass>(`/calendar/classes/${enc(id)}/cancel`, { method: 'POST', body: { reason } });
}
