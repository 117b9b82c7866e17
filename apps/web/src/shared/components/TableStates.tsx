import { Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Loading / empty row spanning the whole table. */
export function TableMessageRow({ colSpan, loading, empty }: { colSpan: number; loading?: boolean; empty?: string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text size="sm" c="dimmed" ta="center" py="lg" role="status">
          {loading ? (
            <>
              <Loader size="xs" mr="xs" aria-hidden /> {t('loading')}
            </>
          ) : (
            (empty ?? t('empty'))
          )}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
