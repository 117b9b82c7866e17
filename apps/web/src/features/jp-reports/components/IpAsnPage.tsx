import { useState } from 'react';
import { Anchor, Badge, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { IpAsnAggregate, IpAsnPerson, IpAsnSummary } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useIpAsnPeople, useIpAsnSummary } from '../queries';
import { useReportParams } from '../report-params';
import { IpAsnEstimateModal } from './IpAsnEstimateModal';
import { childLabel } from './labels';
import { ReportToolbar } from './ReportToolbar';
import { formatNumber } from '../../../shared/format';
import { StatCard } from './StatCard';

const PAGE_SIZE = 25;
type ChildRow = IpAsnSummary['children'][number];

/**
 * /jp/ip-asn — the competency dimension of IP ASN estimated from the JP ledger per ASN, unit and agency (DOMAIN.md §4),
 * official scores beside it where SIASN has them. Same nodes and drill-down as the compliance page.
 */
export function IpAsnPage() {
  const { t, i18n } = useTranslation('jpReports');
  useDocumentTitle(t('ipAsn.title'));
  const report = useReportParams();
  const summary = useIpAsnSummary(report.params);
  const people = useIpAsnPeople({
    ...report.params,
    q: report.values.q || undefined,
    page: report.page,
    pageSize: PAGE_SIZE,
  });
  const [detail, setDetail] = useState<IpAsnPerson | null>(null);
  const s = summary.data;
  const nf = { format: (v: number) => formatNumber(v, i18n.language) };
  const num = (v: number | null | undefined) => (v === null || v === undefined ? t('none') : nf.format(v));
  const inputs = (a: IpAsnAggregate) => a.inputs.filter((i) => i.eligible > 0);
  const childLevel = t(`levels.${s?.children.some((c) => c.kind === 'agency') ? 'agency' : 'unit'}`).toLowerCase();

  return (
    <Stack gap="lg">
      <PageHeader title={t('ipAsn.title')} intro={t('ipAsn.intro')} introMaw={820} />
      <ReportToolbar
        report={report}
        breadcrumb={s?.breadcrumb}
        year={s?.year}
        employeeType={report.params.employeeType}
      />
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {s && (
        <>
          <Text size="sm" c="dimmed">
            {t('ipAsn.scheme', { version: s.scheme.version, basis: s.scheme.legalBasis })}. {t('ipAsn.bandsNote')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" aria-busy={summary.isFetching}>
            <StatCard
              label={t('ipAsn.cards.asn')}
              value={num(s.totals.asnCount)}
              hint={t('ipAsn.cards.estimated', { count: s.totals.estimatedCount })}
            />
            <StatCard
              label={t('ipAsn.cards.averagePoints')}
              value={`${num(s.totals.averagePoints)} / ${s.scheme.rules.maxPoints}`}
              hint={t('ipAsn.cards.averagePercent', { percent: num(s.totals.averagePercent) })}
            />
            <StatCard
              label={t('ipAsn.cards.official')}
              value={num(s.totals.officialCount)}
              hint={t('ipAsn.cards.officialAverage', { average: num(s.totals.officialAverage) })}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h5">
                {t('ipAsn.inputsTitle')}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t('ipAsn.inputsCaption')}
              </Text>
              <DataTable
                caption={t('ipAsn.inputsTitle')}
                rows={inputs(s.totals)}
                rowKey={(i) => `${i.jobKind}-${i.key}`}
                minWidth={420}
                columns={[
                  { key: 'kind', header: t('ipAsn.people.jobKind'), cell: (i) => t(`positionKinds.${i.jobKind}`) },
                  { key: 'input', header: t('ipAsn.input'), cell: (i) => i.label },
                  { key: 'points', header: t('ipAsn.points'), cell: (i) => num(i.points), align: 'right' },
                  {
                    key: 'met',
                    header: t('ipAsn.met'),
                    cell: (i) => `${num(i.met)} / ${num(i.eligible)}`,
                    align: 'right',
                  },
                ]}
              />
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h5" mb="xs">
                {t('ipAsn.officialBands')}
              </Title>
              <DataTable
                caption={t('ipAsn.officialBands')}
                rows={s.totals.officialBands}
                rowKey={(b) => b.label}
                minWidth={280}
                columns={[
                  { key: 'label', header: t('compliance.groupKey'), cell: (b) => b.label },
                  { key: 'count', header: t('compliance.columns.asnCount'), cell: (b) => num(b.count), align: 'right' },
                ]}
              />
            </Paper>
          </SimpleGrid>
          <DataTable<ChildRow>
            caption={t('ipAsn.children.caption', { level: childLevel })}
            rows={s.children}
            busy={summary.isFetching}
            rowKey={(c) => `${c.kind}-${c.id ?? 'none'}`}
            empty={t('compliance.children.empty')}
            minWidth={720}
            columns={[
              {
                key: 'name',
                header: t('compliance.columns.name'),
                cell: (c) =>
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
              },
              { key: 'asn', header: t('compliance.columns.asnCount'), cell: (c) => num(c.asnCount), align: 'right' },
              {
                key: 'points',
                header: t('ipAsn.children.averagePoints'),
                cell: (c) => num(c.averagePoints),
                align: 'right',
              },
              {
                key: 'percent',
                header: t('ipAsn.children.averagePercent'),
                cell: (c) => num(c.averagePercent),
                align: 'right',
              },
              {
                key: 'official',
                header: t('ipAsn.children.officialCount'),
                cell: (c) => num(c.officialCount),
                align: 'right',
              },
            ]}
          />
        </>
      )}
      <Stack gap="xs">
        <SearchInput
          value={report.values.q}
          onSearch={(q) => report.update({ q })}
          label={t('compliance.people.search')}
          maw={320}
        />
        {people.isError && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
        <DataTable<IpAsnPerson>
          caption={t('ipAsn.people.caption')}
          rows={people.data?.items}
          loading={people.isPending}
          busy={people.isFetching}
          rowKey={(p) => p.employeeId}
          empty={t('ipAsn.people.empty')}
          minWidth={1000}
          columns={[
            {
              key: 'nip',
              header: t('compliance.columns.nip'),
              nowrap: true,
              cell: (p) => (
                <Text size="sm" ff="monospace">
                  {p.nip}
                </Text>
              ),
            },
            { key: 'name', header: t('compliance.columns.name'), cell: (p) => p.name },
            { key: 'unit', header: t('compliance.columns.unitName'), cell: (p) => p.unitName ?? t('none') },
            {
              key: 'kind',
              header: t('ipAsn.people.jobKind'),
              cell: (p) => t(`positionKinds.${p.jobKind ?? 'none'}`),
            },
            {
              key: 'estimate',
              header: t('ipAsn.people.estimate'),
              align: 'right',
              nowrap: true,
              cell: (p) =>
                p.points === null ? (
                  <Badge color="gray" variant="light">
                    {t('ipAsn.people.notEstimated')}
                  </Badge>
                ) : (
                  `${num(p.points)} (${num(p.percent)} %)`
                ),
            },
            {
              key: 'official',
              header: t('ipAsn.people.official'),
              nowrap: true,
              cell: (p) => (p.officialTotal === null ? t('none') : `${num(p.officialTotal)} — ${p.officialCategory}`),
            },
            {
              key: 'detail',
              header: t('ipAsn.people.detail'),
              hiddenHeader: true,
              cell: (p) => (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setDetail(p)}
                  aria-label={t('ipAsn.people.detailOf', { name: p.name })}
                >
                  {t('ipAsn.people.detail')}
                </Button>
              ),
            },
          ]}
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
