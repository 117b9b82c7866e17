import { Anchor, Badge, Group, Select, Stack, Text, Title } from '@mantine/core';
import { AGENCY_LEVELS, TIME_ZONE_LABEL, type Agency, type AgencyLevel } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useAgencies } from '../queries';

const ALL = 'all';

export function AgencyListPage() {
  const { t } = useTranslation('agencies');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const backState = { back: `${location.pathname}${location.search}` };
  useDocumentTitle(t('title'));
  const { values, page, update } = useSearchParamState(['q', 'level'] as const);
  const level = (AGENCY_LEVELS as readonly string[]).includes(values.level) ? (values.level as AgencyLevel) : undefined;
  const query = useAgencies({ q: values.q || undefined, level, page, pageSize: DEFAULT_PAGE_SIZE });

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput
          value={values.q}
          onSearch={(q) => update({ q })}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          maw={360}
        />
        <Select
          label={t('levelLabel')}
          data={[
            { value: ALL, label: tc('all') },
            ...AGENCY_LEVELS.map((l) => ({ value: l, label: tc(`level.${l}`) })),
          ]}
          value={level ?? ALL}
          onChange={(value) => update({ level: value === ALL ? null : value })}
          allowDeselect={false}
          w={180}
        />
      </Group>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <DataTable<Agency>
        caption={t('title')}
        minWidth={720}
        rows={query.data?.items}
        rowKey={(agency) => agency.id}
        loading={query.isPending}
        busy={query.isFetching}
        empty={values.q || level ? tc('noResults') : t('empty')}
        onRowClick={(agency) => void navigate(`/admin/instansi/${agency.id}`, { state: backState })}
        columns={[
          {
            key: 'name',
            header: t('name'),
            cell: (agency) => (
              <>
                <Anchor
                  component={Link}
                  to={`/admin/instansi/${agency.id}`}
                  state={backState}
                  fw={500}
                  onClick={(e) => e.stopPropagation()}
                >
                  {agency.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {agency.code}
                </Text>
              </>
            ),
          },
          { key: 'level', header: t('level'), cell: (agency) => tc(`level.${agency.level}`) },
          {
            key: 'timeZone',
            header: t('timeZone'),
            cell: (agency) => (
              <Badge variant="light" color="gray">
                {TIME_ZONE_LABEL[agency.timeZone]}
              </Badge>
            ),
          },
          { key: 'hrBody', header: t('hrBody'), cell: (agency) => agency.hrBodyName ?? tc('none') },
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
