import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CertificateSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { errorMessage } from '../../../shared/api';
import { downloadCertificateCredential, downloadCertificatePdf } from '../api';
import { useMyCertificates } from '../queries';
import { CertificateStatusBadge } from './CertificateStatusBadge';

export function dateRange(c: Pick<CertificateSummary, 'startDate' | 'endDate'>, lng: string): string {
  return c.startDate === c.endDate
    ? formatDate(c.endDate, lng)
    : `${formatDate(c.startDate, lng)} – ${formatDate(c.endDate, lng)}`;
}

export async function download(run: () => Promise<void>, failed: string) {
  try {
    await run();
  } catch (error) {
    notify({ color: 'red', title: failed, message: errorMessage(error) });
  }
}

/** Sertifikat saya: each certificate with its PDF, its Verifiable Credential and the public verification page. */
export function MyCertificatesPage() {
  const { t, i18n } = useTranslation('certificates');
  useDocumentTitle(t('myTitle'));
  const { page, update } = useSearchParamState([] as const);
  const query = useMyCertificates(page);

  return (
    <Stack gap="md">
      <Title order={1}>{t('myTitle')}</Title>
      <Text>{t('myIntro')}</Text>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Text c="dimmed">{t('previewUpdating')}</Text>}
      {query.data && query.data.items.length === 0 && <Text c="dimmed">{t('myEmpty')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {query.data?.items.map((c) => (
          <Card key={c.id} withBorder component="li" data-testid="my-certificate" aria-labelledby={`cert-${c.id}`}>
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Title order={2} size="h4" id={`cert-${c.id}`}>
                  {c.trainingName}
                </Title>
                <CertificateStatusBadge certificate={c} />
              </Group>
              <Text size="sm">
                {t('number')}: <strong>{c.number}</strong>
              </Text>
              <Text size="sm">
                {dateRange(c, i18n.language)} · {formatNumber(c.jp, i18n.language)} {t('jp')} · {c.issuerAgency}
              </Text>
              {c.validUntil && (
                <Text size="sm">{t('validUntil', { date: formatDate(c.validUntil, i18n.language) })}</Text>
              )}
              {c.revokedReason && (
                <Text size="sm" c="red.8">
                  {t('revokedBecause', { reason: c.revokedReason })}
                </Text>
              )}
              <Group gap="xs" wrap="wrap">
                <Button size="xs" onClick={() => void download(() => downloadCertificatePdf(c), t('downloadFailed'))}>
                  {t('downloadPdf')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => void download(() => downloadCertificateCredential(c), t('downloadFailed'))}
                >
                  {t('downloadVc')}
                </Button>
                <Anchor href={`/verifikasi/${c.id}`} size="sm" target="_blank" rel="noopener">
                  {t('verify')}
                </Anchor>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {query.data && query.data.total > query.data.pageSize && (
        <PaginationBar
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}
    </Stack>
  );
}
