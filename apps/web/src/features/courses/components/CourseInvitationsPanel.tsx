import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseAuthorInvitationStatus } from '@kompeten/shared-contracts';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { notify } from '../../../shared/notify';
import { useCourseInvitations, useInviteAuthor } from '../queries';

const PAGE_SIZE = 10;
const NIP = /^\d{18}$/;

export const INVITATION_COLORS: Record<CourseAuthorInvitationStatus, string> = {
  pending: 'yellow',
  accepted: 'green',
  declined: 'gray',
};

/**
 * Invite an ASN of another agency by NIP (decision 0013). The answer never says whether the NIP belongs to anyone:
 * the invitation stays pending until that agency's admin accepts it.
 */
export function CourseInvitationsPanel({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation('courses');
  const { me } = useAuth();
  const [nip, setNip] = useState('');
  const [page, setPage] = useState(1);
  const invite = useInviteAuthor(courseId);
  const list = useCourseInvitations(courseId, page, PAGE_SIZE);
  const valid = NIP.test(nip.trim());

  const submit = async () => {
    if (!valid) return;
    try {
      await invite.mutateAsync(nip.trim());
      notify({ color: 'kompeten', message: t('authorInvitations.sent') });
      setNip('');
    } catch {
      // Shown below.
    }
  };

  return (
    <Stack gap="xs">
      <Stack gap="xs" component="form" onSubmit={(event) => (event.preventDefault(), void submit())}>
        <TextInput
          label={t('authorInvitations.nip')}
          description={t('authorInvitations.nipHint')}
          value={nip}
          inputMode="numeric"
          maxLength={18}
          error={nip.trim() && !valid ? t('authorInvitations.nipInvalid') : undefined}
          onChange={(event) => setNip(event.currentTarget.value)}
        />
        <Group>
          <Button type="submit" size="xs" variant="light" loading={invite.isPending} disabled={!valid}>
            {t('authorInvitations.invite')}
          </Button>
        </Group>
      </Stack>
      {invite.error && <ErrorAlert error={invite.error} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length > 0 && (
        <Stack
          gap={4}
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('authorInvitations.sentList')}
        >
          {list.data.items.map((inv) => (
            <Group component="li" key={inv.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" ff="monospace">
                {inv.nip}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  {formatDateTime(inv.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language)}
                </Text>
                <Badge size="sm" variant="light" color={INVITATION_COLORS[inv.status]}>
                  {t(`authorInvitations.status.${inv.status}`)}
                </Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {list.data && list.data.total > PAGE_SIZE && (
        <PaginationBar page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
      )}
    </Stack>
  );
}
