import { useState } from 'react';
import { Badge, Button, Card, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { DiscussionPost } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { RichTextView } from '../../../shared/components/RichTextView';
import { formatDateTime } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { useDeletePost, useReportPost, useSetHidden } from '../queries';

interface PostCardProps {
  post: DiscussionPost;
  canModerate: boolean;
  /** Shown on replies of a question for the asker and moderators. */
  onMarkAnswer?: () => void;
}

/** One post: author and time (in the reader's zone), its text or why it is not shown, mentions, and its actions. */
export function PostCard({ post, canModerate, onMarkAnswer }: PostCardProps) {
  const { t, i18n } = useTranslation('discussion');
  const { me } = useAuth();
  const hide = useSetHidden();
  const remove = useDeletePost();
  const report = useReportPost();
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const zone = me?.timeZone ?? 'Asia/Makassar';
  const own = me?.userId === post.author.userId;

  const sendReport = async () => {
    try {
      await report.mutateAsync({ postId: post.id, reason });
      setReporting(false);
      setReason('');
      notify({ color: 'kompeten', message: t('reportSent') });
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <Card withBorder padding="sm" component="article" aria-label={post.author.name}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {post.author.name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(post.createdAt, zone, i18n.language)}
              {post.editedAt ? ` · ${t('edited')}` : ''}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap">
            {post.isAnswer && (
              <Badge color="kompeten" variant="light" c="dark" tt="none">
                {t('answer')}
              </Badge>
            )}
            {!post.deleted && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="subtle" size="compact-sm" aria-label={t('actions', { name: post.author.name })}>
                    ⋯
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {!own && <Menu.Item onClick={() => setReporting(true)}>{t('report')}</Menu.Item>}
                  {canModerate && (
                    <Menu.Item onClick={() => void hide.mutateAsync({ postId: post.id, value: !post.hidden })}>
                      {post.hidden ? t('unhide') : t('hide')}
                    </Menu.Item>
                  )}
                  {own && !post.hidden && (
                    <Menu.Item color="red" onClick={() => void remove.mutateAsync(post.id)}>
                      {t('delete')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        {post.deleted ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t('deleted')}
          </Text>
        ) : post.body === null ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t('hiddenByModerator')}
          </Text>
        ) : (
          <>
            {post.hidden && (
              <Text size="xs" fs="italic" c="dimmed">
                {t('hiddenForOthers')}
              </Text>
            )}
            <RichTextView html={post.body} />
          </>
        )}
        {post.mentions.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('mentioned', { names: post.mentions.map((m) => `@${m.name}`).join(', ') })}
          </Text>
        )}
        {onMarkAnswer && (
          <Group>
            <Button size="xs" variant="light" onClick={onMarkAnswer}>
              {post.isAnswer ? t('unmarkAnswer') : t('markAnswer')}
            </Button>
          </Group>
        )}
        {(hide.isError || remove.isError) && <ErrorAlert error={hide.error ?? remove.error} />}
      </Stack>
      <Modal opened={reporting} onClose={() => setReporting(false)} title={t('reportTitle')}>
        <Stack gap="sm">
          <Textarea
            label={t('reportReason')}
            required
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {report.isError && <ErrorAlert error={report.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReporting(false)}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void sendReport()} loading={report.isPending} disabled={reason.trim().length < 3}>
              {t('report')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
