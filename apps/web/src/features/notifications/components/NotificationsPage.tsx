import { useState } from 'react';
import { Button, Card, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useMarkAllRead, useNotifications } from '../queries';
import { NotificationItem } from './NotificationItem';

/** All my notifications, newest first, paginated; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  useDocumentTitle(t('title'));
  const [page, setPage] = useState(1);
  const query = useNotifications(page);
  const markAll = useMarkAllRead();
  const unread = query.data?.unreadCount ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('title')}</Title>
        <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={unread === 0}>
          {t('markAllRead')}
        </Button>
      </Group>
      <Text c="dimmed" aria-live="polite">
        {t('unreadSummary', { count: unread })}
      </Text>
      {query.isPending ? (
        <LoadingBlock />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {query.data.items.map((item) => (
            <Card component="li" key={item.id} withBorder padding="sm">
              <NotificationItem item={item} />
            </Card>
          ))}
        </Stack>
      )}
      {query.data && query.data.total > query.data.pageSize && (
        <Group justify="flex-end">
          <Pagination
            total={Math.ceil(query.data.total / query.data.pageSize)}
            value={page}
            onChange={setPage}
            size="sm"
          />
        </Group>
      )}
    </Stack>
  );
}
