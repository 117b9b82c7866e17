import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { CertificateSummary } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { useAgencyOptions } from '../../agencies/queries';
import { downloadCertificatePdf } from '../api';
import { useCertificates, useRevokeCertificate } from '../queries';
import { CertificateStatusBadge } from './CertificateStatusBadge';
import { dateRange, download } from './MyCertificatesPage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The certificates the admin's agencies issued: filters, pages, downloads, revoke with a reason, re-issue. */
export function CertificatesAdminPage() {
  const { t, i18n } = useTranslation('certificates');
  const { t: tc } = useTranslation();
  useDocumentTitle(t('adminTitle'));
  const { values, page, update } = useSearchParamState(['agencyId', 'courseId', 'from', 'to', 'status', 'q'] as const);
  const agencies = useAgencyOptions();
  const query = useCertificates({
    agencyId: values.agencyId || undefined,
    courseId: UUID.test(values.courseId) ? values.courseId : undefined,
    from: values.from || undefined,
    to: values.to || undefined,
    status: values.status === 'valid' || values.status === 'revoked' ? values.status : undefined,
    q: values.q || undefined,
    page,
    pageSize: DEFAULT_PAGE_SIZE,
  });
  const [acting, setActing] = useState<{ certificate: CertificateSummary; reissue: boolean } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const mutation = useRevokeCertificate();

  const close = () => {
    setActing(null);
    setReason('');
    setReasonError(false);
    mutation.reset();
  };
  const confirm = () => {
    if (!acting) return;
    if (reason.trim().length < 3) return setReasonError(true);
    mutation.mutate(
      { id: acting.certificate.id, reason: reason.trim(), reissue: acting.reissue },
      {
        onSuccess: (result) => {
          notify({
            color: 'green',
            message: acting.reissue
              ? t('reissued', { number: result.number })
              : t('revoked', { number: result.number }),
          });
          close();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('adminTitle')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('agency')}
          placeholder={agencies.isPending ? tc('loading') : t('allAgencies')}
          data={agencies.data ?? []}
          value={values.agencyId || null}
          onChange={(value) => update({ agencyId: value })}
          searchable
          clearable
          nothingFoundMessage={tc('noResults')}
        />
        <TextInput
          label={t('course')}
          placeholder={t('coursePlaceholder')}
          value={values.courseId}
          onChange={(e) => update({ courseId: e.currentTarget.value.trim() })}
        />
        <Select
          label={t('statusFilter')}
          placeholder={t('allStatuses')}
          data={[
            { value: 'valid', label: t('statusValid') },
            { value: 'revoked', label: t('statusRevoked') },
          ]}
          value={values.status || null}
          onChange={(value) => update({ status: value })}
          clearable
        />
        <TextInput
          type="date"
          label={t('from')}
          value={values.from}
          max={values.to || undefined}
          onChange={(e) => update({ from: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label={t('to')}
          value={values.to}
          min={values.from || undefined}
          onChange={(e) => update({ to: e.currentTarget.value })}
        />
        <SearchInput label={t('search')} value={values.q} onSearch={(q) => update({ q })} />
      </SimpleGrid>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <DataTable<CertificateSummary>
        caption={t('adminTitle')}
        minWidth={900}
        rows={query.data?.items}
        rowKey={(c) => c.id}
        loading={query.isPending}
        busy={query.isFetching}
        empty={t('adminEmpty')}
        columns={[
          { key: 'number', header: t('number'), cell: (c) => c.number, nowrap: true },
          {
            key: 'participant',
            header: t('participant'),
            cell: (c) => (
              <Stack gap={0}>
                <Text size="sm">{c.participantName}</Text>
                <Text size="xs" c="dimmed">
                  {c.nip}
                </Text>
              </Stack>
            ),
          },
          { key: 'training', header: t('training'), cell: (c) => c.trainingName },
          { key: 'dates', header: t('dates'), cell: (c) => dateRange(c, i18n.language), nowrap: true },
          { key: 'jp', header: t('jp'), cell: (c) => formatNumber(c.jp, i18n.language), align: 'right' },
          { key: 'issued', header: t('issuedOn'), cell: (c) => formatDate(c.issuedOn, i18n.language), nowrap: true },
          { key: 'status', header: t('status'), cell: (c) => <CertificateStatusBadge certificate={c} /> },
          {
            key: 'actions',
            header: t('actions'),
            hiddenHeader: true,
            cell: (c) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`${t('downloadPdf')}: ${c.number}`}
                  onClick={() => void download(() => downloadCertificatePdf(c), t('downloadFailed'))}
                >
                  PDF
                </Button>
                {c.status === 'valid' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`${t('revoke')}: ${c.number}`}
                    onClick={() => setActing({ certificate: c, reissue: false })}
                  >
                    {t('revoke')}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`${t('reissue')}: ${c.number}`}
                  onClick={() => setActing({ certificate: c, reissue: true })}
                >
                  {t('reissue')}
                </Button>
              </Group>
            ),
          },
        ]}
      />

      {query.data && (
        <PaginationBar
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}

      <Modal
        opened={acting !== null}
        onClose={close}
        title={acting ? t(acting.reissue ? 'reissueTitle' : 'revokeTitle', { number: acting.certificate.number }) : ''}
        closeButtonProps={{ 'aria-label': tc('close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{acting?.reissue ? t('reissueHint') : t('revokeHint')}</Text>
          <Textarea
            label={t('reason')}
            description={t('reasonHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError ? t('reasonMissing') : undefined}
            required
            autosize
            minRows={2}
            maxLength={500}
          />
          {mutation.isError && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button color={acting?.reissue ? undefined : 'red'} loading={mutation.isPending} onClick={confirm}>
              {acting?.reissue ? t('confirmReissue') : t('confirmRevoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
