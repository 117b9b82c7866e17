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
}

export function createClass(offeringId: string, input: ClassInput): Promise<TrainingClass> {
  return request<TrainingClass>(`/calendar/offerings/${enc(offeringId)}/classes`, { method: 'POST', body: input });
}
