import { useState } from 'react';
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { JP_CLAIM_STATUSES, type JpClaim, type JpClaimStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { ConfirmModal } from '../../courses/components/ConfirmModal';
import { WARNING_TEXT } from '../../courses/colors';
import { downloadEvidence } from '../api';
import { useClaimQueue, useDecideClaim } from '../queries';
import { CLAIM_STATUS_COLOR, claimDates } from './ClaimsPage';

/**
 * /jp/verification — the claims the caller may decide (HR officers for their unit subtree, supervisors for their direct
 * reports when the agency's rules say so, admins for their agencies): open the evidence, verify or reject with a reason.
 */
export function VerificationPage() {
  const { t, i18n } = useTranslation('jp');
  useDocumentTitle(t('verification.title'));
  const { values, page, update } = useSearchParamState(['status'] as const);
  const status: JpClaimStatus = (JP_CLAIM_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as JpClaimStatus)
    : 'pending';
  const queue = useClaimQueue({ status, page, pageSize: DEFAULT_PAGE_SIZE });
  const decide = useDecideClaim();
  const [rejecting, setRejecting] = useState<JpClaim | null>(null);
  const [reason, setReason] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const n = (v: number) => formatNumber(v, i18n.language);

  const run = async (claim: JpClaim, decision: 'verify' | 'reject') => {
    try {
      const done = await decide.mutateAsync({
        id: claim.id,
        decision,
        reason: decision === 'reject' ? reason : undefined,
      });
      const message =
        decision === 'verify'
          ? t('verification.verified', { title: claim.title, name: claim.employeeName, jp: n(done.creditedJp ?? 0) })
          : t('verification.rejected', { title: claim.title, name: claim.employeeName });
      notify({ color: 'kompeten', message });
      setAnnouncement(message);
      setRejecting(null);
      setReason('');
    } catch {
      // Shown above the table or in the dialog.
    }
  };
  const busyId = decide.isPending ? decide.variables?.id : undefined;

  return (
    <Stack gap="md">
      <PageHeader title={t('verification.title')} intro={t('verification.intro')} introMaw={760} />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <SegmentedControl
        value={status}
        onChange={(v) => update({ status: v === 'pending' ? null : v })}
        data={JP_CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claims.status.${s}`) }))}
        aria-label={t('claims.statusFilter')}
        w="fit-content"
      />
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {decide.isError && !rejecting && <ErrorAlert error={decide.error} />}
      <DataTable<JpClaim>
        caption={t('verification.title')}
        rows={queue.data?.items}
        loading={queue.isPending}
        busy={queue.isFetching}
        rowKey={(c) => c.id}
        empty={status === 'pending' ? t('verification.empty') : t('verification.emptyDecided')}
        minWidth={900}
        columns={[
          {
            key: 'asn',
            header: t('verification.asn'),
            cell: (c) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {c.employeeName}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.nip}
                </Text>
                {c.unitName && (
                  <Text size="xs" c="dimmed">
                    {c.unitName}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'activity',
            header: t('verification.activity'),
            cell: (c) => (
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {c.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.jenisDiklatName} · {c.organiser}
                </Text>
                {c.certificateNumber && (
                  <Text size="xs" c="dimmed">
                    {t('verification.certificate', { number: c.certificateNumber })}
                  </Text>
                )}
                {c.decisionReason && <Text size="xs">{t('claims.rejectedBecause', { reason: c.decisionReason })}</Text>}
              </Stack>
            ),
          },
          { key: 'dates', header: t('verification.dates'), cell: (c) => claimDates(c, i18n.language) },
          {
            key: 'amount',
            header: t('verification.amount'),
            nowrap: true,
            cell: (c) => (
              <Stack gap={0}>
                <Text size="sm">
                  {n(c.quantity)} {t(`unit.${c.unit}`)}
                </Text>
                {c.creditedJp !== null && (
                  <Text size="xs" fw={600}>
                    {t('claims.credited', { jp: n(c.creditedJp) })}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'evidence',
            header: t('verification.evidence'),
            cell: (c) =>
              c.evidenceName ? (
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => void downloadEvidence(c)}
                  aria-label={t('verification.downloadNamed', { title: c.title })}
                >
                  {t('verification.download')}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('verification.noEvidence')}
                </Text>
              ),
          },
          {
            key: 'actions',
            header: t('claims.statusFilter'),
            nowrap: true,
            cell: (c) =>
              c.canDecide ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    onClick={() => void run(c, 'verify')}
                    loading={busyId === c.id && decide.variables?.decision === 'verify'}
                    disabled={!!busyId && busyId !== c.id}
                    aria-label={t('verification.verifyNamed', { title: c.title, name: c.employeeName })}
                  >
                    {t('verification.verify')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="light"
                    color="red"
                    onClick={() => (decide.reset(), setReason(''), setRejecting(c))}
                    disabled={!!busyId}
                    aria-label={t('verification.rejectNamed', { title: c.title, name: c.employeeName })}
                  >
                    {t('verification.reject')}
                  </Button>
                </Group>
              ) : (
                <Badge
                  variant="light"
                  color={CLAIM_STATUS_COLOR[c.status]}
                  c={c.status === 'rejected' ? WARNING_TEXT : undefined}
                >
                  {t(`claims.status.${c.status}`)}
                </Badge>
              ),
          },
        ]}
      />
      {queue.data && (
        <PaginationBar
          page={queue.data.page}
          pageSize={queue.data.pageSize}
          total={queue.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}
      <ConfirmModal
        opened={rejecting !== null}
        onClose={() => setRejecting(null)}
        title={t('verification.rejectTitle')}
        confirmLabel={t('verification.reject')}
        color="red"
        loading={decide.isPending}
        confirmDisabled={reason.trim().length < 3}
        onConfirm={() => rejecting && void run(rejecting, 'reject')}
      >
        <Text size="sm">{rejecting ? `${rejecting.title} — ${rejecting.employeeName}` : ''}</Text>
        <Textarea
          label={t('verification.rejectReason')}
          description={t('verification.rejectReasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          minRows={3}
          maxLength={500}
          required
          data-autofocus
        />
        {decide.isError && rejecting && <ErrorAlert error={decide.error} />}
      </ConfirmModal>
    </Stack>
  );
}
