import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JpClaimStatus } from '@kompeten/shared-contracts';
import {
  createRuleSet,
  decideClaim,
  getMyRules,
  getMySummary,
  listClaimQueue,
  listMyClaims,
  listMyLines,
  listMyYears,
  listNextCourses,
  listRuleSets,
  reverseLine,
  submitClaim,
  type ClaimInput,
  type PageParams,
  type RuleSetInput,
} from './api';

export const jpKeys = {
  all: ['jp'] as const,
  summary: (year: number | undefined) => [...jpKeys.all, 'summary', year ?? 'current'] as const,
  lines: (params: PageParams & { year?: number }) => [...jpKeys.all, 'lines', params] as const,
  years: (params: PageParams) => [...jpKeys.all, 'years', params] as const,
  next: (params: PageParams) => [...jpKeys.all, 'next', params] as const,
  myRules: (on: string | undefined) => [...jpKeys.all, 'my-rules', on ?? 'today'] as const,
  claims: (params: PageParams & { status?: JpClaimStatus }) => [...jpKeys.all, 'claims', params] as const,
  queue: (params: PageParams & { status?: JpClaimStatus }) => [...jpKeys.all, 'queue', params] as const,
  ruleSets: (params: PageParams & { agencyId?: string }) => [...jpKeys.all, 'rule-sets', params] as const,
};

export function useMySummary(year?: number) {
  return useQuery({
    queryKey: jpKeys.summary(year),
    queryFn: ({ signal }) => getMySummary(year, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyLines(params: PageParams & { year?: number }) {
  return useQuery({
    queryKey: jpKeys.lines(params),
    queryFn: ({ signal }) => listMyLines(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyYears(params: PageParams) {
  return useQuery({ queryKey: jpKeys.years(params), queryFn: ({ signal }) => listMyYears(params, signal) });
}

export function useNextCourses(params: PageParams) {
  return useQuery({ queryKey: jpKeys.next(params), queryFn: ({ signal }) => listNextCourses(params, signal) });
}

/** The rules that apply to me on a day (the claim form's unit, evidence and whether a form counts). */
export function useMyRules(on: string | undefined) {
  return useQuery({
    queryKey: jpKeys.myRules(on),
    queryFn: ({ signal }) => getMyRules(on, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyClaims(params: PageParams & { status?: JpClaimStatus }) {
  return useQuery({
    queryKey: jpKeys.claims(params),
    queryFn: ({ signal }) => listMyClaims(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClaimQueue(params: PageParams & { status?: JpClaimStatus }) {
  return useQuery({
    queryKey: jpKeys.queue(params),
    queryFn: ({ signal }) => listClaimQueue(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRuleSets(params: PageParams & { agencyId?: string }) {
  return useQuery({
    queryKey: jpKeys.ruleSets(params),
    queryFn: ({ signal }) => listRuleSets(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every JP read may change after a write (a claim verified moves totals, lines, queues): refresh them all. */
function useInvalidateJp() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: jpKeys.all });
}

export function useSubmitClaim() {
  const invalidate = useInvalidateJp();
  return useMutation({
    mutationFn: (v: { input: ClaimInput; file: File | null; onProgress?: (fraction: number) => void }) =>
      submitClaim(v.input, v.file, v.onProgress),
    onSuccess: invalidate,
  });
}

export function useDecideClaim() {
  const invalidate = useInvalidateJp();
  return useMutation({
    mutationFn: (v: { id: string; decision: 'verify' | 'reject'; reason?: string }) =>
      decideClaim(v.id, v.decision, v.reason),
    onSuccess: invalidate,
  });
}

export function useReverseLine() {
  const invalidate = useInvalidateJp();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => reverseLine(v.id, v.reason),
    onSuccess: invalidate,
  });
}

export function useCreateRuleSet() {
  const invalidate = useInvalidateJp();
  return useMutation({ mutationFn: (input: RuleSetInput) => createRuleSet(input), onSuccess: invalidate });
}
