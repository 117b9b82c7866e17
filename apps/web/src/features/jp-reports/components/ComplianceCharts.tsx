import '@mantine/charts/styles.css';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ComplianceSummary, ComplianceTrend } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n';
import { formatNumber } from '../../../shared/format';
import { childLabel } from './labels';

const MIX_KEYS = ['formal', 'social', 'experiential'] as const;

function ChartCard({ title, caption, children }: { title: string; caption: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <div>
          <Title order={2} size="h5">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {caption}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** Bars per child, the distribution histogram, the 10:20:70 donut and the month trend of one node. */
export function ComplianceCharts({
  summary,
  trend,
}: {
  summary: ComplianceSummary;
  trend: ComplianceTrend | undefined;
}) {
  const { t, i18n } = useTranslation('jpReports');
  const nf = { format: (v: number) => formatNumber(v, i18n.language) };
  const months = new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'short', timeZone: 'UTC' });
  const childLevel = t(`levels.${summary.children.some((c) => c.kind === 'agency') ? 'agency' : 'unit'}`).toLowerCase();
  const byChild = summary.children.map((c) => ({
    name: childLabel(t, c),
    reached: c.reachedCount,
    notReached: c.asnCount - c.reachedCount,
  }));
  const { mix } = summary.totals;
  const mixData = [
    { name: t('compliance.charts.formal'), value: mix.formalJp, color: 'blue.6' },
    { name: t('compliance.charts.social'), value: mix.socialJp, color: 'teal.6' },
    { name: t('compliance.charts.experiential'), value: mix.experientialJp, color: 'orange.6' },
  ];
  const hasJp = mix.formalJp + mix.socialJp + mix.experientialJp > 0;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {byChild.length > 0 && (
        <ChartCard
          title={t('compliance.charts.byChild', { level: childLevel })}
          caption={t('compliance.charts.byChildCaption')}
        >
          <BarChart
            h={Math.max(220, byChild.length * 34)}
            data={byChild}
            dataKey="name"
            type="stacked"
            orientation="vertical"
            yAxisProps={{ width: 170 }}
            valueFormatter={(v) => nf.format(v)}
            withLegend
            series={[
              { name: 'reached', label: t('compliance.charts.reachedSeries'), color: 'teal.6' },
              { name: 'notReached', label: t('compliance.charts.notReachedSeries'), color: 'red.5' },
            ]}
          />
        </ChartCard>
      )}
      <ChartCard title={t('compliance.charts.distribution')} caption={t('compliance.charts.distributionCaption')}>
        <BarChart
          h={240}
          data={summary.distribution.map((d) => ({ bucket: `${d.bucket} JP`, asn: d.count }))}
          dataKey="bucket"
          valueFormatter={(v) => nf.format(v)}
          series={[{ name: 'asn', label: t('compliance.charts.asnSeries'), color: 'indigo.6' }]}
        />
      </ChartCard>
      <ChartCard title={t('compliance.charts.mix')} caption={t('compliance.charts.mixCaption')}>
        {hasJp ? (
          <>
            <DonutChart
              h={240}
              data={mixData}
              withLabels
              withLabelsLine
              withTooltip
              valueFormatter={(v) => `${nf.format(v)} JP`}
              chartLabel={`${nf.format(mix.formalPercent ?? 0)} : ${nf.format(mix.socialPercent ?? 0)} : ${nf.format(mix.experientialPercent ?? 0)}`}
            />
            {/* The donut's figures in words, for screen readers and for anyone who reads rather than looks. */}
            <ul aria-label={t('compliance.charts.mix')} style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {mixData.map((d, i) => (
                <li key={d.name} data-testid={`jp-mix-${MIX_KEYS[i]}`}>
                  <Text size="sm" span>
                    {d.name}: {nf.format(d.value)} JP
                  </Text>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('compliance.charts.noJp')}
          </Text>
        )}
      </ChartCard>
      {trend && (
        <ChartCard title={t('compliance.charts.trend')} caption={t('compliance.charts.trendCaption')}>
          <LineChart
            h={240}
            data={trend.months.map((m) => ({
              month: months.format(new Date(Date.UTC(trend.year, m.month - 1, 1))),
              monthly: m.jp,
              average: m.averageCumulativeJp,
            }))}
            dataKey="month"
            withRightYAxis
            withLegend
            valueFormatter={(v) => nf.format(v)}
            referenceLines={[{ y: trend.targetJp, label: `${trend.targetJp} JP`, color: 'red.6', yAxisId: 'right' }]}
            series={[
              { name: 'monthly', label: t('compliance.charts.monthlySeries'), color: 'indigo.6' },
              { name: 'average', label: t('compliance.charts.averageSeries'), color: 'teal.6', yAxisId: 'right' },
            ]}
          />
        </ChartCard>
      )}
    </SimpleGrid>
  );
}
