import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { AppNotification } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { formatDateTime } from '../../../shared/format';
import { useMarkRead } from '../queries';

/** One notification: title (a link when it has one, which also marks it read), body, time, and "mark read". */
export function NotificationItem({ item, onOpen }: { item: AppNotification; onOpen?: () => void }) {
  const { t, i18n } = useTranslation('notifications');
  const { me } = useAuth();
  const mark = useMarkRead();
  const unread = item.readAt === null;
  const open = () => {
    if (unread) mark.mutate(item.id);
    onOpen?.();
  };
  return (
    <Stack gap={2} data-testid="notification-item" data-unread={unread || undefined}>
      <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
        <Text fw={unread ? 700 : 500} size="sm">
          {item.link ? (
            <Anchor component={Link} to={item.link} onClick={open} inherit>
              {item.title}
            </Anchor>
          ) : (
            item.title
          )}
        </Text>
        {unread && (
          <Badge size="xs" color="red" variant="light">
            {t('new')}
          </Badge>
        )}
      </Group>
      <Text size="sm">{item.body}</Text>
      <Group gap="xs" justify="space-between">
        <Text size="xs" c="dimmed">
          {formatDateTime(item.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language)}
        </Text>
        {unread && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => mark.mutate(item.id)}
            loading={mark.isPending}
            aria-label={t('markReadNamed', { title: item.title })}
          >
            {t('markRead')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
