import { useState } from 'react';
import { Button, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { TIME_ZONE_LABEL, type CourseReportRow } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDateTime, formatPercent } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { useCourse } from '../../courses/queries';
import { EnrolmentStatusBadge } from '../../learning/components/EnrolmentStatusBadge';
import { OverdueBadge } from '../../learning/components/OverdueBadge';
import { downloadCourseReport } from '../api';
import { useCourseReport } from '../queries';

const PAGE_SIZE = 25;
const OVERDUE_FILTERS = ['all', 'overdue', 'onTime'] as const;
type OverdueFilter = (typeof OVERDUE_FILTERS)[number];

/** /kursus/:courseId/laporan — every learner's progress, pre-test, post-test and gain; CSV and XLSX downloads. */
export function CourseReportPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t, i18n } = useTranslation('grading');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const course = useCourse(courseId);
  const { values, page, update } = useSearchParamState(['overdue'] as const);
  const filter: OverdueFilter = values.overdue === 'true' ? 'overdue' : values.overdue === 'false' ? 'onTime' : 'all';
  const overdue = filter === 'all' ? undefined : filter === 'overdue';
  const report = useCourseReport(courseId, page, PAGE_SIZE, overdue);
  // Every learner's times in the viewer's zone, the one the server also uses for the downloads (decision 0015).
  const tz = report.data?.timeZone ?? me?.timeZone ?? 'Asia/Jakarta';
  const [download, setDownload] = useState<{ format: 'csv' | 'xlsx'; progress: number | null } | null>(null);
  useDocumentTitle(course.data ? `${course.data.title} · ${t('reportTitle')}` : t('reportTitle'));
  const pct = (v: number | null) => (v === null ? tc('none') : formatPercent(v, i18n.language));

  const onDownload = async (format: 'csv' | 'xlsx') => {
    setDownload({ format, progress: null });
    try {
      await downloadCourseReport(courseId, format, { overdue }, (progress) => setDownload({ format, progress }));
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    } finally {
      setDownload(null);
    }
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="report-heading">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} id="report-heading">
          {t('reportTitle')}
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            onClick={() => void onDownload('csv')}
            loading={download?.format === 'csv'}
            disabled={!!download}
          >
            {t('downloadCsv')}
          </Button>
          <Button
            variant="default"
            onClick={() => void onDownload('xlsx')}
            loading={download?.format === 'xlsx'}
            disabled={!!download}
          >
            {t('downloadXlsx')}
          </Button>
        </Group>
      </Group>
      {download && (
        <div aria-live="polite">
          <Progress
            value={download.progress === null ? 100 : Math.round(download.progress * 100)}
            animated={download.progress === null}
            striped={download.progress === null}
            aria-label={t('downloadProgress')}
          />
          <Text size="sm" mt={4}>
            {download.progress === null
              ? t('preparing')
              : t('downloading', { percent: Math.round(download.progress * 100) })}
          </Text>
        </div>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-filter-label">
            {t('overdueFilter.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="report-filter-label"
            value={filter}
            onChange={(v) => update({ overdue: v === 'overdue' ? 'true' : v === 'onTime' ? 'false' : null })}
            data={OVERDUE_FILTERS.map((f) => ({ value: f, label: t(`overdueFilter.${f}`) }))}
            styles={{ root: { flexWrap: 'wrap' } }}
          />
        </Stack>
        <Text size="sm" c="dimmed">
          {t('timesIn', { zone: TIME_ZONE_LABEL[tz] })}
        </Text>
      </Group>
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      <DataTable<CourseReportRow>
        caption={t('reportTitle')}
        rows={report.data?.items}
        loading={report.isPending}
        busy={report.isFetching}
        rowKey={(r) => r.enrolmentId}
        empty={t('reportEmpty')}
        minWidth={1100}
        columns={[
          {
            key: 'nip',
            header: t('nip'),
            cell: (r) => (
              <Text size="sm" ff="monospace">
                {r.nip}
              </Text>
            ),
            nowrap: true,
          },
          { key: 'name', header: t('learner'), cell: (r) => r.name },
          { key: 'unit', header: t('unit'), cell: (r) => r.unitName ?? tc('none') },
          { key: 'status', header: t('status'), cell: (r) => <EnrolmentStatusBadge status={r.status} />, nowrap: true },
          {
            key: 'progress',
            header: t('progress'),
            nowrap: true,
            cell: (r) => (
              <Group gap={6} wrap="nowrap">
                <Progress value={r.progressPercent} w={80} aria-label={t('progressOf', { name: r.name })} />
                <Text size="sm">{formatPercent(Math.round(r.progressPercent), i18n.language)}</Text>
              </Group>
            ),
          },
          { key: 'pre', header: t('preTest'), cell: (r) => pct(r.preTestPercent), align: 'right', nowrap: true },
          { key: 'post', header: t('postTest'), cell: (r) => pct(r.postTestPercent), align: 'right', nowrap: true },
          {
            key: 'gain',
            header: t('gain'),
            cell: (r) => (r.gain === null ? tc('none') : `${r.gain > 0 ? '+' : ''}${r.gain}`),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'time',
            header: t('learnrec.timeSpent'),
            cell: (r) => t('learnrec.minutes', { count: r.timeSpentMinutes }),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'due',
            header: t('dueAt'),
            nowrap: true,
            cell: (r) =>
              r.dueAt ? (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{formatDateTime(r.dueAt, tz, i18n.language)}</Text>
                  {r.overdue && <OverdueBadge />}
                </Group>
              ) : (
                tc('none')
              ),
          },
          {
            key: 'completed',
            header: t('completedAt'),
            cell: (r) => (r.completedAt ? formatDateTime(r.completedAt, tz, i18n.language) : tc('none')),
            nowrap: true,
          },
        ]}
      />
      {report.data && (
        <PaginationBar
          page={report.data.page}
          pageSize={report.data.pageSize}
          total={report.data.total}
          onChange={(p) => update({ page: p })}
        />
      )}
    </Stack>
  );
}
