import { useState, type ComponentType } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { DiscussionThreadSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import type { SpaceRef } from '../api';
import { useSpace, useThreads } from '../queries';
import { ReportQueue } from './ReportQueue';

type Composer = ComponentType<{ spaceId: string; canModerate: boolean; onDone: (threadId?: string) => void }>;

/**
 * The composer carries the rich-text editor (TipTap, ProseMirror: about 200 KB compressed): it is fetched when someone
 * starts writing, so the pages that show a discussion (the course player, a class, a community) do not download it up
 * front. Loaded by hand rather than with React.lazy: TipTap's editor mounted under a suspended Suspense boundary reads
 * its view before it exists.
 */
let composerModule: Promise<Composer> | null = null;
const loadComposer = (): Promise<Composer> =>
  (composerModule ??= import('./ThreadComposer').then((m) => m.ThreadComposer));

/** Badges of a thread: its kind, pinned, locked, answered. Light colours with dark text pass the contrast check. */
export function ThreadBadges({
  thread,
}: {
  thread: Pick<DiscussionThreadSummary, 'kind' | 'pinned' | 'locked' | 'answered'>;
}) {
  const { t } = useTranslation('discussion');
  return (
    <Group gap={4}>
      <Badge variant="light" color={thread.kind === 'announcement' ? 'orange' : 'blue'} c="dark" tt="none">
        {t(`kind.${thread.kind}`)}
      </Badge>
      {thread.pinned && (
        <Badge variant="light" color="gray" c="dark" tt="none">
          {t('pinned')}
        </Badge>
      )}
      {thread.locked && (
        <Badge variant="light" color="gray" c="dark" tt="none">
          {t('locked')}
        </Badge>
      )}
      {thread.answered && (
        <Badge variant="light" color="kompeten" c="dark" tt="none">
          {t('answered')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * A discussion space, embeddable in a course, class or community page: its threads (pinned first, unread counts),
 * a new-thread form, and for moderators the report queue.
 */
export function DiscussionPanel({ target, heading }: { target: SpaceRef; heading?: string }) {
  const { t, i18n } = useTranslation('discussion');
  const { me } = useAuth();
  const navigate = useNavigate();
  const space = useSpace(target);
  const [page, setPage] = useState(1);
  const threads = useThreads(space.data?.id, page);
  const [composing, setComposing] = useState(false);
  const [ThreadComposer, setThreadComposer] = useState<Composer | null>(null);
  const [composerFailed, setComposerFailed] = useState<Error | null>(null);
  const [showReports, setShowReports] = useState(false);
  const zone = me?.timeZone ?? 'Asia/Makassar';
  const startComposing = () => {
    setComposing(true);
    setComposerFailed(null);
    loadComposer().then(
      (c) => setThreadComposer(() => c),
      (e: unknown) => {
        composerModule = null;
        setComposerFailed(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };

  if (space.isPending) return <LoadingBlock />;
  if (space.isError) return <ErrorAlert error={space.error} onRetry={() => void space.refetch()} />;
  const s = space.data;

  return (
    <Stack gap="sm" component="section" aria-labelledby={`discussion-${s.id}`}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h3" id={`discussion-${s.id}`}>
            {heading ?? t('title')}
          </Title>
          {s.unreadCount > 0 && (
            <Badge color="red" variant="filled">
              {t('unread', { count: s.unreadCount })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          {s.canModerate && (
            <Button variant="default" size="sm" onClick={() => setShowReports((v) => !v)}>
              {t('reports')} ({s.openReportCount ?? 0})
            </Button>
          )}
          {!composing && (
            <Button size="sm" onClick={startComposing}>
              {t('newThread')}
            </Button>
          )}
        </Group>
      </Group>
      {showReports && s.canModerate && <ReportQueue spaceId={s.id} />}
      {composing && (
        <Card withBorder padding="sm">
          {ThreadComposer ? (
            <ThreadComposer
              spaceId={s.id}
              canModerate={s.canModerate}
              onDone={(threadId) => {
                setComposing(false);
                if (threadId) void navigate(`/diskusi/${threadId}`);
              }}
            />
          ) : composerFailed ? (
            <ErrorAlert error={composerFailed} onRetry={startComposing} />
          ) : (
            <LoadingBlock />
          )}
        </Card>
      )}
      {threads.isError && <ErrorAlert error={threads.error} onRetry={() => void threads.refetch()} />}
      {threads.isPending && <LoadingBlock />}
      {threads.data?.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('noThreads')}
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {threads.data?.items.map((th) => (
          <Card key={th.id} withBorder padding="sm" component="li">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text
                  component={Link}
                  to={`/diskusi/${th.id}`}
                  fw={th.unreadCount > 0 ? 700 : 500}
                  style={{ overflowWrap: 'anywhere' }}
                  aria-label={t('open', { title: th.title })}
                >
                  {th.title}
                </Text>
                {th.unreadCount > 0 && (
                  <Badge color="red" variant="filled" style={{ flexShrink: 0 }}>
                    {t('unread', { count: th.unreadCount })}
                  </Badge>
                )}
              </Group>
              <ThreadBadges thread={th} />
              <Text size="xs" c="dimmed">
                {t('by', { name: th.author.name })} · {t('replies', { count: th.replyCount })} ·{' '}
                {t('lastPost', { when: formatDateTime(th.lastPostAt, zone, i18n.language) })}
              </Text>
            </Stack>
          </Card>
        ))}
      </Stack>
      {threads.data && <PaginationBar page={page} pageSize={20} total={threads.data.total} onChange={setPage} />}
    </Stack>
  );
}
