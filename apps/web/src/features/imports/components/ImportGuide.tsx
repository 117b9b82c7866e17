import { useState } from 'react';
import { Accordion, Badge, Code, Stack, Table, Text } from '@mantine/core';
import { EMPLOYEE_IMPORT_COLUMNS } from '@kompeten/shared-contracts';
import { DEFAULT_PAGE_SIZE } from '@kompeten/shared-util';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/ErrorAlert';
import { PaginationBar } from '../../../shared/components/PaginationBar';
import { useUnits } from '../../agencies/queries';

/** The agency's work-unit codes for the kode_unit column, a page at a time. */
function UnitCodes({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('imports');
  const [page, setPage] = useState(1);
  const units = useUnits(agencyId, { page, pageSize: DEFAULT_PAGE_SIZE });
  if (units.isError) return <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />;
  if (!units.data) return <Text size="sm">{t('guide.loadingUnits')}</Text>;
  if (units.data.total === 0) return <Text size="sm">{t('guide.noUnits')}</Text>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer
        minWidth={320}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t('guide.unitsCaption')}
      >
        <Table striped>
          <Table.Caption>{t('guide.unitsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={180}>
                {t('guide.unitCode')}
              </Table.Th>
              <Table.Th scope="col">{t('guide.unitName')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.data.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Code>{u.code}</Code>
                </Table.Td>
                <Table.Td>{u.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <PaginationBar
        page={units.data.page}
        pageSize={units.data.pageSize}
        total={units.data.total}
        onChange={setPage}
      />
    </Stack>
  );
}

/** What the file must hold: every column (required ones marked) and the agency's unit codes. */
export function ImportGuide({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation('imports');
  return (
    <Accordion variant="separated" multiple defaultValue={['columns']}>
      <Accordion.Item value="columns">
        <Accordion.Control>{t('guide.columnsTitle')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" mb="sm">
            {t('guide.columnsIntro')}
          </Text>
          <Table.ScrollContainer
            minWidth={320}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('guide.columnsCaption')}
          >
            <Table striped>
              <Table.Caption>{t('guide.columnsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={170}>
                    {t('guide.column')}
                  </Table.Th>
                  <Table.Th scope="col">{t('guide.meaning')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {EMPLOYEE_IMPORT_COLUMNS.map((c) => (
                  <Table.Tr key={c.header}>
                    <Table.Td>
                      <Code>{c.header}</Code>{' '}
                      {c.required && (
                        <Badge size="xs" color="red" variant="light">
                          {t('guide.required')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`columns.${c.header}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Accordion.Panel>
      </Accordion.Item>
      {agencyId && (
        <Accordion.Item value="units">
          <Accordion.Control>{t('guide.unitsTitle')}</Accordion.Control>
          <Accordion.Panel>
            <UnitCodes agencyId={agencyId} />
          </Accordion.Panel>
        </Accordion.Item>
      )}
    </Accordion>
  );
}
