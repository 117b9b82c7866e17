import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { useLazyDisclosure } from '../../../shared/hooks/useLazyDisclosure';
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

/**
 * The header's bell: the unread count in its accessible name and badge, the latest five in a popover. The popover (and
 * its positioning, which watches the page's layout) is set up the first time the bell is pressed, not on every page
 * load (decision 0027 §10); focus then goes into it and back to the bell when it closes.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const popover = useLazyDisclosure();
  const count = useUnreadCount().data?.unreadCount ?? 0;
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
      {popover.mounted ? (
        <BellPopover
          label={label}
          count={count}
          opened={popover.opened}
          onToggle={popover.toggle}
          onClose={popover.close}
        />
      ) : (
        <ActionIcon
          variant="default"
          size="lg"
          onClick={popover.open}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={false}
        >
          <BellIcon />
        </ActionIcon>
      )}
    </Indicator>
  );
}

function BellPopover({
  label,
  count,
  opened,
  onToggle,
  onClose: close,
}: {
  label: string;
  count: number;
  opened: boolean;
  onToggle: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('notifications');
  const latest = useNotifications(1, 5, opened);
  const markAll = useMarkAllRead();
  return (
    <Popover
      opened={opened}
      onChange={(o) => (o ? undefined : close())}
      position="bottom-end"
      width={340}
      shadow="md"
      trapFocus
      returnFocus
    >
      {/* Mantine gives the button aria-expanded and aria-controls, and the dropdown role="dialog" named by the button. */}
      <Popover.Target>
        <ActionIcon variant="default" size="lg" onClick={onToggle} aria-label={label}>
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
  );
}
