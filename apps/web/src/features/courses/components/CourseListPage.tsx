import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { formatDateTime } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { COURSE_STATUSES, type CourseStatus, type CourseSummary } from '@kompeten/shared-contracts';
import { useCourseLabels } from '../labels';
import { useCourses } from '../queries';
import { CourseStatusBadge } from './CourseStatusBadge';

const ALL = 'all';

/** "Kursus saya": the courses the widyaiswara authors (admins: of their agencies). */
export function CourseListPage() {
  const { t, i18n } = useTranslation('courses');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const label = useCourseLabels();
  useDocumentTitle(t('listTitle'));
  const timeZone = me?.timeZone ?? 'Asia/Jakarta';

  const { values, page, update } = useSearchParamState(['q', 'status'] as const);
  const status = (COURSE_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as CourseStatus)
    : undefined;
  const query = useCourses({ q: values.q || undefined, status, page, pageSize: DEFAULT_PAGE_SIZE });
  const filtered = !!(values.q || status);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1}>{t('listTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('listIntro')}
          </Text>
        </Stack>
        <Button component={Link} to="/kursus/baru">
          {t('create')}
        </Button>
      </Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <SearchInput
          value={values.q}
          onSearch={(q) => update({ q })}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <Select
          label={t('statusFilter')}
          data={[
            { value: ALL, label: tc('all') },
            ...COURSE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
          value={status ?? ALL}
          onChange={(value) => update({ status: value === ALL ? null : value })}
          allowDeselect={false}
        />
      </SimpleGrid>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <DataTable<CourseSummary>
        caption={t('listTitle')}
        minWidth={720}
        rows={query.data?.items}
        loading={query.isPending}
        busy={query.isFetching}
        rowKey={(c) => c.id}
        empty={filtered ? tc('noResults') : t('empty')}
        columns={[
          {
            key: 'title',
            header: t('form.title'),
            cell: (c) => (
              <Anchor component={Link} to={`/kursus/${c.id}`} fw={500} size="sm">
                {c.title}
              </Anchor>
            ),
          },
          {
            key: 'status',
            header: t('statusFilter'),
            cell: (c) => <CourseStatusBadge status={c.status} />,
            nowrap: true,
          },
          { key: 'jp', header: t('form.jp'), cell: (c) => c.jp, nowrap: true, align: 'right' },
          { key: 'method', header: t('form.learningMethod'), cell: (c) => label.learningMethod(c.learningMethod) },
          {
            key: 'version',
            header: t('version'),
            cell: (c) => (c.currentVersionNo ? `v${c.currentVersionNo}` : tc('none')),
            nowrap: true,
          },
          {
            key: 'updated',
            header: t('updatedAt'),
            cell: (c) => formatDateTime(c.updatedAt, timeZone, i18n.language),
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
