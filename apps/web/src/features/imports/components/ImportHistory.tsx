import { useState } from 'react';
import { Button, Stack, Text, Title } from '@mantine/core';
import type { AgencyTimeZone, EmployeeImport } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useEmployeeImports } from '../queries';
import { ImportStatusBadge } from './ImportStatusCard';

interface ImportHistoryProps {
  agencyId: string;
  timeZone: AgencyTimeZone;
  selectedId: string | null;
  onSelect: (importId: string) => void;
}

export function ImportHistory({ agencyId, timeZone, selectedId, onSelect }: ImportHistoryProps) {
  const { t, i18n } = useTranslation('imports');
  const [page, setPage] = useState(1);
  const query = useEmployeeImports(agencyId, page);

  return (
    <Stack gap="sm" component="section" aria-labelledby="import-history-heading">
      <Title order={2} size="h3" id="import-history-heading">
        {t('history')}
      </Title>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable<EmployeeImport>
        caption={t('history')}
        minWidth={720}
        rows={query.data?.items}
        rowKey={(item) => item.id}
        loading={query.isPending}
        busy={query.isFetching}
        empty={t('historyEmpty')}
        rowBg={(item) => (item.id === selectedId ? 'var(--mantine-color-kompeten-0)' : undefined)}
        columns={[
          {
            key: 'fileName',
            header: t('fileName'),
            cell: (item) => item.fileName,
            cellStyle: () => ({ overflowWrap: 'anywhere' }),
          },
          {
            key: 'createdAt',
            header: t('createdAt'),
            cell: (item) => formatDateTime(item.createdAt, timeZone, i18n.language),
            nowrap: true,
          },
          { key: 'status', header: t('currentImport'), cell: (item) => <ImportStatusBadge status={item.status} /> },
          { key: 'created', header: t('counts.created'), cell: (item) => item.createdCount },
          { key: 'updated', header: t('counts.updated'), cell: (item) => item.updatedCount },
          {
            key: 'failed',
            header: t('counts.failed'),
            cell: (item) => (
              <Text size="sm" c={item.failedCount > 0 ? 'red.9' : undefined}>
                {item.failedCount}
              </Text>
            ),
          },
          {
            key: 'show',
            header: t('show'),
            hiddenHeader: true,
            cell: (item) => (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => onSelect(item.id)}
                aria-label={t('showImport', { name: item.fileName })}
              >
                {t('show')}
              </Button>
            ),
          },
        ]}
      />
      {query.data && (
        <PaginationBar
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          onChange={setPage}
        />
      )}
    </Stack>
  );
}
