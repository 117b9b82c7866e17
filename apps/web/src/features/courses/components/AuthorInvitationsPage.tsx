import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import {
  COURSE_AUTHOR_INVITATION_STATUSES,
  type CourseAuthorInvitationStatus,
  type IncomingAuthorInvitation,
} from '@kompeten/shared-contracts';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { useDecideInvitation, useIncomingInvitations } from '../queries';

/**
 * /admin/undangan-penulis — invitations for ASN of the agencies I administer to co-author another agency's course
 * (decision 0013). Only after I accept does the ASN become a co-author.
 */
export function AuthorInvitationsPage() {
  const { t, i18n } = useTranslation('courses');
  const { me } = useAuth();
  useDocumentTitle(t('authorInvitations.title'));
  const { page, values, update } = useSearchParamState(['status'] as const);
  const status = (COURSE_AUTHOR_INVITATION_STATUSES as readonly string[]).includes(values.status ?? '')
    ? (values.status as CourseAuthorInvitationStatus)
    : 'pending';
  const query = useIncomingInvitations(status, page, DEFAULT_PAGE_SIZE);
  const decide = useDecideInvitation();

  const act = async (inv: IncomingAuthorInvitation, decision: 'accept' | 'decline') => {
    try {
      await decide.mutateAsync({ id: inv.id, decision });
      notify({
        color: 'kompeten',
        message: t(decision === 'accept' ? 'authorInvitations.accepted' : 'authorInvitations.declined', {
          name: inv.employeeName,
        }),
      });
    } catch {
      // Shown below.
    }
  };

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1}>{t('authorInvitations.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('authorInvitations.intro')}
        </Text>
      </Stack>
      <SegmentedControl
        aria-label={t('authorInvitations.filter')}
        value={status}
        onChange={(value) => update({ status: value })}
        data={COURSE_AUTHOR_INVITATION_STATUSES.map((s) => ({ value: s, label: t(`authorInvitations.status.${s}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {decide.error && <ErrorAlert error={decide.error} />}
      <DataTable<IncomingAuthorInvitation>
        caption={t('authorInvitations.title')}
        rows={query.data?.items}
        loading={query.isPending}
        busy={query.isFetching}
        rowKey={(inv) => inv.id}
        empty={t('authorInvitations.empty')}
        minWidth={720}
        columns={[
          {
            key: 'employee',
            header: t('authorInvitations.invitee'),
            cell: (inv) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {inv.employeeName}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {inv.nip}
                </Text>
              </Stack>
            ),
          },
          {
            key: 'course',
            header: t('authorInvitations.course'),
            cell: (inv) => (
              <Stack gap={0}>
                <Text size="sm">{inv.courseTitle}</Text>
                <Text size="xs" c="dimmed">
                  {inv.courseAgencyName}
                </Text>
              </Stack>
            ),
          },
          { key: 'by', header: t('authorInvitations.invitedBy'), cell: (inv) => inv.invitedByName ?? '—' },
          {
            key: 'at',
            header: t('authorInvitations.at'),
            cell: (inv) => formatDateTime(inv.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
            nowrap: true,
          },
          {
            key: 'actions',
            header: t('authorInvitations.actions'),
            hiddenHeader: true,
            cell: (inv) =>
              inv.status === 'pending' ? (
                <Group gap={6} wrap="nowrap">
                  <Button
                    size="xs"
                    loading={
                      decide.isPending && decide.variables?.id === inv.id && decide.variables.decision === 'accept'
                    }
                    aria-label={t('authorInvitations.acceptFor', { name: inv.employeeName })}
                    onClick={() => void act(inv, 'accept')}
                  >
                    {t('authorInvitations.accept')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    loading={
                      decide.isPending && decide.variables?.id === inv.id && decide.variables.decision === 'decline'
                    }
                    aria-label={t('authorInvitations.declineFor', { name: inv.employeeName })}
                    onClick={() => void act(inv, 'decline')}
                  >
                    {t('authorInvitations.decline')}
                  </Button>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  {t(`authorInvitations.status.${inv.status}`)}
                </Text>
              ),
          },
        ]}
      />
      {query.data && (
        <PaginationBar
          page={query.data.page}
          pageSize={query.data.pageSize}
          total={query.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}
    </Stack>
  );
}
