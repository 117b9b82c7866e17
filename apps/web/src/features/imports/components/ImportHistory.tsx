import { useState } from 'react';
import { Button, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { AgencyTimeZone } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { TableMessageRow } from '../../../shared/components/TableStates';
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
  const items = query.data?.items ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="import-history-heading">
      <Title order={2} size="h3" id="import-history-heading">
        {t('history')}
      </Title>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Paper withBorder radius="md" p={0}>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped aria-busy={query.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('fileName')}</Table.Th>
                <Table.Th scope="col">{t('createdAt')}</Table.Th>
                <Table.Th scope="col">{t('currentImport')}</Table.Th>
                <Table.Th scope="col">{t('counts.created')}</Table.Th>
                <Table.Th scope="col">{t('counts.updated')}</Table.Th>
                <Table.Th scope="col">{t('counts.failed')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('show')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isPending && <TableMessageRow colSpan={7} loading />}
              {query.isSuccess && items.length === 0 && <TableMessageRow colSpan={7} empty={t('historyEmpty')} />}
              {items.map((item) => (
                <Table.Tr key={item.id} bg={item.id === selectedId ? 'var(--mantine-color-kompeten-0)' : undefined}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.fileName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(item.createdAt, timeZone, i18n.language)}</Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={item.status} />
                  </Table.Td>
                  <Table.Td>{item.createdCount}</Table.Td>
                  <Table.Td>{item.updatedCount}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.failedCount > 0 ? 'red.9' : undefined}>
                      {item.failedCount}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" onClick={() => onSelect(item.id)} aria-label={t('showImport', { name: item.fileName })}>
                      {t('show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {query.data && <PaginationBar page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} onChange={setPage} />}
    </Stack>
  );
}
