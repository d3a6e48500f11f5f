/**
 * A staff table: a named, keyboard-scrollable frame (TableWrap), column headers with scope, one row
 * per item. Pages describe the columns; the markup and its accessibility live here once.
 */
import type { ReactNode } from 'react';
import { TableWrap } from './TableWrap.tsx';

export interface Column<T> {
  /** Stable key of the column (React key). */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Extra class of the cells, e.g. "num" for right-aligned numbers or "nowrap". */
  className?: string;
  /** The cell that names the row (a `th scope="row"`), read by screen readers before each cell. */
  rowHeader?: boolean;
}

export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  caption,
  captionHidden,
  rowClassName,
  rowData,
}: {
  /** Names the scrollable region for screen readers. */
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  caption?: ReactNode;
  /** The caption only for screen readers (the heading above already says it). */
  captionHidden?: boolean;
  rowClassName?: (row: T) => string | undefined;
  /** data-* attributes of a row, for scripts and tests that find a row by its id. */
  rowData?: (row: T) => Record<`data-${string}`, string>;
}) {
  return (
    <TableWrap label={label}>
      <table>
        {caption ? <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row)} {...rowData?.(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row" className={c.className}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.key} className={c.className}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
