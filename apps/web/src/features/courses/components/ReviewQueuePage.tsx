import { Anchor, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { type CourseSummary } from '@kompeten/shared-contracts';
import { useCourseLabels } from '../labels';
import { useReviews } from '../queries';

/** /review — courses submitted for review that the user may publish or return (never their own). */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation('courses');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const label = useCourseLabels();
  useDocumentTitle(t('review.title'));
  const { page, update } = useSearchParamState([] as const);
  const query = useReviews(page, DEFAULT_PAGE_SIZE);

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1}>{t('review.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('review.intro')}
        </Text>
      </Stack>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable<CourseSummary>
        caption={t('review.title')}
        rows={query.data?.items}
        loading={query.isPending}
        busy={query.isFetching}
        rowKey={(c) => c.id}
        empty={t('review.empty')}
        minWidth={640}
        columns={[
          {
            key: 'title',
            header: t('form.title'),
            cell: (c) => (
              <Anchor component={Link} to={`/review/${c.id}`} fw={500} size="sm">
                {c.title}
              </Anchor>
            ),
          },
          { key: 'agency', header: t('form.agency'), cell: (c) => c.agencyName ?? tc('none') },
          { key: 'jp', header: t('form.jp'), cell: (c) => c.jp, align: 'right', nowrap: true },
          { key: 'method', header: t('form.learningMethod'), cell: (c) => label.learningMethod(c.learningMethod) },
          {
            key: 'submitted',
            header: t('review.submittedAt'),
            cell: (c) => formatDateTime(c.updatedAt, me?.timeZone ?? 'Asia/Jakarta', i18n.language),
            nowrap: true,
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
