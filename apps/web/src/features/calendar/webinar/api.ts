import type {
  HostPresenceCheck,
  HostWebinarView,
  LearnerWebinarView,
  Page,
  PresenceAnswer,
  WebinarJoin,
  WebinarParticipant,
} from '@kompeten/shared-contracts';
import { request } from '../../../shared/api';

const enc = encodeURIComponent;
const base = (classId: string) => `/calendar/classes/${enc(classId)}`;

/** Records the join of the session open now and answers where the meeting is (decision 0038). */
export function joinWebinar(classId: string): Promise<WebinarJoin> {
  return request<WebinarJoin>(`${base(classId)}/join`, { method: 'POST' });
}

export function getLearnerWebinar(classId: string, signal?: AbortSignal): Promise<LearnerWebinarView> {
  return request<LearnerWebinarView>(`${base(classId)}/webinar`, { signal });
}

export function answerPresenceCheck(classId: string, checkId: string, code: string): Promise<PresenceAnswer> {
  return request<PresenceAnswer>(`${base(classId)}/presence-checks/${enc(checkId)}/answers`, {
    method: 'POST',
    body: { code },
  });
}

export function getHostWebinar(classId: string, signal?: AbortSignal): Promise<HostWebinarView> {
  return request<HostWebinarView>(`${base(classId)}/webinar/host`, { signal });
}

export function openPresenceCheck(classId: string): Promise<{ check: HostPresenceCheck; created: boolean }> {
  return request<{ check: HostPresenceCheck; created: boolean }>(`${base(classId)}/presence-checks`, {
    method: 'POST',
  });
}

export interface ParticipantParams {
  sessionIndex: number;
  page: number;
  pageSize: number;
}

export function listParticipants(
  classId: string,
  params: ParticipantParams,
  signal?: AbortSignal,
): Promise<Page<WebinarParticipant>> {
  return request<Page<WebinarParticipant>>(`${base(classId)}/webinar/participants`, {
    query: { ...params },
    signal,
  });
}
