import { Table, type TableScrollContainerProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A table's sideways scroll on a phone, as a focusable region: keyboard users can then scroll it (axe
 * scrollable-region-focusable), which Mantine's default scroll area does not allow. Given the table's `name`, the region
 * is named "Tabel <name>", so that it does not repeat the name of the section the table sits in (two landmarks of one
 * role and name: axe landmark-unique).
 */
export function TableScrollRegion({
  name,
  ...props
}: Omit<TableScrollContainerProps, 'type' | 'tabIndex' | 'role' | 'aria-label'> & { name?: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      {...props}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={name ? t('tableRegion', { name }) : undefined}
    />
  );
}
