import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { actionLabel, AUDIT_ACTIONS, type AuditEntry } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { errorMessage } from '../../../shared/api';
import { useAgencyOptions } from '../../agencies/queries';
import { downloadAuditLog, type AuditFilters } from '../api';
import { useAuditLogs } from '../queries';

/** Before and after of the fields a write changed, as a table a person reads. */
function ChangesTable({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  if (entry.changes.length === 0) return <Text size="sm">{t('noChanges')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420} type="native" tabIndex={0} role="region" aria-label={t('changesCaption')}>
      <Table striped withTableBorder>
        <Table.Caption>{t('changesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('field')}</Table.Th>
            <Table.Th scope="col">{t('before')}</Table.Th>
            <Table.Th scope="col">{t('after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entry.changes.map((c) => (
            <Table.Tr key={c.field}>
              <Table.Th scope="row" fw={500}>
                {c.field}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {c.before === null ? (
                  <Text span c="dimmed">
                    {t('blank')}
                  </Text>
                ) : (
                  <del>{c.before}</del>
                )}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {c.after === null ? (
                  <Text span c="dimmed">
                    {t('blank')}
                  </Text>
                ) : (
                  <ins>{c.after}</ins>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  useDocumentTitle(t('title'));
  const lang = i18n.language === 'en' ? 'en' : 'id';
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  const { values, page, update } = useSearchParamState(['agencyId', 'action', 'actor', 'from', 'to'] as const);
  const agencies = useAgencyOptions();
  const filters: AuditFilters = {
    agencyId: values.agencyId || undefined,
    action: values.action || undefined,
    actor: values.actor.length >= 2 ? values.actor : undefined,
    from: values.from || undefined,
    to: values.to || undefined,
  };
  const query = useAuditLogs({ ...filters, page, pageSize: DEFAULT_PAGE_SIZE });
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const [exporting, setExporting] = useState(false);
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a, lang) })).sort((a, b) =>
    a.label.localeCompare(b.label, lang),
  );

  const exportCsv = async () => {
    setExporting(true);
    try {
      await downloadAuditLog(filters);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1}>{t('title')}</Title>
        <Button variant="default" onClick={() => void exportCsv()} loading={exporting}>
          {t('export')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} role="search" aria-label={t('filters')}>
        <Select
          label={t('agencyFilter')}
          placeholder={agencies.isPending ? tc('loading') : t('allAgencies')}
          data={agencies.data ?? []}
          value={values.agencyId || null}
          onChange={(value) => update({ agencyId: value })}
          searchable
          clearable
          nothingFoundMessage={tc('noResults')}
        />
        <Select
          label={t('actionFilter')}
          placeholder={t('allActions')}
          data={actions}
          value={values.action || null}
          onChange={(value) => update({ action: value })}
          searchable
          clearable
          nothingFoundMessage={tc('noResults')}
        />
        <SearchInput
          label={t('actorFilter')}
          placeholder={t('actorPlaceholder')}
          value={values.actor}
          onSearch={(actor) => update({ actor })}
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
      </SimpleGrid>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <DataTable<AuditEntry>
        caption={t('title')}
        minWidth={640}
        rows={query.data?.items}
        rowKey={(entry) => entry.id}
        loading={query.isPending}
        busy={query.isFetching}
        empty={t('empty')}
        columns={[
          {
            key: 'time',
            header: t('time'),
            cell: (entry) => formatDateTime(entry.createdAt, timeZone, i18n.language),
            nowrap: true,
          },
          { key: 'summary', header: t('what'), cell: (entry) => <Text size="sm">{entry.summary}</Text> },
          {
            key: 'details',
            header: t('details'),
            hiddenHeader: true,
            cell: (entry) => (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setSelected(entry)}
                aria-label={`${t('showDetails')}: ${entry.summary}`}
              >
                {t('showDetails')}
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
          onChange={(p) => update({ page: p })}
        />
      )}

      <Modal
        opened={selected !== null}
        onClose={() => setSelected(null)}
        title={selected?.summary ?? ''}
        size="xl"
        closeButtonProps={{ 'aria-label': tc('close') }}
      >
        {selected && (
          <Stack gap="sm">
            <Text size="sm">
              {formatDateTime(selected.createdAt, timeZone, i18n.language)} · {selected.actorName ?? t('system')} ·{' '}
              {actionLabel(selected.action, lang)}
            </Text>
            {selected.correlationId && (
              <Text size="xs" c="dimmed">
                {t('correlationId')}: <code>{selected.correlationId}</code>
              </Text>
            )}
            <ChangesTable entry={selected} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
