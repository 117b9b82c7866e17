import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { AgencyTimeZone, LearnerWebinarView } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../../shared/components/ErrorAlert';
import { FullPageLoader } from '../../../../shared/components/FullPageLoader';
import { PageHeader } from '../../../../shared/components/PageHeader';
import { formatDateTime } from '../../../../shared/format';
import { useDocumentTitle } from '../../../../shared/hooks/useDocumentTitle';
import { useLearnerWebinar } from '../queries';
import { PresenceCheckPrompt } from './PresenceCheckPrompt';

/** Why the join button is off, or null when the learner may join now. */
function joinBlocker(v: LearnerWebinarView): 'notRegistered' | 'waiting' | 'closed' | null {
  if (v.registrationStatus === 'waitlisted' || v.registrationStatus === 'pending_approval') return 'waiting';
  if (v.registrationStatus !== 'confirmed' && !v.canAutoRegister) return 'notRegistered';
  return v.currentSession === null ? 'closed' : null;
}

/**
 * /kelas/:classId/webinar — the learner's webinar page (decision 0038): the sessions with their times in the
 * organising agency's zone, "Gabung webinar" while a join window is open, and the presence check open now (polled).
 */
export function WebinarPage() {
  const { t, i18n } = useTranslation('webinar');
  const { t: tc } = useTranslation('calendar');
  const { classId = '' } = useParams();
  const view = useLearnerWebinar(classId);
  useDocumentTitle(view.data ? `${t('learner.title')} — ${view.data.offeringTitle}` : t('learner.title'));
  if (view.isPending) return <FullPageLoader />;
  if (view.isError)
    return (
      <Stack gap="md">
        <PageHeader title={t('learner.title')} intro={t('learner.intro')} />
        <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
        <Anchor component={Link} to="/kelas">
          {t('learner.backToClasses')}
        </Anchor>
      </Stack>
    );
  const v = view.data;
  const zone = v.timeZone as AgencyTimeZone;
  const at = (iso: string) => formatDateTime(iso, zone, i18n.language);
  const blocker = joinBlocker(v);

  return (
    <Stack gap="md">
      <PageHeader title={`${v.offeringTitle} — ${v.className}`} intro={t('learner.intro')} introMaw={760} />
      {v.registrationStatus && (
        <Text size="sm">
          {t('learner.status', { status: tc(`status.${v.registrationStatus}` as 'status.confirmed') })}
        </Text>
      )}
      <Card withBorder padding="md">
        <Stack gap="xs" align="flex-start">
          {blocker === 'notRegistered' && <Text>{t('learner.notRegistered')}</Text>}
          {blocker === 'waiting' && <Text>{t('learner.waiting')}</Text>}
          {blocker === null && v.canAutoRegister && <Text size="sm">{t('learner.autoRegister')}</Text>}
          {blocker === null && v.joinedCurrentSession && <Text size="sm">{t('learner.joined')}</Text>}
          {blocker === null ? (
            <Button component={Link} to={`/kelas/${classId}/gabung`} size="md">
              {t('learner.join')}
            </Button>
          ) : (
            <Button size="md" disabled>
              {t('learner.join')}
            </Button>
          )}
          <Text size="xs" c="dimmed">
            {t('learner.joinHint')}
          </Text>
        </Stack>
      </Card>
      {v.openCheck ? (
        <PresenceCheckPrompt key={v.openCheck.id} classId={classId} check={v.openCheck} />
      ) : (
        v.registrationStatus === 'confirmed' && (
          <Alert variant="light" color="gray">
            <Text size="sm">{t('check.none')}</Text>
          </Alert>
        )
      )}
      <Title order={2} size="h3">
        {t('learner.sessions')}
      </Title>
      <List spacing="xs" listStyleType="none" p={0}>
        {v.sessions.map((s) => (
          <List.Item key={s.index}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{t('learner.session', { n: s.index + 1 })}</Text>
              <Text>{t('learner.sessionTime', { start: at(s.startsAt), end: at(s.endsAt) })}</Text>
              {v.currentSession === s.index ? (
                <Badge color="kompeten" variant="light">
                  {t('learner.join')}
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('learner.joinOpens', { time: at(s.joinOpensAt) })}
                </Text>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      <Group gap="md" wrap="wrap">
        <Anchor component={Link} to="/kelas">
          {t('learner.backToClasses')}
        </Anchor>
        <Anchor component={Link} to={`/kelas/${classId}/webinar/kelola`}>
          {t('learner.hostLink')}
        </Anchor>
      </Group>
    </Stack>
  );
}
