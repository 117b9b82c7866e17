import { Alert, Badge, Button, Group, List, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { JENIS_DIKLAT, type IpAsnInputResult } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { useIpAsnEstimate } from '../queries';
import { OfficialIpAsn } from '../../siasn/components/OfficialIpAsn';

const FORM_NAME = new Map(JENIS_DIKLAT.map((j) => [j.id, j.name]));

/** One ASN's IP ASN competency estimate: every input with its JP, window, lines and points; the official score beside. */
export function IpAsnEstimateModal({
  employeeId,
  name,
  year,
  onClose,
}: {
  employeeId: string | null;
  name: string;
  year: number | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('jpReports');
  const estimate = useIpAsnEstimate(employeeId, year);
  const e = estimate.data;
  const nf = { format: (v: number) => formatNumber(v, i18n.language) };
  const years = (i: IpAsnInputResult) =>
    i.years[0] === null
      ? t('ipAsn.detail.allYearsTo', { to: i.years[1] })
      : i.years[0] === i.years[1]
        ? String(i.years[1])
        : t('ipAsn.detail.yearRange', { from: i.years[0], to: i.years[1] });
  return (
    <Modal
      opened={!!employeeId}
      onClose={onClose}
      title={`${t('ipAsn.detail.title')} — ${name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': t('ipAsn.detail.close') }}
    >
      {estimate.isPending && <Loader size="sm" />}
      {estimate.isError && <ErrorAlert error={estimate.error} onRetry={() => void estimate.refetch()} />}
      {e && (
        <Stack gap="md">
          {e.points === null ? (
            <Alert color="yellow">{t('ipAsn.detail.noJobKind')}</Alert>
          ) : (
            <Text fw={600}>
              {t('ipAsn.detail.points', {
                points: nf.format(e.points),
                max: e.maxPoints,
                percent: nf.format(e.percent ?? 0),
              })}
            </Text>
          )}
          {e.inputs.map((i) => (
            <Paper key={i.key} withBorder p="sm" radius="md">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={500}>{i.label}</Text>
                <Badge color={i.met ? 'teal' : 'gray'} variant="light">
                  {i.met ? t('ipAsn.detail.metYes') : t('ipAsn.detail.metNo')} · {t('ipAsn.detail.earned')}{' '}
                  {nf.format(i.pointsEarned)}/{nf.format(i.pointsPossible)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('ipAsn.detail.years')}: {years(i)} · {t('ipAsn.detail.jp')}: {nf.format(i.jp)} (
                {i.minJp === null ? t('ipAsn.detail.anyLine') : t('ipAsn.detail.minJp', { min: i.minJp })})
              </Text>
              {i.evidence.length ? (
                <List size="sm" mt={4} spacing={2}>
                  {i.evidence.map((l, n) => (
                    <List.Item key={`${l.occurredOn}-${n}`}>
                      {formatDate(l.occurredOn, i18n.language)} — {l.title} (
                      {FORM_NAME.get(l.jenisDiklatId) ?? l.jenisDiklatId}, {nf.format(l.jp)} JP)
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" mt={4}>
                  {t('ipAsn.detail.noEvidence')}
                </Text>
              )}
            </Paper>
          ))}
          {e.official ? (
            <Alert color="blue">
              {t('ipAsn.detail.official', {
                source: e.official.source.toUpperCase(),
                date: formatDateTime(e.official.retrievedAt, 'Asia/Jakarta', i18n.language),
                total: nf.format(e.official.totalScore),
                category: e.official.category,
              })}
              {e.official.competencyScore !== null && (
                <Text size="sm">
                  {t('ipAsn.detail.officialCompetency', { score: nf.format(e.official.competencyScore) })}
                </Text>
              )}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('ipAsn.detail.noOfficial')}
            </Text>
          )}
          {employeeId && <OfficialIpAsn employeeId={employeeId} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ipAsn.detail.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
