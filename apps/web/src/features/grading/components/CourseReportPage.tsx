import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import {
  Button,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  COURSE_REPORT_STATUSES,
  TIME_ZONE_LABEL,
  type CourseReportColumn,
  type CourseReportRow,
  type CourseReportStatusFilter,
  type CourseReportTotals,
} from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth/auth-context';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { formatDateTime, formatNumber, formatPercent } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { notify } from '../../../shared/notify';
import { useUnitOptions } from '../../agencies/queries';
import { useCourse } from '../../courses/queries';
import { EnrolmentStatusBadge } from '../../learning/components/EnrolmentStatusBadge';
import { OverdueBadge } from '../../learning/components/OverdueBadge';
import { downloadCourseReport } from '../api';
import { useCourseReport } from '../queries';
import { orderColumns, reportHeader } from '../report-columns';

const PAGE_SIZE = 25;
const OVERDUE_FILTERS = ['all', 'overdue', 'onTime'] as const;
type OverdueFilter = (typeof OVERDUE_FILTERS)[number];

const TOTALS: Array<keyof Omit<CourseReportTotals, 'averagePreTest' | 'averagePostTest'>> = [
  'enrolled',
  'notStarted',
  'inProgress',
  'completed',
  'passed',
  'overdue',
];

/**
 * /kursus/:courseId/laporan — totals, a pre- vs post-test chart, and every learner's progress, pre-test, post-test and
 * gain, filtered by unit, status and name/NIP; CSV and XLSX downloads with the screen's columns.
 */
