/** Importing earlier years' final SKP results from an e-Kinerja-like sheet: checked first, then all rows or none. */
import type { Msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { readSheet, type SheetFormat } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { EKINERJA_COLUMN_NAMES, MAX_IMPORT_ROWS, validateImport } from './domain/ekinerja-sheet.ts';
import { DEFAULT_MATRIX, matrixProblems, type PredikatMatrix } from './domain/predikat.ts';
import { actorOf, ensurePlans, type PerformanceContext } from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

type Checked = {
  ok: boolean;
  report: { line: number; nip: string | null; status: 'import' | 'skip' | 'error'; problems: Msg[] }[];
};
type Valid = ReturnType<typeof validateImport>;
type People = Awaited<ReturnType<typeof repo.employeesByNip>>;

/** The import's answer: whether it was saved, whether every row is right, the counts per status and each row's report. */
const answer = (r: Checked, committed: boolean) => ({
  committed,
  ok: r.ok,
  counts: {
    import: r.report.filter((x) => x.status === 'import').length,
    skip: r.report.filter((x) => x.status === 'skip').length,
    error: r.report.filter((x) => x.status === 'error').length,
  },
  report: r.report,
});

/**
 * Checks (commit=false) or imports earlier years' final results from an e-Kinerja-like sheet
 * (the export's columns): every row is checked first and reported by its Excel line; the import
 * runs only when every row is right, and saves all rows or none. A result lands on the
 * employee's plan of that year (opened as agreed when missing) as a final, imported evaluation.
 */
export async function importResults(
  ctx: PerformanceContext,
  actor: Actor,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  const read = await readSheet(data, format, {
    maxRows: MAX_IMPORT_ROWS,
    columns: EKINERJA_COLUMN_NAMES.length,
    noun: { id: 'hasil SKP', en: 'SKP results' },
  });
  if (!read.ok)
    return answer(
      { ok: false, report: [{ line: read.line, nip: null, status: 'error', problems: [read.problem] }] },
      false,
    );
  const [people, matrices] = await Promise.all([repo.employeesByNip(ctx.db), repo.ruleSets(ctx.db)]);
  const currentYear = Number(localDate(ctx.clock.now()).slice(0, 4));
  const years = [
    ...new Set(
      read.records
        .slice(1)
        .map((r) => Number(r.cells[EKINERJA_COLUMN_NAMES.indexOf('Tahun')] ?? ''))
        .filter((y) => Number.isInteger(y) && y >= 2000 && y <= 2100),
    ),
  ];
  const checked = validateImport(read.records, {
    employees: new Set(people.keys()),
    existing: await repo.evaluationKeys(ctx.db, years),
    matrixOf: (y) => {
      const m = matrices.get(y);
      return m && matrixProblems(m).length === 0 ? (m as PredikatMatrix) : DEFAULT_MATRIX;
    },
    currentYear,
  });
  if (!checked.ok || !commit) return answer(checked, false);
  await saveImported(ctx, actor, checked, people);
  return answer(checked, true);
}

/** Saves every checked row as a final, imported evaluation in one transaction (audited with the NIPs). */
async function saveImported(ctx: PerformanceContext, actor: Actor, checked: Valid, people: People) {
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    for (const year of new Set(checked.rows.map((r) => r.year))) {
      const rows = checked.rows.filter((r) => r.year === year);
      const plans = await ensurePlans(
        ctx,
        trx,
        rows.map((r) => people.get(r.nip)!),
        year,
        'agreed',
      );
      await repo.insertEvaluations(
        trx,
        rows.map((r) => {
          const who = people.get(r.nip)!;
          return {
            id: ctx.ids.uuid(),
            plan_id: plans.get(who.id)!.id,
            period: r.period,
            evaluator_id: r.evaluatorNip ? people.get(r.evaluatorNip)!.id : who.supervisor_id,
            organization_id: who.organization_id,
            year,
            source: 'import' as const,
            rating_results: r.ratingResults,
            rating_behaviour: r.ratingBehaviour,
            predikat: r.predikat,
            result_ratings: '{}',
            behaviour_ratings: '{}',
            realisations: '{}',
            status: 'final' as const,
            finalised_at: now,
            finalised_by: actor.accountId,
            updated_at: now,
          };
        }),
      );
    }
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.import',
      subjectType: 'skp_evaluations',
      subjectId: null,
      after: {
        rows: checked.rows.length,
        years: [...new Set(checked.rows.map((r) => r.year))],
        nips: checked.rows.map((r) => r.nip),
      },
    });
  });
}
