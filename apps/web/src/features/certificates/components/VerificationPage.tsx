import { useState } from 'react';
import { Alert, Button, FileInput, Stack, Table, Text, Title } from '@mantine/core';
import type { CertificateVerification } from '@kompeten/shared-contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, errorMessage } from '../../../shared/api';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { PublicShell } from '../../auth/components/PublicShell';
import { checkCertificatePdf } from '../api';
import { useVerification } from '../queries';

const TONE: Record<CertificateVerification['status'], { color: string; title: string; text: string }> = {
  valid: { color: 'green', title: 'verifyValid', text: 'verifyValidText' },
  revoked: { color: 'red', title: 'verifyRevoked', text: 'verifyRevokedText' },
  expired: { color: 'orange', title: 'verifyExpired', text: 'verifyExpiredText' },
  tampered: { color: 'red', title: 'verifyTampered', text: 'verifyTamperedText' },
  not_found: { color: 'gray', title: 'verifyNotFound', text: 'verifyNotFound' },
};

/** What the QR code opens, without a login: the status in words and colour, and only the masked details. */
export function VerificationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('certificates');
  useDocumentTitle(t('verifyTitle'));
  const query = useVerification(id);
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({ mutationFn: (f: File) => checkCertificatePdf(id, f) });
  const v = query.data;
  const tone = v ? TONE[v.status] : null;
  const c = v?.certificate;

  return (
    <PublicShell width={640}>
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('verifyTitle')}
        </Title>
        <Text size="sm">{t('verifyIntro')}</Text>
        {query.isPending && <Text c="dimmed">…</Text>}
        {query.isError && (
          <Alert
            color={query.error instanceof ApiError && query.error.status === 404 ? 'gray' : 'red'}
            role="alert"
            title={t('verifyNotFound')}
          >
            {errorMessage(query.error)}
          </Alert>
        )}
        {v && tone && (
          <Alert
            color={tone.color}
            variant="filled"
            role="status"
            title={t(tone.title as 'verifyValid')}
            data-testid="verification-status"
            data-status={v.status}
          >
            {t(tone.text as 'verifyValidText')}
            {c?.revokedReason ? ` ${t('revokedBecause', { reason: c.revokedReason })}` : ''}
          </Alert>
        )}
        {c && (
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {[
                [t('number'), c.number],
                [t('name'), c.name],
                [t('nip'), c.nip],
                [t('training'), c.training],
                [
                  t('dates'),
                  c.startDate === c.endDate
                    ? formatDate(c.endDate, i18n.language)
                    : `${formatDate(c.startDate, i18n.language)} – ${formatDate(c.endDate, i18n.language)}`,
                ],
                [t('jp'), formatNumber(c.jp, i18n.language)],
                [t('issuer'), c.issuer],
                [t('issuedOn'), formatDate(c.issuedOn, i18n.language)],
                ...(c.validUntil
                  ? [[t('status'), t('validUntil', { date: formatDate(c.validUntil, i18n.language) })]]
                  : []),
              ].map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={130} scope="row">
                    {label}
                  </Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {v && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (file) check.mutate(file);
            }}
          >
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('checkTitle')}
              </Title>
              <Text size="sm">{t('checkIntro')}</Text>
              <FileInput
                label={t('checkFile')}
                accept="application/pdf"
                value={file}
                onChange={setFile}
                clearable
                clearButtonProps={{ 'aria-label': t('clearFile') }}
              />
              <Button type="submit" disabled={!file} loading={check.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('checkSubmit')}
              </Button>
              {check.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(check.error)}
                </Alert>
              )}
              {check.data && (
                <Alert
                  color={check.data.status === 'tampered' ? 'red' : 'green'}
                  role="status"
                  data-testid="pdf-check"
                  data-status={check.data.status}
                >
                  {check.data.status === 'tampered' ? t('checkTampered') : t('checkGenuine')}
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </PublicShell>
  );
}
