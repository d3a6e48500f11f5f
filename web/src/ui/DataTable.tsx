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
}

export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  caption,
  rowClassName,
}: {
  /** Names the scrollable region for screen readers. */
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  caption?: ReactNode;
  rowClassName?: (row: T) => string | undefined;
}) {
  return (
    <TableWrap label={label}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
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
            <tr key={rowKey(row)} className={rowClassName?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
