import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import type { ClassRegistration, TrainingClass } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { WARNING_TEXT } from '../../courses/colors';
import { useCancelRegistration, useClasses, useMyRegistrations, useRegister } from '../queries';

// The colours the claim statuses use (their light badges pass the contrast check); warm ones with the darker text.
const STATUS_COLOR: Record<ClassRegistration['status'], string> = {
  confirmed: 'kompeten',
  pending_approval: 'orange',
  waitlisted: 'blue',
  cancelled: 'gray',
  refused: 'orange',
};
const DARK_TEXT: ReadonlySet<ClassRegistration['status']> = new Set(['pending_approval', 'refused', 'cancelled']);

/**
 * /kelas — the classes a learner may join (organised by their agency or one above it) with a register button that
 * answers at once, and their own registrations with cancel.
 */
export function ClassesPage() {
  const { t, i18n } = useTranslation('calendar');
  useDocumentTitle(t('classes.title'));
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [page, setPage] = useState(1);
  const [minePage, setMinePage] = useState(1);
  const classes = useClasses({ open: onlyOpen || undefined, page, pageSize: DEFAULT_PAGE_SIZE });
  const mine = useMyRegistrations({ page: minePage, pageSize: DEFAULT_PAGE_SIZE });
  const registerFor = useRegister();
  const cancel = useCancelRegistration();
  const [announcement, setAnnouncement] = useState('');
  const n = (v: number) => formatNumber(v, i18n.language);
  const names = new Map((classes.data?.items ?? []).map((c) => [c.id, `${c.offeringTitle} — ${c.name}`]));

  const say = (message: string) => {
    notify({ color: 'kompeten', message });
    setAnnouncement(message);
  };
  const onRegister = async (c: TrainingClass) => {
    try {
      const answer = await registerFor.mutateAsync(c.id);
      const name = `${c.offeringTitle} — ${c.name}`;
      const r = answer.registration;
      say(
        answer.alreadyRegistered
          ? t('answer.already', { name })
          : r.status === 'waitlisted'
            ? t('answer.waitlisted', { name, position: n(r.waitlistPosition ?? 0) })
            : r.status === 'pending_approval'
              ? t('answer.pending_approval', { name })
              : t('answer.confirmed', { name }),
      );
    } catch {
      // Shown above the table.
    }
  };
  const onCancel = async (r: ClassRegistration) => {
    try {
      await cancel.mutateAsync(r.id);
      say(t('mine.cancelled'));
    } catch {
      // Shown above the list.
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('classes.title')} intro={t('classes.intro')} introMaw={760} />
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Checkbox
        label={t('classes.onlyOpen')}
        checked={onlyOpen}
        onChange={(e) => {
          setOnlyOpen(e.currentTarget.checked);
          setPage(1);
        }}
      />
      {classes.isError && <ErrorAlert error={classes.error} onRetry={() => void classes.refetch()} />}
      {registerFor.isError && <ErrorAlert error={registerFor.error} />}
      <DataTable<TrainingClass>
        caption={t('classes.title')}
        rows={classes.data?.items}
        loading={classes.isPending}
        busy={classes.isFetching}
        rowKey={(c) => c.id}
        empty={t('classes.empty')}
        minWidth={720}
        columns={[
          {
            key: 'class',
            header: t('classes.class'),
            cell: (c) => (
              <Stack gap={0}>
                <Text size="sm" fw={600}>
                  {c.offeringTitle}
                </Text>
                <Text size="sm">
                  {c.name} · {t(`mode.${c.mode}`)} · {n(c.jp)} JP
                </Text>
                {c.venue && (
                  <Text size="xs" c="dimmed">
                    {c.venue}
                  </Text>
                )}
                {c.quotas.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('classes.quota', { quotas: c.quotas.map((q) => `${q.agencyName} ${n(q.seats)}`).join(', ') })}
                  </Text>
                )}
                {c.requiresApproval && (
                  <Text size="xs" c="dimmed">
                    {t('classes.approval')}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'when',
            header: t('classes.when'),
            nowrap: true,
            cell: (c) =>
              c.startDate === c.endDate
                ? formatDate(c.startDate, i18n.language)
                : `${formatDate(c.startDate, i18n.language)} – ${formatDate(c.endDate, i18n.language)}`,
          },
          {
            key: 'seats',
            header: t('classes.seats'),
            cell: (c) => (
              <Stack gap={0}>
                <Text size="sm">
                  {c.seats === null
                    ? t('classes.unlimited')
                    : t('classes.seatsTaken', { taken: n(c.taken), seats: n(c.seats) })}
                </Text>
                {c.waiting > 0 && (
                  <Text size="xs" c="dimmed">
                    {t('classes.waiting', { count: c.waiting })}
                  </Text>
                )}
              </Stack>
            ),
          },
          {
            key: 'action',
            header: t('classes.action'),
            cell: (c) => (
              <Stack gap={4} align="flex-start">
                <Button
                  size="xs"
                  onClick={() => void onRegister(c)}
                  loading={registerFor.isPending && registerFor.variables === c.id}
                  aria-label={t('classes.registerNamed', { name: c.name, title: c.offeringTitle })}
                >
                  {t('classes.register')}
                </Button>
                {c.mode === 'online' && (
                  <Anchor component={Link} to={`/kelas/${c.id}/webinar`} size="xs">
                    {t('classes.webinar')}
                  </Anchor>
                )}
              </Stack>
            ),
          },
        ]}
      />
      {classes.data && (
        <PaginationBar page={page} pageSize={classes.data.pageSize} total={classes.data.total} onChange={setPage} />
      )}

      <Title order={2} size="h3">
        {t('mine.title')}
      </Title>
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      <DataTable<ClassRegistration>
        caption={t('mine.title')}
        rows={mine.data?.items}
        loading={mine.isPending}
        busy={mine.isFetching}
        rowKey={(r) => r.id}
        empty={t('mine.empty')}
        minWidth={480}
        columns={[
          {
            key: 'class',
            header: t('classes.class'),
            cell: (r) => (
              // The learner's attendance and completion of the class (decision 0037).
              <Anchor component={Link} to={`/kelas/${r.classId}`} size="sm">
                {r.classTitle ?? names.get(r.classId) ?? ''}
              </Anchor>
            ),
          },
          {
            key: 'status',
            header: t('mine.status'),
            cell: (r) => (
              <Badge
                color={STATUS_COLOR[r.status]}
                variant="light"
                c={DARK_TEXT.has(r.status) ? WARNING_TEXT : undefined}
              >
                {t(`status.${r.status}`)}
                {r.status === 'waitlisted' && r.waitlistPosition
                  ? ` · ${t('mine.position', { position: n(r.waitlistPosition) })}`
                  : ''}
              </Badge>
            ),
          },
          {
            key: 'action',
            header: t('classes.action'),
            cell: (r) => (
              <Group gap="xs" wrap="wrap">
                {r.status === 'confirmed' && (
                  <Button size="xs" variant="light" component={Link} to={`/diskusi/kelas/${r.classId}`}>
                    {t('mine.discussion')}
                  </Button>
                )}
                {['confirmed', 'pending_approval', 'waitlisted'].includes(r.status) && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => void onCancel(r)}
                    loading={cancel.isPending && cancel.variables === r.id}
                    aria-label={t('mine.cancelNamed', { name: r.classTitle ?? '' })}
                  >
                    {t('mine.cancel')}
                  </Button>
                )}
              </Group>
            ),
          },
        ]}
      />
      {mine.data && (
        <PaginationBar page={minePage} pageSize={mine.data.pageSize} total={mine.data.total} onChange={setMinePage} />
      )}
    </Stack>
  );
}
