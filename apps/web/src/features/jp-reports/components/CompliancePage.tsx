import { lazy, Suspense, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  COMPLIANCE_CHILD_COLUMNS,
  COMPLIANCE_PEOPLE_COLUMNS,
  COMPLIANCE_PEOPLE_STATUSES,
  type ComplianceChild,
  type ComplianceExportTable,
  type ComplianceGroup,
  type CompliancePeopleStatus,
  type CompliancePerson,
  type PositionKind,
} from '@kompeten/shared-contracts';
import { rankLabel } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api';
import { DataTable, type DataTableColumn } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { notify } from '../../../shared/notify';
import { downloadComplianceExport } from '../api';
import { useCompliancePeople, useComplianceSummary, useComplianceTrend } from '../queries';
import { useReportParams } from '../report-params';
import { IpAsnEstimateModal } from './IpAsnEstimateModal';
import { childLabel } from './labels';
import { ReportToolbar } from './ReportToolbar';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { useAuth } from '../../../shared/auth/auth-context';
import { StatCard } from './StatCard';

const PAGE_SIZE = 25;

// The charts (recharts) load on their own, so the figures and tables do not wait for them.
const ComplianceCharts = lazy(() => import('./ComplianceCharts').then((m) => ({ default: m.ComplianceCharts })));

/**
 * /jp/compliance — 20 JP compliance for the caller's scope (issue 16): figures, charts, the breakdown per child with
 * drill-down (province → regency/city → unit → sub-unit), position kinds and ranks, and who has not reached 20 JP.
 * The tables show the columns the CSV/XLSX exports write (COMPLIANCE_*_COLUMNS).
 */
