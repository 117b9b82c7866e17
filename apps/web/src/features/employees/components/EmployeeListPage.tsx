import { Anchor, Badge, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { EMPLOYEE_TYPES, type Employee, type EmployeeType } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE, rankLabel } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { DataTable } from '../../../shared/components/DataTable';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { SearchInput } from '../../../shared/components/SearchInput';
import { useDocumentTitle } from '../../../shared/hooks/useDocumentTitle';
import { useSearchParamState } from '../../../shared/hooks/useSearchParamState';
import { useAgencyOptions, useUnitOptions } from '../../agencies/queries';
import { ResetRequestsCard } from './ResetRequestsCard';
import { useEmployees } from '../queries';

const ALL = 'all';

export function EmployeeListPage() {
  const { t } = useTranslation('employees');
  const { t: te } = useTranslation('employee');
  const { t: tc } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  // The detail page's "back" link returns to this exact list (filters and page).
  const backState = { back: `${location.pathname}${location.search}` };
  useDocumentTitle(t('title'));

  const { values, page, update } = useSearchParamState(['q', 'agencyId', 'unitId', 'employeeType'] as const);
  const employeeType = (EMPLOYEE_TYPES as readonly string[]).includes(values.employeeType)
    ? (values.employeeType as EmployeeType)
    : undefined;
  const agencyId = values.agencyId || undefined;
  const unitId = agencyId ? values.unitId || undefined : undefined;

  const agencies = useAgencyOptions();
  const units = useUnitOptions(agencyId);
  const query = useEmployees({
    q: values.q || undefined,
    agencyId,
    unitId,
    employeeType,
    page,
    pageSize: DEFAULT_PAGE_SIZE,
  });
  const filtered = !!(values.q || agencyId || unitId || employeeType);

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <ResetRequestsCard />

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <SearchInput
          value={values.q}
          onSearch={(q) => update({ q })}
          label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
        />
        <Select
          label={t('agencyFilter')}
          placeholder={agencies.isPending ? tc('loading') : t('allAgencies')}
          data={agencies.data ?? []}
          value={agencyId ?? null}
          onChange={(value) => update({ agencyId: value, unitId: null })}
          searchable
          clearable
          nothingFoundMessage={tc('noResults')}
          error={agencies.isError ? tc('unknownError') : undefined}
        />
        <Select
          label={t('unitFilter')}
          placeholder={agencyId ? (units.isPending ? tc('loading') : t('allUnits')) : t('unitFilterDisabled')}
          data={units.data ?? []}
          value={unitId ?? null}
          onChange={(value) => update({ unitId: value })}
          disabled={!agencyId}
          searchable
          clearable
          nothingFoundMessage={tc('noResults')}
        />
        <Select
          label={t('typeFilter')}
          data={[{ value: ALL, label: t('allTypes') }, ...EMPLOYEE_TYPES.map((type) => ({ value: type, label: type }))]}
          value={employeeType ?? ALL}
          onChange={(value) => update({ employeeType: value === ALL ? null : value })}
          allowDeselect={false}
        />
      </SimpleGrid>

      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}

      <DataTable<Employee>
        caption={t('title')}
        minWidth={860}
        rows={query.data?.items}
        rowKey={(employee) => employee.id}
        loading={query.isPending}
        busy={query.isFetching}
        empty={filtered ? tc('noResults') : t('empty')}
        onRowClick={(employee) => void navigate(`/admin/pegawai/${employee.id}`, { state: backState })}
        columns={[
          {
            key: 'nip',
            header: te('nip'),
            cell: (employee) => (
              <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {employee.nip}
              </Text>
            ),
          },
          {
            key: 'name',
            header: te('name'),
            cell: (employee) => (
              <Anchor
                component={Link}
                to={`/admin/pegawai/${employee.id}`}
                state={backState}
                fw={500}
                size="sm"
                onClick={(e) => e.stopPropagation()}
              >
                {employee.displayName}
              </Anchor>
            ),
          },
          { key: 'position', header: te('position'), cell: (employee) => employee.positionName ?? tc('none') },
          { key: 'rank', header: te('rank'), cell: (employee) => rankLabel(employee.rank) ?? tc('none'), nowrap: true },
          { key: 'unit', header: te('unit'), cell: (employee) => employee.unitName ?? tc('none') },
          {
            key: 'type',
            header: te('type'),
            cell: (employee) => (
              <Badge variant="light" color={employee.employeeType === 'PNS' ? 'kompeten' : 'indigo'}>
                {employee.employeeType}
              </Badge>
            ),
          },
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
