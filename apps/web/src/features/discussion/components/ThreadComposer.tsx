import { useRef, useState } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import type { MentionCandidate, ThreadKind } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { RichTextEditor } from '../../../shared/components/RichTextEditor';
import { notify } from '../../../shared/notify';
import { useCreateThread } from '../queries';
import { MentionPicker } from './MentionPicker';

/** A new thread: its kind (announcements for moderators), title, rich text and mentions; one request id per thread. */
export function ThreadComposer(props: { spaceId: string; canModerate: boolean; onDone: (threadId?: string) => void }) {
  const { t } = useTranslation('discussion');
  const create = useCreateThread(props.spaceId);
  const [kind, setKind] = useState<ThreadKind>('question');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<MentionCandidate[]>([]);
  const requestId = useRef(crypto.randomUUID());
  const kinds: ThreadKind[] = props.canModerate
    ? ['question', 'discussion', 'announcement']
    : ['question', 'discussion'];

  const submit = async () => {
    try {
      const thread = await create.mutateAsync({
        kind,
        title,
        body,
        mentionIds: mentions.map((m) => m.employeeId),
        requestId: requestId.current,
      });
      requestId.current = crypto.randomUUID();
      notify({ color: 'kompeten', message: t('posted') });
      props.onDone(thread.id);
    } catch {
      // Shown below.
    }
  };

  return (
    <Stack gap="sm">
      <Select
        label={t('kindLabel')}
        data={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as ThreadKind)}
        allowDeselect={false}
      />
      <TextInput label={t('titleLabel')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <RichTextEditor label={t('bodyLabel')} required value={body} onChange={setBody} minHeight={120} />
      <MentionPicker spaceId={props.spaceId} value={mentions} onChange={setMentions} />
      {create.isError && <ErrorAlert error={create.error} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={() => props.onDone()}>
          {t('cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={create.isPending} disabled={title.trim().length < 3}>
          {t('post')}
        </Button>
      </Group>
    </Stack>
  );
}
