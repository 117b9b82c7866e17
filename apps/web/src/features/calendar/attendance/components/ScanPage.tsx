import { useEffect, useRef } from 'react';
import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE_LABEL } from '@kompeten/shared-contracts';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { formatTime } from '../../../../shared/format';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { useScan } from '../queries';

/**
 * /kelas/:classId/hadir?t=… — where a learner's phone camera lands after scanning the trainer's QR code (signed in:
 * the login page brings them back here). The token is sent once; the answer says what was recorded, or why not.
 */
export function ScanPage() {
  const { classId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const { t, i18n } = useTranslation('attendance');
  useDocumentTitle(t('scan.title'));
  const scan = useScan(classId);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    scan.mutate(token);
  }, [scan, token]);

  const r = scan.data;
  const at = (iso: string) => (r ? `${formatTime(iso, r.timeZone, i18n.language)} ${TIME_ZONE_LABEL[r.timeZone]}` : '');
  return (
    <Stack gap="md" maw={560}>
      <Title order={1} size="h2">
        {t('scan.title')}
      </Title>
      {!token && (
        <Alert color="red" variant="light" role="alert">
          {t('scan.noToken')}
        </Alert>
      )}
      {scan.isPending && (
        <Stack align="center" gap="xs">
          <Loader aria-label={t('scan.sending')} />
          <Text size="sm">{t('scan.sending')}</Text>
        </Stack>
      )}
      {scan.isError && <ErrorAlert error={scan.error} title={t('scan.failed')} />}
      {r && (
        <Alert color="kompeten" variant="light" role="status" title={`${r.offeringTitle} — ${r.className}`}>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {r.already ? t(`scan.already.${r.kind}`) : t(`scan.done.${r.kind}`)}
            </Text>
            {r.attendance.arrivedAt && (
              <Text size="sm">
                {t('scan.arrived', { time: at(r.attendance.arrivedAt) })}
                {r.attendance.late ? ` · ${t('list.late')}` : ''}
              </Text>
            )}
            {r.attendance.leftAt && (
              <Text size="sm">
                {t('scan.left', { time: at(r.attendance.leftAt) })}
                {r.attendance.leftEarly ? ` · ${t('list.leftEarly')}` : ''}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      <Anchor component={Link} to={`/kelas/${classId}`}>
        {t('scan.toClass')}
      </Anchor>
    </Stack>
  );
}
