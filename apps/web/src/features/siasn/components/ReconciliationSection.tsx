import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SiasnReconciliationItem } from '@kompeten/shared-contracts';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { useRunReconciliation, useSiasnReconciliation } from '../queries';

export function ReconciliationSection({ agencyId }: { agencyId: string }) {
  const { t, i18n } = useTranslation('siasn');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  const [page, setPage] = useState(1);
  const query = useSiasnReconciliation(agencyId, page);
  const run = useRunReconciliation(agencyId);
  const report = query.data;

  const onRun = async () => {
    try {
      await run.mutateAsync();
      notify({ color: 'green', title: t('reconcileRequested'), message: t('reconcileRequestedText') });
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="siasn-reconciliation-heading">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={2} size="h3" id="siasn-reconciliation-heading">
          {t('reconciliation')}
        </Title>
        <Button variant="light" onClick={() => void onRun()} loading={run.isPending || !!report?.open}>
          {t('runReconciliation')}
        </Button>
      </Group>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {report?.open && <Text size="sm">{t('reconcileRunning')}</Text>}
      {report && !report.run && (
        <Text size="sm" c="dimmed">
          {t('noReconciliation')}
        </Text>
      )}
      {report?.run && (
        <>
          <Text size="sm">
            {t('reconcileSummary', {
              when: report.run.finishedAt ? formatDateTime(report.run.finishedAt, timeZone, i18n.language) : '–',
              checked: report.run.checked,
              differences: report.run.differences,
            })}
          </Text>
          {report.run.error && (
            <Alert variant="light" color="red">
              <Text fw={600}>{t('reconcileFailed')}</Text>
              <Text size="sm">{report.run.error}</Text>
            </Alert>
          )}
          {report.run.status === 'done' && (
            <DataTable<SiasnReconciliationItem>
              caption={t('differences')}
              minWidth={720}
              rows={report.items}
              rowKey={(item) => item.id}
              busy={query.isFetching}
              empty={t('noDifferences')}
              columns={[
                { key: 'nip', header: t('nip'), cell: (item) => item.nip, nowrap: true },
                { key: 'number', header: t('certificateNumber'), cell: (item) => item.certificateNumber },
                { key: 'kind', header: t('differenceKind'), cell: (item) => t(`kind.${item.kind}`) },
                {
                  key: 'detail',
                  header: t('detail'),
                  cell: (item) => item.detail,
                  cellStyle: () => ({ overflowWrap: 'anywhere' }),
                },
              ]}
            />
          )}
          {report.total > report.pageSize && (
            <PaginationBar page={report.page} pageSize={report.pageSize} total={report.total} onChange={setPage} />
          )}
        </>
      )}
    </Stack>
  );
}
