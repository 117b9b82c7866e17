import { Anchor, Group, Stack } from '@mantine/core';
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

/** /penilaian — pick a course to grade essays and assignments or to see its report. */
export function GradingIndexPage() {
  const { t } = useTranslation('grading');
  const { t: tc } = useTranslation();
  useDocumentTitle(t('title'));
  const { values, page, update } = useSearchParamState(['q'] as const);
  const query = useCourses({ q: values.q || undefined, page, pageSize: DEFAULT_PAGE_SIZE });

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
