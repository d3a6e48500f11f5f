/** Hukuman disiplin by sheet: the template, and the import (dry run, then every row or none). */
import { readSheet, type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import { employeeCards } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { PUNISHMENTS } from './domain/discipline.ts';
import { DISCIPLINE_SHEET_COLUMNS, MAX_DISCIPLINE_ROWS, validateDisciplineSheet } from './domain/discipline-sheet.ts';
import { disciplineRepository as repo } from './discipline.repository.ts';
import { auditActor, type DisciplineContext, factsOf } from './discipline.shared.ts';

const WIDTHS: Record<(typeof DISCIPLINE_SHEET_COLUMNS)[number], number> = {
  nip: 22,
  jenis: 24,
  alasan: 40,
  nomor_sk: 26,
  tanggal_sk: 12,
  pejabat: 30,
  mulai: 12,
  selesai: 12,
};

type Report = ReturnType<typeof validateDisciplineSheet>['report'];
const reportOf = (ok: boolean, report: Report, committed: boolean) => ({
  committed,
  ok,
  counts: {
    valid: report.filter((r) => r.status === 'valid').length,
    error: report.filter((r) => r.status === 'error').length,
  },
  report,
});

/**
 * Checks a sheet and, with `commit`, records it: every row or none. The report is the same either
 * way, so the dry run shows exactly what the import will do. NIPs are looked up in the register.
 */
export async function importDisciplineSheet(
  ctx: DisciplineContext,
  actor: Actor,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  const read = await readSheet(data, format, {
    maxRows: MAX_DISCIPLINE_ROWS,
    columns: DISCIPLINE_SHEET_COLUMNS.length,
    noun: { id: 'hukuman disiplin', en: 'discipline' },
  });
  if (!read.ok)
    return reportOf(false, [{ line: read.line, nip: null, status: 'error', problems: [read.problem] }], false);
  const nipAt = read.records[0]?.cells.map((c) => c.trim().toLowerCase()).indexOf('nip') ?? -1;
  const nips = [...new Set(read.records.slice(1).map((r) => (r.cells[nipAt] ?? '').trim()))].filter((n) =>
    /^\d{18}$/.test(n),
  );
  const cards = nipAt < 0 ? [] : await employeeCards(ctx.db, { nips });
  const rows = await repo.ofEmployees(
    ctx.db,
    cards.map((c) => c.id),
  );
  const existing = new Map<string, ReturnType<typeof factsOf>[]>();
  for (const r of rows) existing.set(r.employee_id, [...(existing.get(r.employee_id) ?? []), factsOf(r)]);
  const checked = validateDisciplineSheet(read.records, {
    employees: new Map(cards.map((c) => [c.nip, c.id])),
    existing,
  });
  if (!checked.ok || !commit) return reportOf(checked.ok, checked.report, false);
  await ctx.db.transaction().execute(async (trx) => {
    const inserted = checked.rows.map((r) => ({
      id: ctx.ids.uuid(),
      employee_id: r.employeeId,
      kind: r.kind,
      level: PUNISHMENTS[r.kind].level,
      reason: r.reason,
      sk_number: r.skNumber,
      sk_date: r.skDate,
      imposed_by: r.imposedBy,
      start_on: r.start,
      end_on: r.end,
      recorded_by: actor.accountId,
    }));
    await repo.insert(trx, inserted);
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'discipline.import',
      subjectType: 'discipline_records',
      subjectId: null,
      after: { rows: inserted.map((r) => ({ id: r.id, employeeId: r.employee_id, sk: r.sk_number })) },
    });
  });
  return reportOf(true, checked.report, true);
}

/** An empty sheet with the header and one example row (a teguran lisan). */
export function disciplineTemplate(_ctx: unknown, format: SheetFormat) {
  return writeSheet(
    {
      name: 'Hukuman Disiplin',
      columns: DISCIPLINE_SHEET_COLUMNS.map((name) => ({ name, width: WIDTHS[name] })),
      rows: [
        [
          '199001012015031001',
          'teguran_lisan',
          'Tidak masuk kerja tanpa alasan yang sah 3 hari kerja',
          '800.1.6.3/015/BKPSDM/2026',
          '2026-02-02',
          'Kepala Dinas Komunikasi dan Informatika',
          '2026-02-02',
          '',
        ],
      ],
    },
    format,
  );
}
