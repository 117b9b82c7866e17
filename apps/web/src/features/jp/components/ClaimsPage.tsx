import { Anchor, Badge, Card, Grid, Select, Stack, Text, Title } from '@mantine/core';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { JP_CLAIM_STATUSES, type JpClaim, type JpClaimStatus } from '@kompeten/shared-contracts';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { formatDate, formatNumber } from '../../../shared/format';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { downloadEvidence } from '../api';
import { useMyClaims } from '../queries';
import { ClaimForm } from './ClaimForm';
import { WARNING_TEXT } from '../../courses/colors';

export const CLAIM_STATUS_COLOR: Record<JpClaimStatus, string> = {
  pending: 'blue',
  verified: 'kompeten',
  rejected: 'orange',
};

/** "14–15 Sep 2026" style: one date, or start and end. */
export function claimDates(c: Pick<JpClaim, 'startDate' | 'endDate'>, lng: string): string {
  return c.startDate === c.endDate
    ? formatDate(c.endDate, lng)
    : `${formatDate(c.startDate, lng)} – ${formatDate(c.endDate, lng)}`;
}

/** /jp/claims — claim learning done outside Kompeten, with evidence, and follow what became of the claims. */
export function ClaimsPage() {
  const { t, i18n } = useTranslation('jp');
  useDocumentTitle(t('claims.title'));
  const { values, page, update } = useSearchParamState(['status'] as const);
  const status = (JP_CLAIM_STATUSES as readonly string[]).includes(values.status)
    ? (values.status as JpClaimStatus)
    : undefined;
  const claims = useMyClaims({ status, page, pageSize: DEFAULT_PAGE_SIZE });
  const n = (v: number) => formatNumber(v, i18n.language);

  return (
    <Stack gap="lg">
      <PageHeader title={t('claims.title')} intro={t('claims.intro')} introMaw={760} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card component="section" aria-labelledby="claim-form-heading">
            <Title order={2} size="h3" id="claim-form-heading" mb="sm">
              {t('claims.formTitle')}
            </Title>
            <ClaimForm />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="sm" component="section" aria-labelledby="claim-list-heading">
            <Title order={2} size="h3" id="claim-list-heading">
              {t('claims.listTitle')}
            </Title>
            <Select
              label={t('claims.statusFilter')}
              data={JP_CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claims.status.${s}`) }))}
              value={status ?? null}
              onChange={(v) => update({ status: v })}
              clearable
              w={240}
            />
            {claims.isError && <ErrorAlert error={claims.error} onRetry={() => void claims.refetch()} />}
            <DataTable<JpClaim>
              caption={t('claims.listTitle')}
              rows={claims.data?.items}
              loading={claims.isPending}
              busy={claims.isFetching}
              rowKey={(c) => c.id}
              empty={t('claims.empty')}
              minWidth={560}
              columns={[
                {
                  key: 'activity',
                  header: t('verification.activity'),
                  cell: (c) => (
                    <Stack gap={0}>
                      <Text size="sm" fw={500}>
                        {c.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {c.jenisDiklatName} · {c.organiser}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {claimDates(c, i18n.language)} · {n(c.quantity)} {t(`unit.${c.unit}`)}
                      </Text>
                      {c.evidenceName && (
                        <Anchor component="button" type="button" size="xs" onClick={() => void downloadEvidence(c)}>
                          {c.evidenceName}
                        </Anchor>
                      )}
                    </Stack>
                  ),
                },
                {
                  key: 'status',
                  header: t('claims.statusFilter'),
                  cell: (c) => (
                    <Stack gap={2}>
                      <Badge
                        variant="light"
                        color={CLAIM_STATUS_COLOR[c.status]}
                        c={c.status === 'rejected' ? WARNING_TEXT : undefined}
                      >
                        {t(`claims.status.${c.status}`)}
                      </Badge>
                      {c.status === 'rejected' && c.decisionReason && (
                        <Text size="xs">{t('claims.rejectedBecause', { reason: c.decisionReason })}</Text>
                      )}
                      {c.reversed && <Text size="xs">{t('claims.reversedNote')}</Text>}
                    </Stack>
                  ),
                },
                {
                  key: 'jp',
                  header: t('col.jp'),
                  align: 'right',
                  nowrap: true,
                  cell: (c) => (c.creditedJp === null ? '—' : t('claims.credited', { jp: n(c.creditedJp) })),
                },
              ]}
            />
            {claims.data && (
              <PaginationBar
                page={claims.data.page}
                pageSize={claims.data.pageSize}
                total={claims.data.total}
                onChange={(p) => update({ page: p })}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
