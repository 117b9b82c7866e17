import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import type { PendingApproval } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useApprovals, useDecideApproval } from '../queries';
import { ClassRegistrationApprovals } from './ClassRegistrationApprovals';
import { DecisionButtons, RejectModal, useDecisionQueue } from './DecisionParts';
import { PageHeader } from '../../../shared/components/PageHeader';

/** /persetujuan — enrolments in "approval" courses waiting for the supervisor (or an admin): approve or reject. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation('approvals');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  useDocumentTitle(t('title'));
  const { page, update } = useSearchParamState([] as const);
  const query = useApprovals({ page, pageSize: DEFAULT_PAGE_SIZE });
  const decide = useDecideApproval();
  const queue = useDecisionQueue<PendingApproval>(decide, (row, decision) =>
    t(decision === 'approve' ? 'approved' : 'rejected', { name: row.employeeName, course: row.courseTitle }),
  );
  const { rejecting } = queue;

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />
      <VisuallyHidden role="status" aria-live="polite">
        {queue.announcement}
      </VisuallyHidden>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {queue.tableError && <ErrorAlert error={queue.tableError} />}
      <DataTable<PendingApproval>
        caption={t('title')}
        rows={query.data?.items}
        loading={query.isPending}
        busy={query.isFetching}
        rowKey={(r) => r.id}
        empty={t('empty')}
        minWidth={760}
        columns={[
          {
            key: 'learner',
            header: t('learner'),
            cell: (r) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {r.employeeName}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.nip}
                </Text>
              </Stack>
            ),
          },
          { key: 'unit', header: t('unit'), cell: (r) => r.unitName ?? tc('none') },
          { key: 'course', header: t('course'), cell: (r) => r.courseTitle },
          { key: 'jp', header: t('jp'), cell: (r) => r.jp, align: 'right', nowrap: true },
          {
            key: 'requested',
            header: t('requestedAt'),
            cell: (r) => formatDateTime(r.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
            nowrap: true,
          },
          {
            key: 'actions',
            header: t('actions'),
            hiddenHeader: true,
            nowrap: true,
            cell: (r) => (
              <DecisionButtons
                approveLabel={t('approve')}
                rejectLabel={t('reject')}
                approveName={t('approveNamed', { name: r.employeeName, course: r.courseTitle })}
                rejectName={t('rejectNamed', { name: r.employeeName, course: r.courseTitle })}
                onApprove={() => queue.approve(r)}
                onReject={() => queue.startRejecting(r)}
                {...queue.busyFor(r)}
              />
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
      <RejectModal
        key={rejecting?.id ?? 'none'}
        opened={rejecting !== null}
        onClose={queue.stopRejecting}
        title={t('rejectTitle')}
        confirmLabel={t('reject')}
        message={t('rejectConfirm', { name: rejecting?.employeeName ?? '', course: rejecting?.courseTitle ?? '' })}
        reasonLabel={t('rejectReason')}
        reasonHint={t('rejectReasonHint')}
        loading={decide.isPending}
        error={queue.dialogError}
        onConfirm={queue.reject}
      />
      <ClassRegistrationApprovals />
    </Stack>
  );
}
