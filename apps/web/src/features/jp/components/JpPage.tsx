import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { ErrorCode, JP_CHANNELS, type JpLedgerLine } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { shares } from '../labels';
import { useMyLines, useMySummary, useMyYears, useNextCourses } from '../queries';
import { JpProgressRing } from './JpProgressRing';

const CHANNEL_COLOR = { formal: 'blue', social: 'grape', experiential: 'teal' } as const;
const REFERENCE = { formal: 10, social: 20, experiential: 70 } as const;
const MONTHS = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** JP per month as bars (plain elements: no chart library on this page), with the numbers as a hidden table. */
function MonthBars({ values, months, label }: { values: number[]; months: string[]; label: string }) {
  const { i18n } = useTranslation();
  const max = Math.max(1, ...values);
  return (
    <>
      <Group gap={4} align="flex-end" h={140} wrap="nowrap" aria-hidden>
        {values.map((v, i) => (
          <Stack key={i} gap={2} align="center" justify="flex-end" style={{ flex: 1, height: '100%' }}>
            <Text size="xs" c="dimmed">
              {v > 0 ? formatNumber(v, i18n.language) : ''}
            </Text>
            <Box
              w="100%"
              bg={v > 0 ? 'kompeten.6' : 'gray.2'}
              style={{ height: `${Math.max(2, (v / max) * 100)}%`, borderRadius: 2 }}
            />
            <Text size="xs">{months[i]}</Text>
          </Stack>
        ))}
      </Group>
      <VisuallyHidden>
        <table>
          <caption>{label}</caption>
          <tbody>
            {values.map((v, i) => (
              <tr key={i}>
                <th scope="row">{months[i]}</th>
                <td>{formatNumber(v, i18n.language)} JP</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </>
  );
}

/** /jp — my JP: the year against the target, the 10:20:70 mix, forms and kinds, months, lines, years, what next. */
export function JpPage() {
  const { t, i18n } = useTranslation('jp');
  useDocumentTitle(t('title'));
  const { values, page, update } = useSearchParamState(['year'] as const);
  const year = values.year ? Number(values.year) : undefined;
  const summary = useMySummary(year);
  const shownYear = summary.data?.year ?? year;
  const lines = useMyLines({ year: shownYear, page, pageSize: DEFAULT_PAGE_SIZE });
  const years = useMyYears({ page: 1, pageSize: 50 });
  const next = useNextCourses({ page: 1, pageSize: 5 });
  const n = (v: number) => formatNumber(v, i18n.language);

  if (summary.error instanceof ApiError && summary.error.code === ErrorCode.JP_NO_EMPLOYEE) {
    return (
      <Stack gap="md">
        <PageHeader title={t('title')} intro={t('intro')} />
        <Alert variant="light">{t('noEmployee')}</Alert>
      </Stack>
    );
  }

  const s = summary.data;
  const channelShares = s ? shares(JP_CHANNELS.map((c) => s.channels[c])) : [0, 0, 0];
  // This year (the browser's clock), the year shown and every year with JP, newest first.
  const yearOptions = [
    ...new Set([new Date().getFullYear(), ...(s ? [s.year] : []), ...(years.data?.items ?? []).map((y) => y.year)]),
  ]
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), label: String(y) }));
  const months = MONTHS[i18n.language === 'en' ? 'en' : 'id'];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <PageHeader title={t('title')} intro={t('intro')} introMaw={720} />
        <Group gap="sm" align="flex-end">
          <Select
            label={t('year')}
            data={yearOptions}
            value={shownYear ? String(shownYear) : null}
            onChange={(v) => update({ year: v })}
            allowDeselect={false}
            w={120}
          />
          <Button component={Link} to="/jp/claims" variant="light">
            {t('claimCta')}
          </Button>
        </Group>
      </Group>

      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.isPending && <LoadingBlock />}

      {s && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card component="section" aria-labelledby="jp-year-heading">
            <Title order={2} size="h3" id="jp-year-heading" mb="sm">
              {t('yearTitle', { year: s.year })}
            </Title>
            <JpProgressRing summary={s} />
          </Card>

          <Card component="section" aria-labelledby="jp-mix-heading">
            <Title order={2} size="h3" id="jp-mix-heading">
              {t('mix')}
            </Title>
            <Text size="xs" c="dimmed" mb="sm">
              {t('mixIntro')}
            </Text>
            <Stack gap="sm">
              {JP_CHANNELS.map((c, i) => (
                <div key={c}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={500}>
                      {t(`channel.${c}`)}{' '}
                      <Text span size="xs" c="dimmed">
                        ({REFERENCE[c]}%)
                      </Text>
                    </Text>
                    <Text size="sm">{t('channelShare', { jp: n(s.channels[c]), percent: channelShares[i] })}</Text>
                  </Group>
                  <Progress
                    value={channelShares[i]}
                    color={CHANNEL_COLOR[c]}
                    aria-label={`${t(`channel.${c}`)}: ${channelShares[i]}%`}
                  />
                </div>
              ))}
            </Stack>
          </Card>

          <Card component="section" aria-labelledby="jp-form-heading">
            <Title order={2} size="h3" id="jp-form-heading" mb="sm">
              {t('byForm')}
            </Title>
            {s.byForm.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('nothingYet')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {s.byForm.map((f) => (
                  <Group key={f.jenisDiklatId} component="li" justify="space-between" gap="xs">
                    <Text size="sm">{f.name}</Text>
                    <Text size="sm" fw={500}>
                      {n(f.jp)} JP
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
            <Title order={3} size="h5" mt="md" mb="xs">
              {t('byKind')}
            </Title>
            {s.byCompetencyKind.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('nothingYet')}
              </Text>
            ) : (
              <Group gap="xs">
                {s.byCompetencyKind.map((k) => (
                  <Badge key={k.kind} variant="light" color="gray" c="dark">
                    {t(`kind.${k.kind as 'teknis'}`, { defaultValue: k.kind })}: {n(k.jp)} JP
                  </Badge>
                ))}
              </Group>
            )}
          </Card>

          <Card component="section" aria-labelledby="jp-month-heading">
            <Title order={2} size="h3" id="jp-month-heading" mb="sm">
              {t('months')}
            </Title>
            <MonthBars values={s.monthlyJp} months={months} label={t('monthsLabel', { year: s.year })} />
          </Card>
        </SimpleGrid>
      )}

      <Stack gap="sm" component="section" aria-labelledby="jp-lines-heading">
        <Title order={2} size="h3" id="jp-lines-heading">
          {t('lines')}
        </Title>
        {lines.isError && <ErrorAlert error={lines.error} onRetry={() => void lines.refetch()} />}
        <DataTable<JpLedgerLine>
          caption={t('lines')}
          rows={lines.data?.items}
          loading={lines.isPending}
          busy={lines.isFetching}
          rowKey={(l) => l.id}
          empty={t('linesEmpty')}
          minWidth={820}
          columns={[
            { key: 'date', header: t('col.date'), cell: (l) => formatDate(l.occurredOn, i18n.language), nowrap: true },
            {
              key: 'activity',
              header: t('col.activity'),
              cell: (l) => (
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {l.title}
                  </Text>
                  {l.organiser && (
                    <Text size="xs" c="dimmed">
                      {l.organiser}
                    </Text>
                  )}
                  {l.reversesId && (
                    <Text size="xs" c="dimmed">
                      {t('reversal', { reason: l.reason ?? '' })}
                    </Text>
                  )}
                  {l.calculation?.cappedBy && (
                    <Text size="xs" c="dimmed">
                      {t(`capped.${l.calculation.cappedBy}`, { raw: n(l.calculation.rawJp) })}
                    </Text>
                  )}
                </Stack>
              ),
            },
            { key: 'form', header: t('col.form'), cell: (l) => l.jenisDiklatName },
            {
              key: 'source',
              header: t('col.source'),
              cell: (l) => (
                <Stack gap={2}>
                  <Text size="sm">{t(`source.${l.sourceType}`)}</Text>
                  <Text size="xs" c="dimmed">
                    {t(`channel.${l.channel}`)}
                  </Text>
                </Stack>
              ),
            },
            {
              key: 'rule',
              header: t('col.rule'),
              cell: (l) =>
                l.ruleSetAgencyName
                  ? t('ruleAgency', {
                      agency: l.ruleSetAgencyName,
                      date: formatDate(l.ruleSetEffectiveFrom, i18n.language),
                    })
                  : t('ruleNational', { date: formatDate(l.ruleSetEffectiveFrom, i18n.language) }),
            },
            {
              key: 'jp',
              header: t('col.jp'),
              align: 'right',
              nowrap: true,
              cell: (l) => (
                <Stack gap={0} align="flex-end">
                  <Text size="sm" fw={600} td={l.reversedById ? 'line-through' : undefined}>
                    {n(l.jp)}
                  </Text>
                  {l.reversedById && (
                    <Text size="xs" c="dimmed">
                      {t('reversed')}
                    </Text>
                  )}
                </Stack>
              ),
            },
          ]}
        />
        {lines.data && (
          <PaginationBar
            page={lines.data.page}
            pageSize={lines.data.pageSize}
            total={lines.data.total}
            onChange={(p) => update({ page: p })}
          />
        )}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card component="section" aria-labelledby="jp-next-heading">
          <Title order={2} size="h3" id="jp-next-heading">
            {t('next')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('nextIntro')}
          </Text>
          {next.isError && <ErrorAlert error={next.error} onRetry={() => void next.refetch()} />}
          {next.isPending && <LoadingBlock />}
          {next.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('nextEmpty')}
            </Text>
          )}
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {next.data?.items.map((c) => (
              <Group key={c.courseId} component="li" justify="space-between" gap="xs" wrap="nowrap">
                <Stack gap={0}>
                  <Anchor
                    component={Link}
                    to={
                      c.enrolmentId && c.enrolmentStatus === 'active'
                        ? `/belajar/${c.enrolmentId}`
                        : `/katalog/${c.courseId}`
                    }
                    size="sm"
                    fw={500}
                  >
                    {c.title}
                  </Anchor>
                  {(c.enrolmentStatus || c.enrolmentMode === 'approval') && (
                    <Text size="xs" c="dimmed">
                      {c.enrolmentStatus === 'active'
                        ? t('nextEnrolled')
                        : c.enrolmentStatus === 'pending_approval'
                          ? t('nextPending')
                          : t('nextApproval')}
                    </Text>
                  )}
                </Stack>
                <Badge variant="light">{t('nextJp', { jp: n(c.jp) })}</Badge>
              </Group>
            ))}
          </Stack>
        </Card>

        <Card component="section" aria-labelledby="jp-years-heading">
          <Title order={2} size="h3" id="jp-years-heading" mb="sm">
            {t('years')}
          </Title>
          {years.isError && <ErrorAlert error={years.error} onRetry={() => void years.refetch()} />}
          {years.data?.items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('yearsEmpty')}
            </Text>
          )}
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {years.data?.items.map((y) => (
              <Group key={y.year} component="li" justify="space-between" gap="xs">
                <Anchor component="button" type="button" size="sm" onClick={() => update({ year: y.year })}>
                  {t('yearRow', { year: y.year, total: n(y.totalJp) })}
                </Anchor>
                <Badge variant="light" color={y.standing === 'met' ? 'kompeten' : 'gray'} c="dark">
                  {t(`standing.${y.standing}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
