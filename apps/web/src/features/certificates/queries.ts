import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getTemplate,
  listCertificates,
  listMyCertificates,
  reissueCertificate,
  revokeCertificate,
  saveTemplate,
  verifyCertificate,
  type CertificateFilters,
} from './api';
import type { CertificateTemplateFields } from '@kompeten/shared-contracts';

export const certificateKeys = {
  all: ['certificates'] as const,
  mine: (page: number) => [...certificateKeys.all, 'mine', page] as const,
  list: (params: CertificateFilters & { page: number; pageSize: number }) =>
    [...certificateKeys.all, 'list', params] as const,
  template: (agencyId: string) => [...certificateKeys.all, 'template', agencyId] as const,
  verification: (id: string) => ['certificate-verification', id] as const,
};

export function useMyCertificates(page: number) {
  return useQuery({
    queryKey: certificateKeys.mine(page),
    queryFn: ({ signal }) => listMyCertificates(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCertificates(params: CertificateFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: certificateKeys.list(params),
    queryFn: ({ signal }) => listCertificates(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRevokeCertificate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason, reissue }: { id: string; reason: string; reissue: boolean }) =>
      reissue ? reissueCertificate(id, reason) : revokeCertificate(id, reason),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}

export function useCertificateTemplate(agencyId: string | null) {
  return useQuery({
    queryKey: certificateKeys.template(agencyId ?? ''),
    queryFn: ({ signal }) => getTemplate(agencyId as string, signal),
    enabled: !!agencyId,
  });
}

export function useSaveTemplate(agencyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fields: CertificateTemplateFields) => saveTemplate(agencyId, fields),
    onSuccess: (saved) => client.setQueryData(certificateKeys.template(agencyId), saved),
  });
}

export function useVerification(id: string) {
  return useQuery({
    queryKey: certificateKeys.verification(id),
    queryFn: ({ signal }) => verifyCertificate(id, signal),
    retry: false,
  });
}
