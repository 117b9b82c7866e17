import type {
  CompetencyKind,
  DeliveryMode,
  JpClaim,
  JpClaimStatus,
  JpClaimVerifier,
  JpLedgerLine,
  JpNextCourse,
  JpRule,
  JpRuleSet,
  JpRulesInForce,
  JpYearSummary,
  JpYearTotal,
  Page,
} from '@kompeten/shared-contracts';
import { downloadFile, request, upload } from '../../shared/api';

const enc = encodeURIComponent;

export interface PageParams {
  page?: number;
  pageSize?: number;
}

// ---- the learner's own JP -------------------------------------------------------------------------

export function getMySummary(year: number | undefined, signal?: AbortSignal): Promise<JpYearSummary> {
  return request<JpYearSummary>('/jp/me/summary', { query: { year }, signal });
}

export function listMyLines(params: PageParams & { year?: number }, signal?: AbortSignal): Promise<Page<JpLedgerLine>> {
  return request<Page<JpLedgerLine>>('/jp/me/lines', { query: { ...params }, signal });
}

export function listMyYears(params: PageParams, signal?: AbortSignal): Promise<Page<JpYearTotal>> {
  return request<Page<JpYearTotal>>('/jp/me/years', { query: { ...params }, signal });
}

export function listNextCourses(params: PageParams, signal?: AbortSignal): Promise<Page<JpNextCourse>> {
  return request<Page<JpNextCourse>>('/jp/me/next-courses', { query: { ...params }, signal });
}

export function getMyRules(on: string | undefined, signal?: AbortSignal): Promise<JpRulesInForce> {
  return request<JpRulesInForce>('/jp/me/rules', { query: { on }, signal });
}

// ---- claims -----------------------------------------------------------------------------------------

/** The claim form's fields as the API takes them (multipart: every value is text). */
export interface ClaimInput {
  jenisDiklatId: number;
  title: string;
  organiser: string;
  startDate: string;
  endDate: string;
  quantity: number;
  deliveryMode: DeliveryMode;
  competencyKind: CompetencyKind | null;
  certificateNumber: string | null;
}

export function submitClaim(
  input: ClaimInput,
  file: File | null,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<JpClaim> {
  const form = new FormData();
  form.append('jenisDiklatId', String(input.jenisDiklatId));
  form.append('title', input.title);
  form.append('organiser', input.organiser);
  form.append('startDate', input.startDate);
  form.append('endDate', input.endDate);
  form.append('quantity', String(input.quantity));
  form.append('deliveryMode', input.deliveryMode);
  if (input.competencyKind) form.append('competencyKind', input.competencyKind);
  if (input.certificateNumber) form.append('certificateNumber', input.certificateNumber);
  if (file) form.append('file', file, file.name);
  return upload<JpClaim>('/jp/claims', form, onProgress, signal);
}

export function listMyClaims(
  params: PageParams & { status?: JpClaimStatus },
  signal?: AbortSignal,
): Promise<Page<JpClaim>> {
  return request<Page<JpClaim>>('/jp/claims', { query: { ...params }, signal });
}

export function listClaimQueue(
  params: PageParams & { status?: JpClaimStatus },
  signal?: AbortSignal,
): Promise<Page<JpClaim>> {
  return request<Page<JpClaim>>('/jp/claims/queue', { query: { ...params }, signal });
}

export function decideClaim(id: string, decision: 'verify' | 'reject', reason?: string): Promise<JpClaim> {
  return request<JpClaim>(`/jp/claims/${enc(id)}/decision`, {
    method: 'POST',
    body: reason ? { decision, reason } : { decision },
  });
}

export function downloadEvidence(claim: Pick<JpClaim, 'id' | 'evidenceName'>): Promise<void> {
  return downloadFile(`/jp/claims/${enc(claim.id)}/evidence`, claim.evidenceName ?? 'bukti');
}

// ---- ledger corrections ----------------------------------------------------------------------------

export function reverseLine(id: string, reason: string): Promise<JpLedgerLine> {
  return request<JpLedgerLine>(`/jp/lines/${enc(id)}/reversal`, { method: 'POST', body: { reason } });
}

// ---- rules ------------------------------------------------------------------------------------------

export interface RuleSetInput {
  agencyId: string | null;
  effectiveFrom: string;
  minutesPerJp: Record<DeliveryMode, number>;
  claimVerifier: JpClaimVerifier;
  note: string | null;
  rules: JpRule[];
}

export function listRuleSets(
  params: PageParams & { agencyId?: string },
  signal?: AbortSignal,
): Promise<Page<JpRuleSet>> {
  return request<Page<JpRuleSet>>('/jp/rule-sets', { query: { ...params }, signal });
}

export function createRuleSet(input: RuleSetInput): Promise<JpRuleSet> {
  return request<JpRuleSet>('/jp/rule-sets', { method: 'POST', body: input });
}
