import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { TIME_ZONE_LABEL, type TrainingClass } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { FullPageLoader } from '../../../shared/components/FullPageLoader';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { useRegister } from '../queries';
import { useTrainingClass } from './calendar-queries';

/** /kalender/kelas/:classId — one class: its days in the organiser's zone, place or link, seats and registration. */
export function ClassDetailPage() {
  const { classId = '' } = useParams();
  const { t } = useTranslation('calendar');
  const cls = useTrainingClass(classId);
  useDocumentTitle(cls.data ? `${cls.data.offeringTitle} — ${cls.data.name}` : t('views.title'));
  if (cls.isPending) return <FullPageLoader />;
  if (cls.isError) return <ErrorAlert error={cls.error} onRetry={() => void cls.refetch()} />;
  return <ClassDetail cls={cls.data} />;
}

function ClassDetail({ cls }: { cls: TrainingClass }) {
  const { t, i18n } = useTranslation('calendar');
  const zone = TIME_ZONE_LABEL[cls.timeZone];
  const register = useRegister();
  const now = Date.now();
  const open =
    cls.status === 'scheduled' &&
    Date.parse(cls.registrationOpensAt) <= now &&
    now < Date.parse(cls.registrationClosesAt);
  const onRegister = async () => {
    try {
      const answer = await register.mutateAsync(cls.id);
      const name = `${cls.offeringTitle} — ${cls.name}`;
      const r = answer.registration;
      notify({
        color: 'kompeten',
        message: answer.alreadyRegistered
          ? t('answer.already', { name })
          : r.status === 'waitlisted'
            ? t('answer.waitlisted', { name, position: r.waitlistPosition ?? 0 })
            : t(`answer.${r.status === 'pending_approval' ? 'pending_approval' : 'confirmed'}`, { name }),
      });
    } catch {
      // Shown below.
    }
  };
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/kalender" size="sm">
        ‹ {t('detail.back')}
      </Anchor>
      <Title order={1} size="h2">
        {cls.offeringTitle} — {cls.name}
      </Title>
      {cls.status === 'cancelled' && (
        <Alert color="orange" variant="light">
          {t('detail.cancelledBecause', { reason: cls.cancellationReason ?? '—' })}
        </Alert>
      )}
      <Group gap={6}>
        <Badge variant="light" c="dark.6">
          {t(`mode.${cls.mode}`)}
        </Badge>
        <Badge variant="light" c="dark.6">
          {formatNumber(cls.jp, i18n.language)} JP
        </Badge>
        <Badge variant="light" c="dark.6">
          {t(`competency.${cls.competencyKind}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text fw={700}>{t('detail.schedule')}</Text>
          <List spacing={2} size="sm">
            {cls.schedule.map((d) => (
              <List.Item key={d.date}>
                {formatDate(d.date, i18n.language)}, {d.start}–{d.end} {zone}
              </List.Item>
            ))}
          </List>
          {cls.venue && (
            <Text size="sm">
              {t('detail.venue')}: {cls.venue}
            </Text>
          )}
          {cls.meetingUrl && (
            <Text size="sm">
              {t('detail.meeting')}:{' '}
              <Anchor href={cls.meetingUrl} target="_blank" rel="noopener noreferrer">
                {cls.meetingUrl}
              </Anchor>
            </Text>
          )}
          {cls.speakers.length > 0 && (
            <Text size="sm">
              {t('detail.speakers')}: {cls.speakers.map((s) => s.name).join(', ')}
            </Text>
          )}
          <Text size="sm">
            {t('detail.seats')}:{' '}
            {cls.seats === null
              ? t('views.unlimited')
              : t('classes.seatsTaken', { taken: formatNumber(cls.taken), seats: formatNumber(cls.seats) })}
          </Text>
          <Text size="sm">
            {t('detail.registration')}:{' '}
            {t('detail.registrationWindow', {
              from: formatDateTime(cls.registrationOpensAt, cls.timeZone, i18n.language),
              to: formatDateTime(cls.registrationClosesAt, cls.timeZone, i18n.language),
            })}
          </Text>
          <Text size="sm">
            {t('detail.cancelBy', { at: formatDateTime(cls.cancellationDeadline, cls.timeZone, i18n.language) })}
          </Text>
        </Stack>
      </Paper>
      {register.isError && <ErrorAlert error={register.error} />}
      {open && (
        <Group>
          <Button onClick={() => void onRegister()} loading={register.isPending}>
            {t('classes.register')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
