import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { Enrolment } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { formatDateTime, formatNumber, formatPercent } from '../../../shared/format';
import { useNextCourses } from '../../jp/queries';
import { OverdueBadge } from '../../learning/components/OverdueBadge';
import { enrolmentAction } from '../../learning/enrolment-action';
import { useMyEnrolments } from '../../learning/queries';
import { useMyCertificates } from '../../certificates/queries';

const IN_PROGRESS_SHOWN = 5;
const COMPLETED_SHOWN = 3;
const RECOMMENDED_SHOWN = 4;

function InProgressItem({ enrolment }: { enrolment: Enrolment }) {
  const { t, i18n } = useTranslation('dashboard');
  const { t: tl } = useTranslation('learning');
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const action = enrolmentAction(enrolment) ?? 'continue';
  const percent = Math.round(enrolment.progressPercent);
  return (
    <Stack component="li" gap={6} data-testid="dashboard-in-progress-item">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
        <Anchor
          component={Link}
          to={`/belajar/${enrolment.id}`}
          fw={600}
          size="sm"
          style={{ overflowWrap: 'anywhere', flex: '1 1 200px' }}
        >
          {enrolment.courseTitle}
        </Anchor>
        <Group gap={6} wrap="nowrap">
          {enrolment.overdue && <OverdueBadge />}
          {enrolment.source === 'assigned' && (
            <Badge variant="light" color="gray" c="dark" style={{ flexShrink: 0 }}>
              {tl('assigned')}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c={enrolment.overdue ? 'red.9' : 'dimmed'}>
        {enrolment.dueAt ? t('dueOn', { date: formatDateTime(enrolment.dueAt, tz, i18n.language) }) : t('noDue')}
        {' · '}
        {tl('jp', { jp: formatNumber(enrolment.jp, i18n.language) })}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Progress
          value={percent}
          size="md"
          style={{ flex: 1 }}
          aria-label={tl('progressOf', { title: enrolment.courseTitle })}
        />
        <Text size="xs" fw={600} w={44} ta="right">
          {formatPercent(percent, i18n.language)}
        </Text>
        <Button
          component={Link}
          to={`/belajar/${enrolment.id}`}
          size="compact-sm"
          aria-label={`${tl(`action.${action}`)}: ${enrolment.courseTitle}`}
        >
          {tl(`action.${action}`)}
        </Button>
      </Group>
    </Stack>
  );
}

/** Active courses, the nearest due date first (the server's order), overdue ones marked. */
export function InProgressCard() {
  const { t } = useTranslation('dashboard');
  const query = useMyEnrolments({ status: 'active', page: 1, pageSize: IN_PROGRESS_SHOWN });
  const items = query.data?.items ?? [];
  const more = (query.data?.total ?? 0) - items.length;
  return (
    <Card component="section" aria-labelledby="card-in-progress">
      <Title order={2} size="h3" id="card-in-progress" mb="sm">
        {t('inProgressCard')}
      </Title>
      {query.isPending && <LoadingBlock />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inProgressEmpty')}
        </Text>
      )}
      <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <InProgressItem key={e.id} enrolment={e} />
        ))}
      </Stack>
      {query.isSuccess && (
        <Anchor component={Link} to="/belajar?status=active" size="sm" mt="sm" display="block">
          {more > 0 ? t('allInProgressMore', { count: more }) : t('allInProgress')}
        </Anchor>
      )}
    </Card>
  );
}

/** The latest completions, newest first, each with a link to its certificate once the worker has issued it. */
export function RecentlyCompletedCard() {
  const { t, i18n } = useTranslation('dashboard');
  const { t: tl } = useTranslation('learning');
  const { me } = useAuth();
  const tz = me?.timeZone ?? 'Asia/Jakarta';
  const query = useMyEnrolments({ status: 'completed', page: 1, pageSize: COMPLETED_SHOWN });
  const items = query.data?.items ?? [];
  // The newest certificates (first page): a completion shown here is recent, so its certificate is among them.
  const certificates = useMyCertificates(1);
  const certified = new Set(
    (certificates.data?.items ?? []).filter((c) => c.status === 'valid' && c.courseId).map((c) => c.courseId),
  );
  return (
    <Card component="section" aria-labelledby="card-completed">
      <Title order={2} size="h3" id="card-completed" mb="sm">
        {t('completedCard')}
      </Title>
      {query.isPending && <LoadingBlock />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('completedEmpty')}
        </Text>
      )}
      <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((e) => (
          <Stack component="li" key={e.id} gap={0}>
            <Anchor component={Link} to={`/belajar/${e.id}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {e.courseTitle}
            </Anchor>
            <Text size="xs" c="dimmed">
              {tl('completedAt', { date: formatDateTime(e.completedAt, tz, i18n.language) })} ·{' '}
              {tl('jp', { jp: formatNumber(e.jp, i18n.language) })}
            </Text>
            {certified.has(e.courseId) && (
              <Anchor
                component={Link}
                to="/sertifikat"
                size="xs"
                aria-label={t('certificateOf', { course: e.courseTitle })}
                data-testid="dashboard-certificate-link"
              >
                {t('certificate')}
              </Anchor>
            )}
          </Stack>
        ))}
      </Stack>
      {query.isSuccess && items.length > 0 && (
        <Anchor component={Link} to="/belajar?status=completed" size="sm" mt="sm" display="block">
          {t('allCompleted')}
        </Anchor>
      )}
    </Card>
  );
}

/** Courses open to the learner and not yet taken, shortest JP first (the JP ledger's "what next" list). */
export function RecommendationsCard() {
  const { t, i18n } = useTranslation('dashboard');
  const { t: tj } = useTranslation('jp');
  const query = useNextCourses({ page: 1, pageSize: 20 });
  const items = (query.data?.items ?? []).filter((c) => c.enrolmentId === null).slice(0, RECOMMENDED_SHOWN);
  return (
    <Card component="section" aria-labelledby="card-recommended">
      <Title order={2} size="h3" id="card-recommended" mb={4}>
        {t('recommendedCard')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('recommendedIntro')}
      </Text>
      {query.isPending && <LoadingBlock />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('recommendedEmpty')}
        </Text>
      )}
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((c) => (
          <Group key={c.courseId} component="li" justify="space-between" gap="xs" wrap="nowrap">
            <Stack gap={0}>
              <Anchor component={Link} to={`/katalog/${c.courseId}`} size="sm" fw={500}>
                {c.title}
              </Anchor>
              {c.enrolmentMode === 'approval' && (
                <Text size="xs" c="dimmed">
                  {tj('nextApproval')}
                </Text>
              )}
            </Stack>
            <Badge variant="light" style={{ flexShrink: 0 }}>
              {tj('nextJp', { jp: formatNumber(c.jp, i18n.language) })}
            </Badge>
          </Group>
        ))}
      </Stack>
      <Anchor component={Link} to="/katalog" size="sm" mt="sm" display="block">
        {t('toCatalog')}
      </Anchor>
    </Card>
  );
}
