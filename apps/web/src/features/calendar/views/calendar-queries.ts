import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarKeys } from '../queries';
import {
  calendarEvents,
  cancelClass,
  editClass,
  getClass,
  listOfferingClasses,
  myCalendar,
  type CalendarFilters,
  type CalendarWindow,
  type ClassEditInput,
} from './calendar-api';

export const calendarViewKeys = {
  events: (q: CalendarWindow & CalendarFilters) => [...calendarKeys.all, 'events', q] as const,
  mine: (q: CalendarWindow) => [...calendarKeys.all, 'my-events', q] as const,
  class: (id: string) => [...calendarKeys.all, 'class', id] as const,
  offeringClasses: (offeringId: string) => [...calendarKeys.all, 'offering-classes', offeringId] as const,
};

export function useCalendarEvents(q: CalendarWindow & CalendarFilters) {
  return useQuery({
    queryKey: calendarViewKeys.events(q),
    queryFn: ({ signal }) => calendarEvents(q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyCalendar(q: CalendarWindow) {
  return useQuery({
    queryKey: calendarViewKeys.mine(q),
    queryFn: ({ signal }) => myCalendar(q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingClass(id: string) {
  return useQuery({ queryKey: calendarViewKeys.class(id), queryFn: ({ signal }) => getClass(id, signal) });
}

export function useOfferingClasses(offeringId: string) {
  return useQuery({
    queryKey: calendarViewKeys.offeringClasses(offeringId),
    queryFn: ({ signal }) => listOfferingClasses(offeringId, signal),
  });
}

/** An edit or a cancellation moves events, feeds and lists: refetch everything of the calendar. */
function useClassChange<A, R>(fn: (a: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: calendarKeys.all }) });
}

export const useEditClass = () =>
  useClassChange(({ id, input }: { id: string; input: ClassEditInput }) => editClass(id, input));
export const useCancelClass = () =>
  useClassChange(({ id, reason }: { id: string; reason: string }) => cancelClass(id, reason));