export function CompliancePage() {
  const { t, i18n } = useTranslation('jpReports');
  const { t: tc } = useTranslation();
  useDocumentTitle(t('compliance.title'));
  const report = useReportParams();
  const { me } = useAuth();
  const status = (COMPLIANCE_PEOPLE_STATUSES as readonly string[]).includes(report.values.status)
    ? (report.values.status as CompliancePeopleStatus)
    : 'notReached';
  const summary = useComplianceSummary(report.params);
  const trend = useComplianceTrend(report.params);
  const peopleParams = {
    ...report.params,
    status,
    q: report.values.q || undefined,
    page: report.page,
    pageSize: PAGE_SIZE,
  };
  const people = useCompliancePeople(peopleParams);
  const [download, setDownload] = useState<{ key: string; progress: number | null } | null>(null);
  const [detail, setDetail] = useState<CompliancePerson | null>(null);
  const s = summary.data;
  const nf = { format: (v: number) => formatNumber(v, i18n.language) };
  const num = (v: number | null | undefined) => (v === null || v === undefined ? t('none') : nf.format(v));

  const onDownload = async (table: ComplianceExportTable, format: 'csv' | 'xlsx') => {
    const key = `${table}-${format}`;
    setDownload({ key, progress: null });
    try {
      await downloadComplianceExport(peopleParams, table, format, (progress) => setDownload({ key, progress }));
    } catch (error) {
      notify({ color: 'red', title: tc('errorTitle'), message: errorMessage(error) });
    } finally {
      setDownload(null);
    }
  };
  const exportButtons = (table: ComplianceExportTable) => (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {t(`compliance.export.${table}`)}
      </Text>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="compact-sm"
          variant="default"
          onClick={() => void onDownload(table, format)}
          loading={download?.key === `${table}-${format}`}
          disabled={!!download || !s}
          aria-label={`${t(`compliance.export.${table}`)} ${t(`compliance.export.${format}`)}`}
        >
          {t(`compliance.export.${format}`)}
        </Button>
      ))}
    </Group>
  );

  const childColumns: DataTableColumn<ComplianceChild>[] = COMPLIANCE_CHILD_COLUMNS.map((key) => {
    if (key === 'name')
      return {
        key,
        header: t(`compliance.columns.${key}`),
        cellStyle: () => ({ minWidth: 240 }),
        cell: (c: ComplianceChild) =>
          c.drill ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="left"
              onClick={() => report.drillTo(c.drill)}
              aria-label={t('compliance.children.open', { name: childLabel(t, c) })}
            >
              {childLabel(t, c)}
            </Anchor>
          ) : (
            childLabel(t, c)
          ),
      };
    const value = (c: ComplianceChild) =>
      key === 'formalJp' || key === 'socialJp' || key === 'experientialJp' ? c.mix[key] : c[key];
    const header = key === 'totalJp' ? t('compliance.columns.totalJpSum') : t(`compliance.columns.${key}`);
    return { key, header, cell: (c) => num(value(c)), align: 'right', nowrap: true };
  });

  const personColumns: DataTableColumn<CompliancePerson>[] = [
    ...COMPLIANCE_PEOPLE_COLUMNS.map((key): DataTableColumn<CompliancePerson> => {
      switch (key) {
        case 'nip':
          return {
            key,
            header: t('compliance.columns.nip'),
            nowrap: true,
            cell: (p) => (
              <Text size="sm" ff="monospace">
                {p.nip}
              </Text>
            ),
          };
        case 'name':
          return {
            key,
            header: t('compliance.columns.name'),
            cell: (p) => (
              <Stack gap={2}>
                <Text size="sm">{p.name}</Text>
                {p.nonCompliant && (
                  <Badge size="xs" color="red" variant="light">
                    {t('compliance.people.nonCompliant')}
                  </Badge>
                )}
                {p.ceilingJp !== null && p.totalJp < 20 && (
                  <Badge size="xs" color="gray" variant="light">
                    {t('compliance.people.pppkTowardTarget')}
                  </Badge>
                )}
              </Stack>
            ),
          };
        case 'positionKind':
          return {
            key,
            header: t('compliance.columns.positionKind'),
            cell: (p) => t(`positionKinds.${p.positionKind ?? 'none'}`),
          };
        case 'rank':
          return { key, header: t('compliance.columns.rank'), cell: (p) => rankLabel(p.rank) ?? t('none') };
        case 'totalJp':
        case 'owedJp':
        case 'formalJp':
        case 'socialJp':
        case 'experientialJp':
          return {
            key,
            header: t(`compliance.columns.${key}`),
            cell: (p) => num(p[key]),
            align: 'right',
            nowrap: true,
          };
        default:
          return { key, header: t(`compliance.columns.${key}`), cell: (p) => p[key] ?? t('none') };
      }
    }),
    {
      key: 'actions',
      header: t('compliance.people.ipAsn'),
      hiddenHeader: true,
      nowrap: true,
      cell: (p) => (
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setDetail(p)}
          aria-label={t('compliance.people.ipAsnOf', { name: p.name })}
        >
          {t('compliance.people.ipAsn')}
        </Button>
      ),
    },
  ];

  const groupTable = (title: string, rows: ComplianceGroup[], label: (key: string | null) => string) => (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <DataTable<ComplianceGroup>
        caption={title}
        rows={rows}
        rowKey={(r) => r.key ?? 'none'}
        minWidth={420}
        columns={[
          { key: 'group', header: t('compliance.groupKey'), cell: (r) => label(r.key) },
          { key: 'asn', header: t('compliance.columns.asnCount'), cell: (r) => num(r.asnCount), align: 'right' },
          {
            key: 'reached',
            header: t('compliance.columns.reachedCount'),
            cell: (r) => num(r.reachedCount),
            align: 'right',
          },
          {
            key: 'nonCompliant',
            header: t('compliance.columns.nonCompliantCount'),
            cell: (r) => num(r.nonCompliantCount),
            align: 'right',
          },
          { key: 'average', header: t('compliance.columns.averageJp'), cell: (r) => num(r.averageJp), align: 'right' },
        ]}
      />
    </Paper>
  );

  const childLevel = t(`levels.${s?.children.some((c) => c.kind === 'agency') ? 'agency' : 'unit'}`).toLowerCase();
  return (
    <Stack gap="lg">
      <PageHeader title={t('compliance.title')} intro={t('compliance.intro')} introMaw={820} />
      <ReportToolbar
        report={report}
        breadcrumb={s?.breadcrumb}
        year={s?.year}
        employeeType={report.params.employeeType}
      />
      {s?.asOf && (
        <Text size="sm" c="dimmed" data-testid="jp-as-of">
          {t('compliance.asOf', { when: formatDateTime(s.asOf, me?.timeZone ?? 'Asia/Jakarta', i18n.language) })}
        </Text>
      )}
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {download && (
        <div aria-live="polite">
          <Progress
            value={download.progress === null ? 100 : Math.round(download.progress * 100)}
            animated={download.progress === null}
            striped={download.progress === null}
            aria-label={t('compliance.export.progress')}
          />
          <Text size="sm" mt={4}>
            {download.progress === null
              ? t('compliance.export.preparing')
              : t('compliance.export.downloading', { percent: Math.round(download.progress * 100) })}
          </Text>
        </div>
      )}
      {s && (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" aria-busy={summary.isFetching}>
            <StatCard
              label={t('compliance.cards.asn')}
              value={num(s.totals.asnCount)}
              hint={t('compliance.cards.asnHint', { pns: num(s.totals.pnsCount), pppk: num(s.totals.pppkCount) })}
            />
            <StatCard
              label={t('compliance.cards.reached')}
              testId="jp-card-reached"
              value={num(s.totals.reachedCount)}
              color="teal.8"
              hint={t('compliance.cards.reachedHint', { percent: num(s.totals.reachedPercent ?? 0) })}
            />
            <StatCard
              label={t('compliance.cards.nonCompliant')}
              testId="jp-card-noncompliant"
              value={num(s.totals.nonCompliantCount)}
              color="red.8"
              hint={t('compliance.cards.nonCompliantHint', { percent: num(s.totals.pnsCompliancePercent ?? 0) })}
            />
            <StatCard
              label={t('compliance.cards.pppk')}
              value={num(s.totals.pppkBelowTargetCount)}
              hint={t('compliance.cards.pppkHint', { above: num(s.totals.pppkAboveCeilingCount) })}
            />
            <StatCard
              label={t('compliance.cards.average')}
              testId="jp-card-average"
              value={num(s.totals.averageJp)}
              hint={t('compliance.cards.averageHint', { total: num(s.totals.totalJp) })}
            />
          </SimpleGrid>
          <Suspense fallback={<Loader size="sm" aria-label={tc('loading')} />}>
            <ComplianceCharts summary={s} trend={trend.data} />
          </Suspense>
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Title order={2} size="h4">
                {t('compliance.children.title')}
              </Title>
              {exportButtons('children')}
            </Group>
            <DataTable<ComplianceChild>
              caption={t('compliance.children.caption', { level: childLevel })}
              rows={s.children}
              busy={summary.isFetching}
              rowKey={(c) => `${c.kind}-${c.id ?? 'none'}`}
              empty={t('compliance.children.empty')}
              minWidth={1100}
              columns={childColumns}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {groupTable(t('compliance.byPositionKind'), s.byPositionKind, (k) =>
              t(`positionKinds.${(k ?? 'none') as PositionKind | 'none'}`),
            )}
            {groupTable(t('compliance.byRank'), s.byRank, (k) => rankLabel(k) ?? t('positionKinds.none'))}
          </SimpleGrid>
        </>
      )}
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="sm" align="flex-end">
          <Title order={2} size="h4">
            {t('compliance.people.title')}
          </Title>
          {exportButtons('people')}
        </Group>
        <Group align="flex-end" gap="md" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="jp-status-label">
              {t('compliance.people.status')}
            </Text>
            <SegmentedControl
              aria-labelledby="jp-status-label"
              value={status}
              onChange={(v) => report.update({ status: v === 'notReached' ? null : v })}
              data={COMPLIANCE_PEOPLE_STATUSES.map((v) => ({ value: v, label: t(`compliance.people.statuses.${v}`) }))}
            />
          </Stack>
          <SearchInput
            value={report.values.q}
            onSearch={(q) => report.update({ q })}
            label={t('compliance.people.search')}
            maw={320}
          />
        </Group>
        {people.isError && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
        <DataTable<CompliancePerson>
          caption={t('compliance.people.caption')}
          rows={people.data?.items}
          loading={people.isPending}
          busy={people.isFetching}
          rowKey={(p) => p.employeeId}
          empty={t('compliance.people.empty')}
          minWidth={1400}
          columns={personColumns}
        />
        {people.data && (
          <PaginationBar
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            onChange={(page) => report.update({ page })}
          />
        )}
      </Stack>
      <IpAsnEstimateModal
        employeeId={detail?.employeeId ?? null}
        name={detail?.name ?? ''}
        year={s?.year}
        onClose={() => setDetail(null)}
      />
    </Stack>
  );
}
