import { useState } from 'react';
import { Group, Pagination, Stack, Table, Text } from '@mantine/core';
import type { AccountEvent } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { TableScrollRegion } from '../../../shared/components/TableScrollRegion';
import { formatDateTime } from '../../../shared/format';
import { useAccountEvents } from '../queries';

/** What happened to the caller's account, and who did it (issue 12). */
export function AccountEventsList() {
  const { t, i18n } = useTranslation('accountSetup');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const [page, setPage] = useState(1);
  const query = useAccountEvents(page);
  const who = (e: AccountEvent) => {
    if (!e.actor) return t('actorSystem');
    if (e.actor.self) return t('actorSelf');
    const role = e.actor.role ? tc(`role.${e.actor.role}`) : '';
    return [e.actor.name, [role, e.actor.agencyName].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
  };
  if (query.isPending) return <LoadingBlock />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data.items.length) return <Text c="dimmed">{t('eventsEmpty')}</Text>;
  const pages = Math.ceil(query.data.total / query.data.pageSize);
  return (
    <Stack gap="sm">
      <TableScrollRegion minWidth={480} name={t('eventsTitle')}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('eventWhen')}</Table.Th>
              <Table.Th>{t('eventWhat')}</Table.Th>
              <Table.Th>{t('eventWho')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language)}</Table.Td>
                <Table.Td>
                  {t(`event.${e.kind}`)}
                  {e.details.email ? ` (${e.details.email})` : ''}
                </Table.Td>
                <Table.Td>{who(e)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollRegion>
      {pages > 1 && (
        <Group justify="flex-end">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Stack>
  );
}
