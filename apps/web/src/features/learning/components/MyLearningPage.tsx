import { Anchor, Button, Card, Checkbox, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { Enrolment, EnrolmentStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useMyEnrolments } from '../queries';
import { EnrolmentStatusBadge } from './EnrolmentStatusBadge';
import { OverdueBadge } from './OverdueBadge';
import { defaultTab, enrolmentAction } from '../enrolment-action';
import { PageHeader } from '../../../shared/components/PageHeader';

const ALL = 'all';
const FILTERS = ['active', 'pending_approval', 'completed', ALL] as const;

function EnrolmentCard({ enrolment }: { enrolment: Enrolment }) {
  const { t, i18n } = useTranslation('learning');
  const { me } = useAuth();
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';
  const percent = Math.round(enrolment.progressPercent);
  const action = enrolmentAction(enrolment);
  const open = action !== null;
  return (
    <Card component="article" aria-labelledby={`enrolment-${enrolment.id}`} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title
            order={2}
            size="h3"
            id={`enrolment-${enrolment.id}`}
            style={{ overflowWrap: 'anywhere', flex: '1 1 240px' }}
          >
            {open ? (
              <Anchor component={Link} to={`/belajar/${enrolment.id}`} inherit c="inherit">
                {enrolment.courseTitle}
              </Anchor>
            ) : (
              enrolment.courseTitle
            )}
          </Title>
          <Group gap={6} wrap="nowrap">
            {enrolment.overdue && <OverdueBadge />}
            <EnrolmentStatusBadge status={enrolment.status} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('jp', { jp: enrolment.jp })} · {enrolment.source === 'assigned' ? t('assigned') : t('selfEnrolled')}
          {enrolment.dueAt ? ` · ${t('due', { date: formatDateTime(enrolment.dueAt, timeZone, i18n.language) })}` : ''}
        </Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Progress
            value={percent}
            size="lg"
            style={{ flex: 1 }}
            aria-label={t('progressOf', { title: enrolment.courseTitle })}
            color={enrolment.status === 'completed' ? 'kompeten' : 'blue'}
          />
          <Text size="sm" fw={600} w={48} ta="right">
            {percent}%
          </Text>
        </Group>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed">
            {enrolment.completedAt
              ? t('completedAt', { date: formatDateTime(enrolment.completedAt, timeZone, i18n.language) })
              : enrolment.lastActivityAt
                ? t('lastActivity', { date: formatDateTime(enrolment.lastActivityAt, timeZone, i18n.language) })
                : t('notStarted')}
          </Text>
          {open && (
            <Button
              component={Link}
              to={`/belajar/${enrolment.id}`}
              size="xs"
              variant={action === 'review' ? 'light' : 'filled'}
              aria-label={`${t(`action.${action}`)}: ${enrolment.courseTitle}`}
            >
              {t(`action.${action}`)}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** /belajar — "Pembelajaran saya": the learner's enrolments with their progress. */
export function MyLearningPage() {
  const { t } = useTranslation('learning');
  useDocumentTitle(t('title'));
  const { values, page, update } = useSearchParamState(['status', 'overdue'] as const);
  // No tab asked for: open the first one with content (the server lists active, waiting, completed, then the rest).
  const probe = useMyEnrolments({ page: 1, pageSize: 1 });
  const asked = (FILTERS as readonly string[]).includes(values.status) ? values.status : null;
  const filter = asked ?? (probe.isSuccess ? defaultTab(probe.data.items[0]) : null);
  const status = filter === ALL || filter === null ? undefined : (filter as EnrolmentStatus);
  const overdueOnly = values.overdue === 'true';
  const query = useMyEnrolments({ status, overdue: overdueOnly || undefined, page, pageSize: 10 }, filter !== null);
  const none = probe.isSuccess && probe.data.total === 0;
  const items = query.data?.items ?? [];

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="learning-filter-label">
          {t('filterLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="learning-filter-label"
          value={filter ?? 'active'}
          onChange={(v) => update({ status: v })}
          data={FILTERS.map((f) => ({ value: f, label: t(`filter.${f}`) }))}
          style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
          styles={{ root: { flexWrap: 'wrap' } }}
        />
        <Checkbox
          mt={6}
          label={t('overdueOnly')}
          checked={overdueOnly}
          onChange={(event) => update({ overdue: event.currentTarget.checked ? 'true' : null })}
        />
      </Stack>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {(query.isPending || filter === null) && !probe.isError && <LoadingBlock />}
      {probe.isError && <ErrorAlert error={probe.error} onRetry={() => void probe.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Card>
          <Stack gap="xs" align="center" ta="center">
            <Text size="sm" c="dimmed" role="status">
              {overdueOnly
                ? t('emptyOverdue')
                : none
                  ? t('emptyNone')
                  : filter === 'active'
                    ? t('emptyActive')
                    : t('empty')}
            </Text>
            <Button component={Link} to="/katalog" variant="light" size="sm">
              {t('toCatalog')}
            </Button>
          </Stack>
        </Card>
      )}
      <Stack gap="sm" aria-busy={query.isFetching || undefined}>
        {items.map((e) => (
          <EnrolmentCard key={e.id} enrolment={e} />
        ))}
      </Stack>
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
