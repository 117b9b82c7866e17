import { useState } from 'react';
import { Button, Group, Text, Textarea } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { notify } from '../../../shared/notify';
import { ConfirmModal } from '../../courses/components/ConfirmModal';

export type Decision = 'approve' | 'reject';
type DecideVariables = { id: string; decision: Decision; reason?: string };

/**
 * The state every approval queue on /persetujuan keeps around its decision mutation: which row is being rejected (its
 * dialog open), the last outcome for screen readers, and which row is being sent. `said` words a decided row's outcome
 * (shown as a notification and announced).
 */
export function useDecisionQueue<Row extends { id: string }>(
  decide: UseMutationResult<unknown, Error, DecideVariables>,
  said: (row: Row, decision: Decision) => string,
) {
  const [rejecting, setRejecting] = useState<Row | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const run = async (row: Row, decision: Decision, reason?: string) => {
    try {
      await decide.mutateAsync({ id: row.id, decision, reason: reason || undefined });
      const message = said(row, decision);
      notify({ color: 'kompeten', message });
      setAnnouncement(message);
      setRejecting(null);
    } catch {
      // Shown above the table or in the dialog.
    }
  };
  const busyId = decide.isPending ? decide.variables?.id : undefined;
  return {
    rejecting,
    announcement,
    /** The error to show above the table (a failed rejection shows in its dialog). */
    tableError: decide.isError && !rejecting ? decide.error : null,
    dialogError: decide.isError && rejecting ? decide.error : null,
    approve: (row: Row) => void run(row, 'approve'),
    startRejecting: (row: Row) => (decide.reset(), setRejecting(row)),
    stopRejecting: () => setRejecting(null),
    reject: (reason: string) => rejecting && void run(rejecting, 'reject', reason),
    /** The busy props of a row's DecisionButtons. */
    busyFor: (row: Row) => ({
      approving: busyId === row.id && decide.variables?.decision === 'approve',
      busyElsewhere: !!busyId && busyId !== row.id,
      busy: !!busyId,
    }),
  };
}

/** A row's approve and reject buttons, as every approval queue on /persetujuan shows them. */
export function DecisionButtons(props: {
  approveLabel: string;
  rejectLabel: string;
  /** The buttons' accessible names, naming the person and what they asked for. */
  approveName: string;
  rejectName: string;
  onApprove: () => void;
  onReject: () => void;
  /** This row's approval is being sent. */
  approving: boolean;
  /** Another row's decision is being sent (this row waits). */
  busyElsewhere: boolean;
  /** Any decision is being sent. */
  busy: boolean;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="compact-sm"
        onClick={props.onApprove}
        loading={props.approving}
        disabled={props.busyElsewhere}
        aria-label={props.approveName}
      >
        {props.approveLabel}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        color="red"
        onClick={props.onReject}
        disabled={props.busy}
        aria-label={props.rejectName}
      >
        {props.rejectLabel}
      </Button>
    </Group>
  );
}

/**
 * The rejection dialog of an approval queue: what is rejected, an optional reason told to the person (at most 500
 * characters), and the error of a failed attempt. The reason is kept here and handed to `onConfirm`.
 */
export function RejectModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  message: string;
  reasonLabel: string;
  reasonHint?: string;
  loading: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState('');
  const close = () => (setReason(''), props.onClose());
  return (
    // The confirm button in red.9: white on the theme's red.7 is below 4.5:1 (axe).
    <ConfirmModal
      opened={props.opened}
      onClose={close}
      title={props.title}
      confirmLabel={props.confirmLabel}
      color="red.9"
      loading={props.loading}
      onConfirm={() => props.onConfirm(reason.trim())}
    >
      <Text size="sm">{props.message}</Text>
      <Textarea
        mt="sm"
        label={props.reasonLabel}
        description={props.reasonHint}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={500}
        autosize
        minRows={2}
      />
      {props.error ? <ErrorAlert error={props.error} /> : null}
    </ConfirmModal>
  );
}
