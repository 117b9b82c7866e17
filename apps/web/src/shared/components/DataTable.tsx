import type { CSSProperties, ReactNode } from 'react';
import { Paper, Table, VisuallyHidden } from '@mantine/core';
import classes from './DataTable.module.css';
import { TableMessageRow } from './TableStates';
import { TableScrollRegion } from './TableScrollRegion';

export interface DataTableColumn<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Keep the cell on one line (codes, dates, numbers). */
  nowrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Header visually hidden (e.g. an actions column) but still read by screen readers. */
  hiddenHeader?: boolean;
  /** Extra style for this column's cell in one row (e.g. indenting a tree level). */
  cellStyle?: (row: T) => CSSProperties | undefined;
}

interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  /** First load: a loading row instead of the body. */
  loading?: boolean;
  /** A refetch is running (aria-busy). */
  busy?: boolean;
  /** Shown when rows is an empty array. */
  empty?: string;
  /** Below this width the table scrolls sideways (phones). */
  minWidth?: number;
  /** Accessible name of the table (its scroll region is "Tabel <caption>": TableScrollRegion). */
  caption?: string;
  striped?: boolean;
  /** The whole row is clickable (pointer cursor); put a real link or button in a cell too, for keyboard users. */
  onRowClick?: (row: T) => void;
  /** Background of a row, e.g. to mark the selected one. */
  rowBg?: (row: T) => string | undefined;
  /** On phones, pin the first column while the rest scrolls sideways (default on; off when it is not the key column). */
  stickyFirstColumn?: boolean;
}

/** The bordered, horizontally scrolling table with loading and empty rows that every list page uses. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  loading,
  busy,
  empty,
  minWidth = 640,
  caption,
  striped = true,
  onRowClick,
  rowBg,
  stickyFirstColumn = true,
}: DataTableProps<T>) {
  const cellStyle = (column: DataTableColumn<T>): CSSProperties | undefined =>
    column.nowrap || column.align
      ? { whiteSpace: column.nowrap ? 'nowrap' : undefined, textAlign: column.align }
      : undefined;
  const rowCellStyle = (column: DataTableColumn<T>, row: T): CSSProperties | undefined => {
    const extra = column.cellStyle?.(row);
    return extra ? { ...cellStyle(column), ...extra } : cellStyle(column);
  };
  return (
    <Paper withBorder radius="md" p={0}>
      {/* Relative, so visually hidden parts stay inside it. */}
      <TableScrollRegion minWidth={minWidth} name={caption} style={{ position: 'relative' }}>
        <Table
          striped={striped}
          aria-busy={busy || loading || undefined}
          aria-label={caption}
          className={stickyFirstColumn ? classes.stickyFirst : undefined}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" style={cellStyle(column)}>
                  {column.hiddenHeader ? <VisuallyHidden>{column.header}</VisuallyHidden> : column.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loading && !rows && <TableMessageRow colSpan={columns.length} loading />}
            {rows && rows.length === 0 && <TableMessageRow colSpan={columns.length} empty={empty} />}
            {rows?.map((row) => (
              <Table.Tr
                key={rowKey(row)}
                bg={rowBg?.(row)}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {columns.map((column) => (
                  <Table.Td key={column.key} style={rowCellStyle(column, row)}>
                    {column.cell(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScrollRegion>
    </Paper>
  );
}
