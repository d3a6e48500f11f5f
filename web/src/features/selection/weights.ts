/** Live checks of an SKB weights draft (the server re-checks and has the last word). */

/** Sum must be 100 % and CAT SKB at least 50 % (PermenPANRB 6/2024, instansi daerah). */
export function weightChecks(rows: readonly { kind: string; weight: number }[]) {
  const sum = rows.reduce((s, r) => s + r.weight, 0);
  const cat = rows.filter((r) => r.kind === 'cat').reduce((s, r) => s + r.weight, 0);
  return { sum, cat, sumOk: sum === 100, catOk: cat >= 50 };
}
