import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { AgencyTimeZone, ImportStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { employeeKeys } from '../../employees/queries';
import { downloadFailedRows, downloadImportReport } from '../api';
import { importKeys, isFinished, useEmployeeImport } from '../queries';
import { notify } from '../../../shared/notify';

export const STATUS_COLOR: Record<ImportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  completed: 'kompeten',
  failed: 'red',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('imports');
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  const { i18n } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {formatNumber(value, i18n.language)}
      </Text>
    </Paper>
  );
}

/** Live status of one import: progress of processed rows, counts and the per-row errors. */
export function ImportStatusCard({ importId, timeZone }: { importId: string; timeZone: AgencyTimeZone }) {
  const { t, i18n } = useTranslation('imports');
  const queryClient = useQueryClient();
  const query = useEmployeeImport(importId);
  const item = query.data;
  const sawUnfinished = useRef(false);

  useEffect(() => {
    if (!item) return;
    if (!isFinished(item)) {
      sawUnfinished.current = true;
      return;
    }
    if (!sawUnfinished.current) return;
    sawUnfinished.current = false;
    void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: employeeKeys.all });
    notify({
      color: item.status === 'completed' ? 'kompeten' : 'red',
      message:
        item.status === 'completed'
          ? t('done', { created: item.createdCount, updated: item.updatedCount, failed: item.failedCount })
          : (item.message ?? t('failed')),
    });
  }, [item, queryClient, t]);

  const [downloading, setDownloading] = useState<string | null>(null);
  const onDownload = async (format: 'csv' | 'xlsx', filter: 'problems' | 'all') => {
    setDownloading(`${format}-${filter}`);
    try {
      await downloadImportReport(importId, format, filter);
    } catch {
      notify({ color: 'red', message: t('report.downloadFailed') });
    } finally {
      setDownloading(null);
    }
  };

  const onDownloadFailed = async () => {
    setDownloading('failed-rows');
    try {
      await downloadFailedRows(importId);
    } catch {
      notify({ color: 'red', message: t('report.downloadFailed') });
    } finally {
      setDownloading(null);
    }
  };

  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!item) return null;

  const percent =
    item.totalRows > 0
      ? Math.round((item.processedRows / item.totalRows) * 100)
      : item.status === 'completed'
        ? 100
        : 0;
  const waiting = item.status === 'queued' || (item.status === 'running' && item.totalRows === 0);

  return (
    <Card component="section" aria-labelledby="import-status-heading">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <div>
            <Title order={2} size="h3" id="import-status-heading">
              {t('currentImport')}
            </Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {item.fileName} · {formatDateTime(item.createdAt, timeZone, i18n.language)}
            </Text>
          </div>
          <ImportStatusBadge status={item.status} />
        </Group>

        <div aria-live="polite">
          <Progress
            value={waiting ? 100 : percent}
            striped={!isFinished(item)}
            animated={!isFinished(item)}
            color={item.status === 'failed' ? 'red' : undefined}
            size="lg"
            aria-label={t('processProgress')}
          />
          <Text size="sm" mt={6}>
            {waiting
              ? t('waitingForWorker')
              : t('rowsProcessed', {
                  processed: formatNumber(item.processedRows, i18n.language),
                  total: formatNumber(item.totalRows, i18n.language),
                })}
          </Text>
        </div>

        {item.status === 'failed' && item.headerCheck && item.headerCheck.missing.length > 0 ? (
          <Alert color="red" variant="light" role="alert" title={t('headerProblem.title')}>
            <Stack gap={4}>
              <Text size="sm">{t('headerProblem.intro')}</Text>
              <Text size="sm" fw={600}>
                {t('headerProblem.missing', { columns: item.headerCheck.missing.join(', ') })}
              </Text>
              {item.headerCheck.unknown.length > 0 && (
                <Text size="sm">{t('headerProblem.unknown', { columns: item.headerCheck.unknown.join(', ') })}</Text>
              )}
              <Text size="sm">{t('headerProblem.fix')}</Text>
            </Stack>
          </Alert>
        ) : (
          item.status === 'failed' &&
          item.message && (
            <Alert color="red" variant="light" role="alert">
              {item.message}
            </Alert>
          )
        )}
        {item.status === 'completed' && item.headerCheck && item.headerCheck.unknown.length > 0 && (
          <Alert color="orange" variant="light" title={t('headerProblem.ignoredTitle')}>
            {t('headerProblem.ignored', { columns: item.headerCheck.unknown.join(', ') })}
          </Alert>
        )}

        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          <Count label={t('counts.created')} value={item.createdCount} />
          <Count label={t('counts.updated')} value={item.updatedCount} />
          <Count label={t('counts.unchanged')} value={item.unchangedCount} />
          <Count
            label={t('counts.failed')}
            value={item.failedCount}
            color={item.failedCount > 0 ? 'red.9' : undefined}
          />
          <Count
            label={t('report.warnings')}
            value={item.warningCount}
            color={item.warningCount > 0 ? 'orange.9' : undefined}
          />
        </SimpleGrid>

        {item.reasonCounts.length > 0 && (
          <Stack gap="xs">
            <Title order={3} size="h4" id="import-reasons-heading">
              {t('report.byReason')}
            </Title>
            <Table striped aria-labelledby="import-reasons-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('reason')}</Table.Th>
                  <Table.Th scope="col" w={120}>
                    {t('report.kindError')} / {t('report.kindWarning')}
                  </Table.Th>
                  <Table.Th scope="col" w={100} ta="right">
                    {t('report.count')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {item.reasonCounts.map((r) => (
                  <Table.Tr key={`${r.kind}-${r.code}`}>
                    <Table.Td>{r.label}</Table.Td>
                    <Table.Td>
                      <Badge color={r.kind === 'error' ? 'red' : 'orange'} variant="light">
                        {r.kind === 'error' ? t('report.kindError') : t('report.kindWarning')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(r.count, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}

        {isFinished(item) && item.failedCount > 0 && (
          <Text size="sm" c="dimmed">
            {t('failedRowsHint')}
          </Text>
        )}
        {isFinished(item) && (
          <Group gap="xs" wrap="wrap">
            <Button
              variant="default"
              onClick={() => void onDownload('csv', 'problems')}
              loading={downloading === 'csv-problems'}
              disabled={!!downloading}
            >
              {t('report.downloadCsv')}
            </Button>
            <Button
              variant="default"
              onClick={() => void onDownload('xlsx', 'problems')}
              loading={downloading === 'xlsx-problems'}
              disabled={!!downloading}
            >
              {t('report.downloadXlsx')}
            </Button>
            {item.failedCount > 0 && (
              <Button
                onClick={() => void onDownloadFailed()}
                loading={downloading === 'failed-rows'}
                disabled={!!downloading}
              >
                {t('downloadFailedRows')}
              </Button>
            )}
            <Button
              variant="subtle"
              onClick={() => void onDownload('xlsx', 'all')}
              loading={downloading === 'xlsx-all'}
              disabled={!!downloading}
            >
              {t('report.downloadAllXlsx')}
            </Button>
          </Group>
        )}

        <Stack gap="xs">
          <Title order={3} size="h4" id="import-errors-heading">
            {t('errorsTitle')}
          </Title>
          {item.errors.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noErrors')}
            </Text>
          ) : (
            <Paper withBorder radius="md" p={0}>
              <Table.ScrollContainer
                minWidth={520}
                maxHeight={420}
                type="native"
                tabIndex={0}
                role="region"
                aria-labelledby="import-errors-heading"
              >
                <Table striped stickyHeader>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={80}>
                        {t('row')}
                      </Table.Th>
                      <Table.Th scope="col" w={200}>
                        {t('nip')}
                      </Table.Th>
                      <Table.Th scope="col">{t('reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {item.errors.map((error, index) => (
                      <Table.Tr key={`${error.row}-${index}`}>
                        <Table.Td>{error.row}</Table.Td>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {error.nip ?? '—'}
                          </Text>
                        </Table.Td>
                        <Table.Td>{error.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
          {item.errorsTruncated && (
            <Text size="sm" c="dimmed">
              {t('errorsTruncated')}
            </Text>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
