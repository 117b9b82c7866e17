import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttendanceScanKind, ClassCompletionRule } from '@kompeten/shared-contracts';
import {
  finalise,
  getMine,
  getOverview,
  getQr,
  listAttendance,
  listRunClasses,
  markAttendance,
  saveRule,
  scan,
  type AttendanceMark,
} from './api';

export const attendanceKeys = {
  all: ['calendar', 'attendance'] as const,
  runs: (page: number) => [...attendanceKeys.all, 'runs', page] as const,
  overview: (classId: string) => [...attendanceKeys.all, 'overview', classId] as const,
  list: (classId: string, session: number, page: number) =>
    [...attendanceKeys.all, 'list', classId, session, page] as const,
  mine: (classId: string) => [...attendanceKeys.all, 'mine', classId] as const,
  qr: (classId: string, session: number, kind: AttendanceScanKind) =>
    [...attendanceKeys.all, 'qr', classId, session, kind] as const,
};

export const useRunClasses = (page: number) =>
  useQuery({
    queryKey: attendanceKeys.runs(page),
    queryFn: ({ signal }) => listRunClasses(page, signal),
    placeholderData: keepPreviousData,
  });

export const useOverview = (classId: string) =>
  useQuery({ queryKey: attendanceKeys.overview(classId), queryFn: ({ signal }) => getOverview(classId, signal) });

export const useAttendanceList = (classId: string, session: number, page: number) =>
  useQuery({
    queryKey: attendanceKeys.list(classId, session, page),
    queryFn: ({ signal }) => listAttendance(classId, session, page, signal),
    placeholderData: keepPreviousData,
    // Scans arrive while the trainer watches.
    refetchInterval: 15_000,
  });

/** The current code; fetched again when it rotates (the caller schedules `refetch` at `rotatesAt`). */
export const useQr = (classId: string, session: number, kind: AttendanceScanKind, enabled: boolean) =>
  useQuery({
    queryKey: attendanceKeys.qr(classId, session, kind),
    queryFn: ({ signal }) => getQr(classId, session, kind, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });

export const useMyClass = (classId: string) =>
  useQuery({ queryKey: attendanceKeys.mine(classId), queryFn: ({ signal }) => getMine(classId, signal) });

function useAttendanceMutation<A, R>(fn: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => client.invalidateQueries({ queryKey: attendanceKeys.all }) });
}

export const useMark = (classId: string, session: number) =>
  useAttendanceMutation((items: AttendanceMark[]) => markAttendance(classId, session, items));
export const useFinalise = (classId: string) => useAttendanceMutation(() => finalise(classId));
export const useSaveRule = (classId: string) =>
  useAttendanceMutation((rule: Omit<ClassCompletionRule, 'requiresCourse'>) => saveRule(classId, rule));
export const useScan = (classId: string) => useAttendanceMutation((token: string) => scan(classId, token));
