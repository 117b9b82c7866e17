import { Anchor, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { AGENCY_LEVELS, TIME_ZONE_LABEL, type AgencyLevel } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { TableMessageRow } from '../../../shared/components/TableStates';
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
  const items = query.data?.items ?? [];

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={values.q} onSearch={(q) => update({ q })} label={t('searchLabel')} placeholder={t('searchPlaceholder')} maw={360} />
        <Select
          label={t('levelLabel')}
          data={[{ value: ALL, label: tc('all') }, ...AGENCY_LEVELS.map((l) => ({ value: l, label: tc(`level.${l}`) }))]}
          value={level ?? ALL}
          onChange={(value) => update({ level: value === ALL ? null : value })}
          allowDeselect={false}
          w={180}
        />
      </Group>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <Paper withBorder radius="md" p={0}>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped aria-busy={query.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('name')}</Table.Th>
                <Table.Th scope="col">{t('level')}</Table.Th>
                <Table.Th scope="col">{t('timeZone')}</Table.Th>
                <Table.Th scope="col">{t('hrBody')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isPending && <TableMessageRow colSpan={4} loading />}
              {query.isSuccess && items.length === 0 && <TableMessageRow colSpan={4} empty={values.q || level ? tc('noResults') : t('empty')} />}
              {items.map((agency) => (
                <Table.Tr key={agency.id} onClick={() => void navigate(`/admin/instansi/${agency.id}`, { state: backState })} style={{ cursor: 'pointer' }}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/instansi/${agency.id}`} state={backState} fw={500} onClick={(e) => e.stopPropagation()}>
                      {agency.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {agency.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{tc(`level.${agency.level}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {TIME_ZONE_LABEL[agency.timeZone]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{agency.hrBodyName ?? tc('none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {query.data && <PaginationBar page={query.data.page} pageSize={query.data.pageSize} total={query.data.total} onChange={(p) => update({ page: p })} />}
    </Stack>
  );
}
