import { useState } from 'react';
import { Stack, Title, VisuallyHidden } from '@mantine/core';
import type { ClassRegistration } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useClassApprovals, useDecideClassRegistration } from '../../calendar/queries';
import { DecisionButtons, RejectModal, useDecisionQueue } from './DecisionParts';

/**
 * The supervisor's queue of class registrations (decision 0034): direct reports who registered for a class that needs
 * the supervisor's approval. Approving keeps the seat the registration already holds; rejecting frees it for the
 * waitlist. Shown on /persetujuan below the course enrolments; the texts are the calendar's (`approvals.*`).
 */
export function ClassRegistrationApprovals() {
  const { t, i18n } = useTranslation('calendar');
  const { me } = useAuth();
  const [page, setPage] = useState(1);
  const query = useClassApprovals({ page, pageSize: DEFAULT_PAGE_SIZE });
  const decide = useDecideClassRegistration();
  const queue = useDecisionQueue<ClassRegistration>(decide, (row, decision) =>
    t(decision === 'approve' ? 'approvals.approved' : 'approvals.rejected', {
      name: row.employeeName ?? '',
      title: row.classTitle ?? '',
    }),
  );
  const { rejecting } = queue;

  return (
    <Stack gap="sm" component="section" aria-labelledby="class-approvals-title">
      <Title order={2} size="h3" id="class-approvals-title">
        {t('approvals.title')}
      </Title>
      <VisuallyHidden role="status" aria-live="polite">
        {queue.announcement}
      </VisuallyHidden>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {queue.tableError && <ErrorAlert error={queue.tableError} />}
      <DataTable<ClassRegistration>
        caption={t('approvals.title')}
        rows={query.data?.items}
        loading={query.isPending}
        busy={query.isFetching}
        rowKey={(r) => r.id}
        empty={t('approvals.empty')}
        minWidth={680}
        columns={[
          { key: 'learner', header: t('approvals.learner'), cell: (r) => r.employeeName ?? '' },
          { key: 'class', header: t('approvals.class'), cell: (r) => r.classTitle ?? '' },
          {
            key: 'requested',
            header: t('approvals.requestedAt'),
            cell: (r) => formatDateTime(r.createdAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
            nowrap: true,
          },
          {
            key: 'actions',
            header: t('approvals.actions'),
            hiddenHeader: true,
            nowrap: true,
            cell: (r) => (
              <DecisionButtons
                approveLabel={t('approvals.approve')}
                rejectLabel={t('approvals.reject')}
                approveName={t('approvals.approveNamed', { name: r.employeeName ?? '', title: r.classTitle ?? '' })}
                rejectName={t('approvals.rejectNamed', { name: r.employeeName ?? '', title: r.classTitle ?? '' })}
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
          onChange={setPage}
        />
      )}
      <RejectModal
        key={rejecting?.id ?? 'none'}
        opened={rejecting !== null}
        onClose={queue.stopRejecting}
        title={t('approvals.rejectTitle')}
        confirmLabel={t('approvals.reject')}
        message={t('approvals.rejectConfirm', {
          name: rejecting?.employeeName ?? '',
          title: rejecting?.classTitle ?? '',
        })}
        reasonLabel={t('approvals.rejectReason')}
        loading={decide.isPending}
        error={queue.dialogError}
        onConfirm={queue.reject}
      />
    </Stack>
  );
}
