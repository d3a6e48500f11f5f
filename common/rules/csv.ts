/**
 * The one CSV writer (server exports, open data, the browser's audit-log download): RFC 4180
 * quoting, and a cell Excel would run as a formula is defused with a leading apostrophe.
 */

/** A cell Excel would run as a formula (CSV injection); a plain negative number is fine. */
export const FORMULA_START = /^[=+\-@]/;

/** A CSV cell: numbers as they are; text quoted when needed (or always) and defused if Excel would run it. */
export function csvField(value: string | number, opts: { alwaysQuote?: boolean } = {}): string {
  if (typeof value === 'number') return opts.alwaysQuote ? `"${value}"` : String(value);
  // Defence in depth against CSV injection for rows that did not come through an importer
  // (importers reject such cells): Excel shows the leading apostrophe instead of running a formula.
  const safe = FORMULA_START.test(value) && !/^-?\d+(\.\d+)?$/.test(value) && value !== '-' ? `'${value}` : value;
  return opts.alwaysQuote || /[",;\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Header and rows as CSV text; a UTF-8 BOM in front when Excel will open it. */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  opts: { bom?: boolean; eol?: '\n' | '\r\n'; alwaysQuote?: boolean } = {},
): string {
  const eol = opts.eol ?? '\n';
  const line = (cells: readonly (string | number | null)[]) =>
    cells.map((c) => (c === null ? (opts.alwaysQuote ? '""' : '') : csvField(c, opts))).join(',');
  return `${opts.bom ? '\uFEFF' : ''}${[header.join(','), ...rows.map(line)].join(eol)}${eol}`;
}
