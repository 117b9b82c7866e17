import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { type CourseSummary } from '@kompeten/shared-contracts';
import { CourseStatusBadge } from '../../courses/components/CourseStatusBadge';
import { useCourses } from '../../courses/queries';
import { PageHeader } from '../../../shared/components/PageHeader';
import { WARNING_TEXT } from '../../courses/colors';
import { useGradingWaiting } from '../queries';

/** /penilaian — pick a course to grade essays and assignments or to see its report. */
export function GradingIndexPage() {
  const { t } = useTranslation('grading');
  const { t: tc } = useTranslation();
  useDocumentTitle(t('title'));
  const { values, page, update } = useSearchParamState(['q'] as const);
  const query = useCourses({ q: values.q || undefined, page, pageSize: DEFAULT_PAGE_SIZE });
  const waiting = useGradingWaiting(query.data?.items.map((c) => c.id) ?? []);
  const essaysWaiting = (courseId: string) => waiting.data?.find((w) => w.courseId === courseId)?.essayAttempts;

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} intro={t('intro')} />
      <SearchInput value={values.q} onSearch={(q) => update({ q })} label={t('searchLabel')} maw={420} />
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable<CourseSummary>
        caption={t('title')}
        rows={query.data?.items}
        loading={query.isPending}
        busy={query.isFetching}
        rowKey={(c) => c.id}
        empty={values.q ? tc('noResults') : t('noCourses')}
        minWidth={560}
        columns={[
          { key: 'title', header: t('course'), cell: (c) => c.title },
          { key: 'status', header: t('status'), cell: (c) => <CourseStatusBadge status={c.status} />, nowrap: true },
          {
            key: 'waiting',
            header: t('essaysWaiting'),
            align: 'right',
            nowrap: true,
            cell: (c) => {
              const n = essaysWaiting(c.id);
              if (n === undefined) return waiting.isPending && waiting.fetchStatus !== 'idle' ? '…' : '—';
              return n > 0 ? (
                <Badge
                  color="orange"
                  variant="light"
                  c={WARNING_TEXT}
                  aria-label={t('essaysWaitingCount', { count: n })}
                >
                  {n}
                </Badge>
              ) : (
                <Text span size="sm" c="dimmed" aria-label={t('essaysWaitingCount', { count: 0 })}>
                  0
                </Text>
              );
            },
          },
          {
            key: 'actions',
            header: t('actions'),
            hiddenHeader: true,
            nowrap: true,
            cell: (c) => (
              <Group gap="md" wrap="nowrap">
                <Anchor
                  component={Link}
                  to={`/kursus/${c.id}/penilaian`}
                  size="sm"
                  aria-label={t('gradeCourse', { title: c.title })}
                >
                  {t('grade')}
                </Anchor>
                <Anchor
                  component={Link}
                  to={`/kursus/${c.id}/laporan`}
                  size="sm"
                  aria-label={t('reportCourse', { title: c.title })}
                >
                  {t('report')}
                </Anchor>
              </Group>
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
