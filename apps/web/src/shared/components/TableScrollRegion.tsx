import { Table, type TableScrollContainerProps } from '@mantine/core';

/**
 * A table's sideways scroll on a phone, as a focusable region named `label`: keyboard users can then scroll it (axe
 * scrollable-region-focusable), which Mantine's default scroll area does not allow. Name it "Tabel …" (common
 * `tableRegion`) so that it does not repeat the name of the section around it.
 */
export function TableScrollRegion({
  label,
  ...props
}: Omit<TableScrollContainerProps, 'type' | 'tabIndex' | 'role' | 'aria-label'> & { label: string }) {
  return <Table.ScrollContainer {...props} type="native" tabIndex={0} role="region" aria-label={label} />;
}
