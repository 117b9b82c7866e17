import type {
  ClassMode,
  ClassRegistration,
  CompetencyKind,
  Page,
  RegistrationAnswer,
  TrainingClass,
  TrainingOffering,
} from '@kompeten/shared-contracts';
import { request } from '../../shared/api';

const enc = encodeURIComponent;

export interface PageParams {
  page?: number;
  pageSize?: number;
}

export interface ClassListParams extends PageParams {
  open?: boolean;
  mode?: ClassMode;
}

export function listClasses(params: ClassListParams, signal?: AbortSignal): Promise<Page<TrainingClass>> {
  return request<Page<TrainingClass>>('/calendar/classes', { query: { ...params }, signal });
}

export function listMyRegistrations(params: PageParams, signal?: AbortSignal): Promise<Page<ClassRegistration>> {
  return request<Page<ClassRegistration>>('/calendar/me/registrations', { query: { ...params }, signal });
}

export function register(classId: string): Promise<RegistrationAnswer> {
  return request<RegistrationAnswer>(`/calendar/classes/${enc(classId)}/registrations`, { method: 'POST' });
}

export function cancelRegistration(id: string): Promise<ClassRegistration> {
  return request<ClassRegistration>(`/calendar/registrations/${enc(id)}/cancel`, { method: 'POST' });
}

export interface OfferingInput {
  agencyId: string;
  title: string;
  jenisDiklatId: number;
  jp: number;
  competencyKind: CompetencyKind;
}

export function listOfferings(params: PageParams, signal?: AbortSignal): Promise<Page<TrainingOffering>> {
  return request<Page<TrainingOffering>>('/calendar/offerings', { query: { ...params }, signal });
}

export function createOffering(input: OfferingInput): Promise<TrainingOffering> {
  return request<TrainingOffering>('/calendar/offerings', { method: 'POST', body: input });
}

export interface ClassInput {
  name: string;
  schedule: Array<{ date: string; start: string; end: string }>;
  mode: ClassMode;
  venue?: string;
  meetingUrl?: string;
  seats: number | null;
  quotas: Array<{ agencyId: string; seats: number }>;
  registrationOpensAt: string;
  registrationClosesAt: string;
  cancellationDeadline: string;
  quotaReleaseAt?: string;
  requiresApproval: boolean;
  /** Internal speakers by NIP (the server checks each is an active ASN), external ones by name. */
  speakers?: Array<{ nip?: string; name?: string; institution?: string | null; role?: string }>;
}

export function createClass(offeringId: string, input: ClassInput): Promise<TrainingClass> {
  return request<TrainingClass>(`/calendar/offerings/${enc(offeringId)}/classes`, { method: 'POST', body: input });
}

/** Class registrations of the caller's direct reports waiting for the caller's approval (the supervisor's queue). */
export function listClassApprovals(params: PageParams, signal?: AbortSignal): Promise<Page<ClassRegistration>> {
  return request<Page<ClassRegistration>>('/calendar/approvals', { query: { ...params }, signal });
}

/** The supervisor's decision; `reason` (optional) is kept with a rejection and shown to the learner. */
export function decideClassRegistration(
  id: string,
  decision: 'approve' | 'reject',
  reason?: string,
): Promise<ClassRegistration> {
  return request<ClassRegistration>(`/calendar/registrations/${enc(id)}/decision`, {
    method: 'POST',
    body: reason ? { decision, reason } : { decision },
  });
}
