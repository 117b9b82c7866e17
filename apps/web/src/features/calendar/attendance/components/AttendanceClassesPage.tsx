import { useState } from 'react';
import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE_LABEL, type AttendanceClassSummary } from '@kompeten/shared-contracts';
import { DataTable } from '../../../../shared/components/DataTable';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../../shared/components/PageHeader';
import { PaginationBar } from '../../../../shared/components/PaginationBar';
import { formatDate } from '../../../../shared/format';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { useRunClasses } from '../queries';

/** /kelas/presensi — the classes whose attendance I run: as their trainer (speaker) or an admin of their agency. */
export function AttendanceClassesPage() {
  const { t, i18n } = useTranslation('attendance');
  useDocumentTitle(t('runs.title'));
  const [page, setPage] = useState(1);
  const runs = useRunClasses(page);
  const dates = (c: AttendanceClassSummary) =>
    c.startDate === c.endDate
      ? formatDate(c.startDate, i18n.language)
      : `${formatDate(c.startDate, i18n.language)} – ${formatDate(c.endDate, i18n.language)}`;
  return (
    <Stack gap="md">
      <PageHeader title={t('runs.title')} intro={t('runs.intro')} introMaw={760} />
      {runs.isError && <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />}
      <DataTable<AttendanceClassSummary>
        caption={t('runs.title')}
        rows={runs.data?.items}
        loading={runs.isPending}
        busy={runs.isFetching}
        rowKey={(c) => c.id}
        empty={t('runs.empty')}
        minWidth={320}
        columns={[
          {
            key: 'class',
            header: t('runs.class'),
            cell: (c) => (
              <Stack gap={0}>
                <Anchor component={Link} to={`/kelas/${c.id}/presensi`} fw={600} size="sm">
                  {c.offeringTitle} — {c.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {dates(c)} · {TIME_ZONE_LABEL[c.timeZone]}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'state',
            header: t('runs.state'),
            cell: (c) => (
              <Badge variant="light" color={c.finalisedAt ? 'kompeten' : c.ended ? 'blue' : 'gray'} c="dark.7">
                {t(c.finalisedAt ? 'runs.finalised' : c.ended ? 'runs.ended' : 'runs.running')}
              </Badge>
            ),
          },
          { key: 'role', header: t('runs.role'), cell: (c) => t(`role.${c.role}`) },
        ]}
      />
      {runs.data && (
        <PaginationBar page={page} pageSize={runs.data.pageSize} total={runs.data.total} onChange={setPage} />
      )}
    </Stack>
  );
}
