import type {
  AttendanceClassSummary,
  AttendanceListRow,
  AttendanceQr,
  AttendanceScanKind,
  ClassAttendanceOverview,
  ClassCompletionRule,
  FinaliseResult,
  MyClassAttendance,
  Page,
  ScanResult,
} from '@kompeten/shared-contracts';
import { request } from '../../../shared/api';

const enc = encodeURIComponent;

export interface AttendanceMark {
  employeeId: string;
  status: 'present' | 'absent';
  arrivedAt?: string | null;
  leftAt?: string | null;
  late?: boolean;
  leftEarly?: boolean;
}

export const listRunClasses = (page: number, signal?: AbortSignal) =>
  request<Page<AttendanceClassSummary>>('/calendar/me/attendance-classes', { query: { page, pageSize: 20 }, signal });

export const getOverview = (classId: string, signal?: AbortSignal) =>
  request<ClassAttendanceOverview>(`/calendar/classes/${enc(classId)}/attendance`, { signal });

export const getQr = (classId: string, session: number, kind: AttendanceScanKind, signal?: AbortSignal) =>
  request<AttendanceQr>(`/calendar/classes/${enc(classId)}/sessions/${session}/attendance-qr`, {
    query: { kind },
    signal,
  });

export const listAttendance = (classId: string, session: number, page: number, signal?: AbortSignal) =>
  request<Page<AttendanceListRow>>(`/calendar/classes/${enc(classId)}/sessions/${session}/attendance`, {
    query: { page, pageSize: 20 },
    signal,
  });

export const markAttendance = (classId: string, session: number, items: AttendanceMark[]) =>
  request<AttendanceListRow[]>(`/calendar/classes/${enc(classId)}/sessions/${session}/attendance`, {
    method: 'PUT',
    body: { items },
  });

export const scan = (classId: string, token: string) =>
  request<ScanResult>(`/calendar/classes/${enc(classId)}/attendance/scan`, { method: 'POST', body: { token } });

export const finalise = (classId: string) =>
  request<FinaliseResult>(`/calendar/classes/${enc(classId)}/finalise`, { method: 'POST' });

export const saveRule = (classId: string, rule: Omit<ClassCompletionRule, 'requiresCourse'>) =>
  request<ClassCompletionRule>(`/calendar/classes/${enc(classId)}/completion-rule`, { method: 'PUT', body: rule });

export const getMine = (classId: string, signal?: AbortSignal) =>
  request<MyClassAttendance>(`/calendar/me/classes/${enc(classId)}/attendance`, { signal });
