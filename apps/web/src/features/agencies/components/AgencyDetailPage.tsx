import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { TIME_ZONE_LABEL, type WorkUnit } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DetailList, Field } from '../../../shared/components/DetailList';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { LoadingBlock } from '../../../shared/components/FullPageLoader';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useAgency, useUnits } from '../queries';

export function AgencyDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('agencies');
  const { t: tc } = useTranslation();
  const agency = useAgency(id);
  const location = useLocation();
  const back = (location.state as { back?: unknown } | null)?.back;
  const backTo = typeof back === 'string' && back.startsWith('/admin/instansi') ? back : '/admin/instansi';
  const parent = useAgency(agency.data?.parentId ?? undefined);
  useDocumentTitle(agency.data?.name ?? t('detailTitle'));
  const { values, page, update } = useSearchParamState(['q'] as const);
  const units = useUnits(id, { q: values.q || undefined, page, pageSize: DEFAULT_PAGE_SIZE });

  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm">
        ← {t('backToList')}
      </Anchor>

      {agency.isPending && <LoadingBlock />}
      {agency.isError && <ErrorAlert error={agency.error} onRetry={() => void agency.refetch()} />}

      {agency.data && (
        <>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Title order={1}>{agency.data.name}</Title>
              <Text c="dimmed" size="sm">
                {agency.data.code} · {tc(`level.${agency.data.level}`)}
              </Text>
            </Stack>
            <Button component={Link} to={`/admin/pegawai?agencyId=${agency.data.id}`} variant="light">
              {t('viewEmployees')}
            </Button>
          </Group>

          <Card>
            <DetailList columns={3}>
              <Field label={t('timeZone')}>
                <Badge variant="light" color="gray">
                  {TIME_ZONE_LABEL[agency.data.timeZone]}
                </Badge>{' '}
                <Text component="span" size="sm" c="dimmed">
                  {agency.data.timeZone}
                </Text>
              </Field>
              <Field label={t('hrBody')}>{agency.data.hrBodyName ?? tc('none')}</Field>
              <Field label={t('parent')}>
                {agency.data.parentId && parent.isError ? (
                  // The parent (e.g. the province of a regency admin) lies outside the caller's scope.
                  tc('none')
                ) : agency.data.parentId ? (
                  <Anchor component={Link} to={`/admin/instansi/${agency.data.parentId}`}>
                    {parent.data?.name ?? tc('loading')}
                  </Anchor>
                ) : (
                  tc('none')
                )}
              </Field>
              <Field label={t('siasn')}>{agency.data.siasnInstansiId ?? tc('none')}</Field>
            </DetailList>
          </Card>

          <Stack gap="sm" component="section" aria-labelledby="units-heading">
            <Title order={2} id="units-heading">
              {t('units')}
            </Title>
            <SearchInput
              value={values.q}
              onSearch={(q) => update({ q })}
              label={t('unitSearchLabel')}
              placeholder={t('unitSearchPlaceholder')}
              maw={360}
            />
            {units.isError && <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />}
            <DataTable<WorkUnit>
              caption={t('units')}
              minWidth={480}
              rows={units.data?.items}
              rowKey={(unit) => unit.id}
              loading={units.isPending}
              busy={units.isFetching}
              empty={values.q ? tc('noResults') : t('unitsEmpty')}
              columns={[
                {
                  key: 'code',
                  header: t('unitCode'),
                  cell: (unit) => (
                    <Text size="sm" ff="monospace">
                      {unit.code}
                    </Text>
                  ),
                },
                {
                  key: 'name',
                  header: t('unitName'),
                  cell: (unit) => unit.name,
                  cellStyle: (unit) => ({
                    paddingInlineStart: `calc(var(--mantine-spacing-sm) + ${Math.max(0, unit.depth) * 16}px)`,
                  }),
                },
                {
                  key: 'employees',
                  header: t('unitEmployees'),
                  cell: (unit) => (
                    <Anchor
                      component={Link}
                      to={`/admin/pegawai?agencyId=${unit.agencyId}&unitId=${unit.id}`}
                      size="sm"
                      aria-label={t('unitEmployeesLink', { name: unit.name })}
                    >
                      {t('unitEmployees')}
                    </Anchor>
                  ),
                },
              ]}
            />
            {units.data && (
              <PaginationBar
                page={units.data.page}
                pageSize={units.data.pageSize}
                total={units.data.total}
                onChange={(p) => update({ page: p })}
              />
            )}
          </Stack>
        </>
      )}
    </Stack>
  );
}
