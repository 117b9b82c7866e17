import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Stack, Title } from '@mantine/core';
import type { DiscussionSpace, MentionCandidate } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { RichTextEditor } from '../../../shared/components/RichTextEditor';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { useCreateReply, useMarkRead, useReplies, useSetAnswer, useThread, useThreadFlag } from '../queries';
import { ThreadBadges } from './DiscussionPanel';
import { MentionPicker } from './MentionPicker';
import { PostCard } from './PostCard';

/** Where a space is shown: the course's or class's discussion page, or the community. */
export function spacePath(space: Pick<DiscussionSpace, 'kind' | 'targetId'>): string {
  if (space.kind === 'course') return `/diskusi/pelatihan/${space.targetId}`;
  if (space.kind === 'class') return `/diskusi/kelas/${space.targetId}`;
  return `/komunitas/${space.targetId}`;
}

/** /diskusi/:threadId — a thread: its opening post, replies (answer marks, moderation), and the reply form. */
export function ThreadPage() {
  const { threadId = '' } = useParams<{ threadId: string }>();
  const { t } = useTranslation('discussion');
  const thread = useThread(threadId);
  const [page, setPage] = useState(1);
  const replies = useReplies(threadId, page);
  const markRead = useMarkRead();
  const reply = useCreateReply(threadId);
  const answer = useSetAnswer(threadId);
  const flag = useThreadFlag(threadId);
  const [body, setBody] = useState('');
  const [editorKey, setEditorKey] = useState(0);
  const [mentions, setMentions] = useState<MentionCandidate[]>([]);
  const requestId = useRef(crypto.randomUUID());
  useDocumentTitle(thread.data?.title ?? t('title'));

  const { mutate: markThreadRead } = markRead;
  const loaded = thread.isSuccess;
  useEffect(() => {
    if (loaded) markThreadRead(threadId);
  }, [loaded, threadId, markThreadRead]);

  if (thread.isPending) return <LoadingBlock />;
  if (thread.isError) return <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />;
  const th = thread.data;
  const moderator = th.space.canModerate;

  const send = async () => {
    try {
      await reply.mutateAsync({ body, mentionIds: mentions.map((m) => m.employeeId), requestId: requestId.current });
      requestId.current = crypto.randomUUID();
      setBody('');
      setMentions([]);
      setEditorKey((k) => k + 1);
      notify({ color: 'kompeten', message: t('replied') });
    } catch {
      // Shown below.
    }
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={spacePath(th.space)} size="sm">
        ← {t('back')} · {th.space.title}
      </Anchor>
      <Stack gap={6}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {th.title}
        </Title>
        <ThreadBadges thread={th} />
        {moderator && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => flag.mutate({ flag: 'pinned', value: !th.pinned })}>
              {th.pinned ? t('unpin') : t('pin')}
            </Button>
            <Button size="xs" variant="default" onClick={() => flag.mutate({ flag: 'locked', value: !th.locked })}>
              {th.locked ? t('unlock') : t('lock')}
            </Button>
          </Group>
        )}
      </Stack>
      <PostCard post={th.opening} canModerate={moderator} />
      {replies.isError && <ErrorAlert error={replies.error} onRetry={() => void replies.refetch()} />}
      <Stack gap="sm">
        {replies.data?.items.map((p) => (
          <PostCard
            key={p.id}
            post={p}
            canModerate={moderator}
            onMarkAnswer={
              th.canMarkAnswer && !p.hidden && !p.deleted ? () => answer.mutate(p.isAnswer ? null : p.id) : undefined
            }
          />
        ))}
      </Stack>
      {replies.data && <PaginationBar page={page} pageSize={50} total={replies.data.total} onChange={setPage} />}
      {answer.isError && <ErrorAlert error={answer.error} />}
      {th.canReply ? (
        <Stack gap="sm">
          <RichTextEditor key={editorKey} label={t('replyLabel')} value={body} onChange={setBody} minHeight={100} />
          <MentionPicker spaceId={th.spaceId} value={mentions} onChange={setMentions} />
          {reply.isError && <ErrorAlert error={reply.error} />}
          <Group justify="flex-end">
            <Button onClick={() => void send()} loading={reply.isPending}>
              {t('reply')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color="gray" variant="light">
          {t('lockedNotice')}
        </Alert>
      )}
    </Stack>
  );
}
