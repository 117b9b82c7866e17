import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../queries';
import { NotificationItem } from './NotificationItem';

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's bell: the unread count in its accessible name and badge, the latest five in a popover. */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [opened, { toggle, close }] = useDisclosure(false);
  const count = useUnreadCount().data?.unreadCount ?? 0;
  const latest = useNotifications(1, 5, opened);
  const markAll = useMarkAllRead();
  const label = count > 0 ? t('bellUnread', { count }) : t('bell');
  return (
    // The count is in the button's name; the badge is only drawn.
    <Indicator
      label={count > 99 ? '99+' : count}
      size={16}
      color="red.9"
      disabled={count === 0}
      offset={4}
      attributes={{ indicator: { 'aria-hidden': true } }}
    >
      <Popover
        opened={opened}
        onChange={(o) => (o ? undefined : close())}
        position="bottom-end"
        width={340}
        shadow="md"
        trapFocus
      >
        {/* Mantine gives the button aria-expanded and aria-controls, and the dropdown role="dialog" named by the button. */}
        <Popover.Target>
          <ActionIcon variant="default" size="lg" onClick={toggle} aria-label={label}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown maw="calc(100vw - 16px)">
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('title')}</Text>
            {count > 0 && (
              <Button variant="subtle" size="compact-xs" onClick={() => markAll.mutate()} loading={markAll.isPending}>
                {t('markAllRead')}
              </Button>
            )}
          </Group>
          {latest.isPending ? (
            <LoadingBlock />
          ) : latest.data?.items.length ? (
            <Stack gap="sm">
              {latest.data.items.map((item, i) => (
                <div key={item.id}>
                  {i > 0 && <Divider mb="sm" />}
                  <NotificationItem item={item} onOpen={close} />
                </div>
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm">
              {t('empty')}
            </Text>
          )}
          <Divider my="sm" />
          <Anchor component={Link} to="/notifikasi" onClick={close} size="sm">
            {t('seeAll')}
          </Anchor>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