export function CourseReportPage() {
  const { courseId = '' } = useParams<{ courseId: string }>();
  const { t, i18n } = useTranslation('grading');
  const { t: tc } = useTranslation();
  const { me } = useAuth();
  const course = useCourse(courseId);
  const { values, page, update } = useSearchParamState(['overdue', 'status', 'unitId', 'q'] as const);
  const filter: OverdueFilter = values.overdue === 'true' ? 'overdue' : values.overdue === 'false' ? 'onTime' : 'all';
  const overdue = filter === 'all' ? undefined : filter === 'overdue';
  const status = (COURSE_REPORT_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as CourseReportStatusFilter)
    : undefined;
  const filters = { overdue, status, unitId: values.unitId || undefined, q: values.q || undefined };
  const report = useCourseReport(courseId, page, PAGE_SIZE, filters);
  const ownAgency = me?.roles.find((r) => r.role !== 'learner')?.agencyId ?? me?.employee?.agencyId ?? undefined;
  const units = useUnitOptions(ownAgency);
  const totals = report.data?.totals;
  // Every learner's times in the viewer's zone, the one the server also uses for the downloads (decision 0015).
  const tz = report.data?.timeZone ?? me?.timeZone ?? 'Asia/Jakarta';
  const [download, setDownload] = useState<{ format: 'csv' | 'xlsx'; progress: number | null } | null>(null);
  useDocumentTitle(course.data ? `${course.data.title} · ${t('reportTitle')}` : t('reportTitle'));
  const pct = (v: number | null) => (v === null ? tc('none') : formatPercent(v, i18n.language));
  const zoneLabel = TIME_ZONE_LABEL[tz];
  const header = (c: CourseReportColumn) =>
    reportHeader(c, zoneLabel, i18n.language, t(`reportColumns.${c}`, { zone: zoneLabel }));

  const onDownload = async (format: 'csv' | 'xlsx') => {
    setDownload({ format, progress: null });
    try {
      await downloadCourseReport(courseId, format, filters, (progress) => setDownload({ format, progress }));
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
      <Group align="flex-end" wrap="wrap" gap="sm">
        <SearchInput
          value={values.q}
          onSearch={(q) => update({ q })}
          label={t('reportSearch')}
          placeholder={t('reportSearchPlaceholder')}
          maw={320}
        />
        <Select
          label={t('reportStatus')}
          data={[
            { value: '', label: t('reportStatuses.all') },
            ...COURSE_REPORT_STATUSES.map((v) => ({ value: v, label: t(`reportStatuses.${v}`) })),
          ]}
          value={status ?? ''}
          onChange={(v) => update({ status: v || null })}
          allowDeselect={false}
          maw={240}
        />
        <Select
          label={t('reportUnit')}
          placeholder={t('reportUnitAll')}
          data={units.data ?? []}
          value={values.unitId || null}
          onChange={(v) => update({ unitId: v })}
          searchable
          clearable
          maw={320}
          nothingFoundMessage={tc('none')}
        />
      </Group>
      {totals && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-label={t('reportTotals')} component="dl">
          {TOTALS.map((k) => (
            <Paper key={k} withBorder p="sm" radius="md" data-testid={`report-total-${k}`}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`reportTotalLabels.${k}`)}
              </Text>
              <Text component="dd" m={0} fw={700} size="xl">
                {formatNumber(totals[k], i18n.language)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {totals && (totals.averagePreTest !== null || totals.averagePostTest !== null) && (
        <Paper withBorder p="md" radius="md" component="figure" m={0} aria-labelledby="report-chart-title">
          <Title order={3} size="h5" id="report-chart-title">
            {t('reportChart')}
          </Title>
          <Text size="xs" c="dimmed" component="figcaption">
            {t('reportChartCaption', {
              pre: pct(totals.averagePreTest),
              post: pct(totals.averagePostTest),
            })}
          </Text>
          <BarChart
            h={220}
            mt="sm"
            data={[
              {
                label: t('reportChartAverage'),
                pre: totals.averagePreTest ?? 0,
                post: totals.averagePostTest ?? 0,
              },
            ]}
            dataKey="label"
            yAxisProps={{ domain: [0, 100] }}
            valueFormatter={(v) => `${formatNumber(v, i18n.language)}%`}
            withLegend
            series={[
              { name: 'pre', label: t('preTest'), color: 'gray.6' },
              { name: 'post', label: t('postTest'), color: 'teal.7' },
            ]}
          />
        </Paper>
      )}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      <DataTable<CourseReportRow>
        caption={t('reportTitle')}
        rows={report.data?.items}
        loading={report.isPending}
        busy={report.isFetching}
        rowKey={(r) => r.enrolmentId}
        empty={t('reportEmpty')}
        minWidth={1100}
        // One column per COURSE_REPORT_COLUMNS entry, in its order: the export writes the same columns.
        columns={orderColumns([
          {
            key: 'nip',
            header: header('nip'),
            cell: (r) => (
              <Text size="sm" ff="monospace">
                {r.nip}
              </Text>
            ),
            nowrap: true,
          },
          { key: 'name', header: header('name'), cell: (r) => r.name },
          { key: 'unitName', header: header('unitName'), cell: (r) => r.unitName ?? tc('none') },
          {
            key: 'status',
            header: header('status'),
            cell: (r) => <EnrolmentStatusBadge status={r.status} />,
            nowrap: true,
          },
          {
            key: 'progressPercent',
            header: header('progressPercent'),
            nowrap: true,
            cell: (r) => (
              <Group gap={6} wrap="nowrap">
                <Progress value={r.progressPercent} w={80} aria-label={t('progressOf', { name: r.name })} />
                <Text size="sm">{formatPercent(Math.round(r.progressPercent), i18n.language)}</Text>
              </Group>
            ),
          },
          {
            key: 'preTestPercent',
            header: header('preTestPercent'),
            cell: (r) => pct(r.preTestPercent),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'postTestPercent',
            header: header('postTestPercent'),
            cell: (r) => pct(r.postTestPercent),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'gain',
            header: header('gain'),
            cell: (r) => (r.gain === null ? tc('none') : `${r.gain > 0 ? '+' : ''}${r.gain}`),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'timeSpentMinutes',
            header: header('timeSpentMinutes'),
            cell: (r) => t('learnrec.minutes', { count: r.timeSpentMinutes }),
            align: 'right',
            nowrap: true,
          },
          {
            key: 'dueAt',
            header: header('dueAt'),
            nowrap: true,
            cell: (r) =>
              r.dueAt ? (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{formatDateTime(r.dueAt, tz, i18n.language)}</Text>
                </Group>
              ) : (
                tc('none')
              ),
          },
          {
            key: 'overdue',
            header: header('overdue'),
            cell: (r) => (r.overdue ? <OverdueBadge /> : tc('none')),
            nowrap: true,
          },
          {
            key: 'completedAt',
            header: header('completedAt'),
            cell: (r) => (r.completedAt ? formatDateTime(r.completedAt, tz, i18n.language) : tc('none')),
            nowrap: true,
          },
        ])}
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
