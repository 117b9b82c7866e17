import { useState } from 'react';
import { Button, Code, Modal, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AuditEntry } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useAgencyOptions } from '../../agencies/queries';
import { useAuditLogs } from '../queries';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <Text size="sm">{t('none')}</Text>;
  return (
    <Code block style={{ maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

export function AuditLogPage() {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  useDocumentTitle(t('title'));
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  const { values, page, update } = useSearchParamState(['agencyId'] as const);
  const agencies = useAgencyOptions();
  const query = useAuditLogs({ agencyId: values.agencyId || undefined, page, pageSize: DEFAULT_PAGE_SIZE });
  const [selected, setSelected] = useState<AuditEntry | null>(null);

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Select
        label={t('agencyFilter')}
        placeholder={agencies.isPending ? tc('loading') : t('allAgencies')}
        data={agencies.data ?? []}
        value={values.agencyId || null}
        onChange={(value) => update({ agencyId: value })}
        searchable
        clearable
        nothingFoundMessage={tc('noResults')}
        maw={380}
      />

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <DataTable<AuditEntry>
        caption={t('title')}
        minWidth={760}
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
          { key: 'actor', header: t('actor'), cell: (entry) => entry.actorName ?? t('system') },
          { key: 'action', header: t('action'), cell: (entry) => <Code>{entry.action}</Code> },
          {
            key: 'entity',
            header: t('entity'),
            cell: (entry) => (
              <>
                <Text size="sm">{entry.entityType}</Text>
                {entry.entityId && (
                  <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {entry.entityId}
                  </Text>
                )}
              </>
            ),
          },
          {
            key: 'details',
            header: t('details'),
            hiddenHeader: true,
            cell: (entry) => (
              <Button size="xs" variant="subtle" onClick={() => setSelected(entry)}>
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
        title={selected?.action ?? ''}
        size="xl"
        closeButtonProps={{ 'aria-label': tc('close') }}
      >
        {selected && (
          <Stack gap="sm">
            <Text size="sm">
              {formatDateTime(selected.createdAt, timeZone, i18n.language)} · {selected.actorName ?? t('system')}
            </Text>
            {selected.correlationId && (
              <Text size="xs" c="dimmed">
                {t('correlationId')}: <code>{selected.correlationId}</code>
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <div>
                <Text fw={600} size="sm" mb={4}>
                  {t('before')}
                </Text>
                <Json value={selected.before} />
              </div>
              <div>
                <Text fw={600} size="sm" mb={4}>
                  {t('after')}
                </Text>
                <Json value={selected.after} />
              </div>
            </SimpleGrid>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
