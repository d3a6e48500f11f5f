/** The OPD dashboard, the e-Kinerja export and the public aggregate figures. */
import { localDate } from '../../../../common/rules/calendar.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { SheetFormat } from '../../platform/sheets.ts';
import { writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { EKINERJA_COLUMN_NAMES } from './domain/ekinerja-sheet.ts';
import {
  distributionWarnings,
  emptyCounts,
  evaluationDueOn,
  PERIOD_LABELS,
  PERIODS,
  type Period,
  PREDIKAT_LABELS,
  PREDIKATS,
  RATING_LABELS,
  type Rating,
  shownPeriod,
} from './domain/predikat.ts';
import { actorOf, type PerformanceContext, reportScope } from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/** Public aggregates hide an OPD's predikat counts below this many evaluated employees (nobody is singled out). */
export const PUBLIC_MIN_GROUP = 5;
/** The public figures read the city-wide reports as BKPSDM would; only per-OPD aggregates leave. */
const PUBLIC_READER: Actor = {
  accountId: '00000000-0000-4000-8000-000000000000',
  role: 'training_admin',
  organizationId: 'bkpsdm',
};
/** The export's columns (domain/ekinerja-sheet.ts, which the import reads back) with their widths. */
const WIDTHS = [22, 32, 12, 36, 10, 30, 36, 8, 16, 22, 32, 12, 22, 22, 20, 14];
const EKINERJA_COLUMNS: [string, number][] = EKINERJA_COLUMN_NAMES.map((n, i) => [n, WIDTHS[i] ?? 16]);

/**
 * Per OPD: employees, plans and agreed plans, final evaluations per period, the predikat
 * distribution of the chosen period with its warnings, and the evaluators who have not
 * finalised it (late once it is due). BKPSDM sees the city; a supervisor their own OPD.
 */
export async function dashboard(
  ctx: PerformanceContext,
  actor: Actor,
  requestedYear?: number,
  period?: Period,
  organizationId?: string,
) {
  const only = await reportScope(ctx, actor, organizationId);
  const today = localDate(ctx.clock.now());
  const thisYear = Number(today.slice(0, 4));
  // Without a period (or a year) the server picks the newest one with final data and says which.
  const shown = period
    ? { year: requestedYear ?? thisYear, period }
    : shownPeriod(
        await repo.finalPeriods(ctx.db, { year: requestedYear, organizationId: only }),
        requestedYear ?? thisYear,
        today,
      );
  const { year, period: p } = shown;
  const [progress, counts, orgPredikats, pending, holidays] = await Promise.all([
    repo.planProgress(ctx.db, year, only),
    repo.evaluationCounts(ctx.db, year, only),
    repo.orgPredikats(ctx.db, year),
    repo.pendingEvaluators(ctx.db, year, p, only),
    loadHolidays(ctx.db),
  ]);
  const orgOf = new Map(orgPredikats.map((o) => [o.organization_id, o.predikat]));
  const organizations = progress.map((o) => {
    const mine = counts.filter((c) => c.organization_id === o.organization_id);
    const final = Object.fromEntries(
      PERIODS.map((x) => [x, mine.filter((c) => c.period === x).reduce((a, c) => a + Number(c.n), 0)]),
    ) as Record<Period, number>;
    const predikat = emptyCounts();
    for (const c of mine.filter((c) => c.period === p)) predikat[c.predikat] += Number(c.n);
    const orgPredikat = orgOf.get(o.organization_id) ?? null;
    return {
      organizationId: o.organization_id,
      name: o.name,
      employees: Number(o.employees),
      plans: Number(o.plans),
      agreed: Number(o.agreed ?? 0),
      final,
      predikat,
      organizationPredikat: orgPredikat,
      warnings: distributionWarnings(orgPredikat ?? 'baik', predikat),
    };
  });
  const totalPredikat = emptyCounts();
  for (const o of organizations) for (const k of PREDIKATS) totalPredikat[k] += o.predikat[k];
  const dueOn = evaluationDueOn(year, p, holidays);
  return {
    year,
    period: p,
    organizations,
    totals: {
      employees: organizations.reduce((a, o) => a + o.employees, 0),
      plans: organizations.reduce((a, o) => a + o.plans, 0),
      agreed: organizations.reduce((a, o) => a + o.agreed, 0),
      final: organizations.reduce((a, o) => a + o.final[p], 0),
      predikat: totalPredikat,
    },
    lateEvaluators: pending.map((v) => ({
      id: v.id,
      nip: v.nip,
      fullName: v.full_name,
      organization: { id: v.organization_id, name: v.organization_name },
      pending: Number(v.pending),
    })),
    due: { period: p, dueOn, overdue: today > dueOn },
  };
}

/** Every SKP of a year with one period's result, in the columns e-Kinerja BKN takes (audited: it holds NIPs). */
export async function exportSheet(
  ctx: PerformanceContext,
  actor: Actor,
  year: number,
  period: Period,
  format: SheetFormat,
) {
  const rows = await repo.exportRows(ctx.db, year, period);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'skp.export',
    subjectType: 'skp_evaluations',
    subjectId: String(year),
    after: { period, rows: rows.length, format },
  });
  const label = (r: Rating | null) => (r ? RATING_LABELS[r].id : '');
  return writeSheet(
    {
      name: `SKP ${year} ${PERIOD_LABELS[period].id}`,
      columns: EKINERJA_COLUMNS.map(([name, width]) => ({ name, width })),
      rows: rows.map((r) => [
        r.nip,
        r.full_name,
        r.employee_status,
        r.jabatan,
        r.golongan,
        r.unit,
        r.organization_name,
        year,
        PERIOD_LABELS[period].id,
        r.evaluator_nip ?? '',
        r.evaluator_name ?? '',
        r.plan_status === 'agreed' ? 'Disetujui' : 'Draf',
        label(r.rating_results),
        label(r.rating_behaviour),
        r.predikat ? PREDIKAT_LABELS[r.predikat].id : '',
        r.evaluation_status === 'final' ? 'Final' : r.evaluation_status === 'draft' ? 'Draf' : 'Belum dinilai',
      ]),
    },
    format,
  );
}

/**
 * The public monitoring figures: the city's predikat distribution for a period (final
 * evaluations), per OPD when at least PUBLIC_MIN_GROUP were evaluated, and the 20 JP compliance
 * per OPD. Counts and percentages only — no name, NIP or evaluator leaves.
 */
export async function publicFigures(ctx: PerformanceContext, requestedYear?: number, period?: Period) {
  const dash = await dashboard(ctx, PUBLIC_READER, requestedYear, period);
  const year = dash.year;
  const jp = await ctx.training.jpReport(PUBLIC_READER, year);
  return {
    year,
    period: dash.period,
    minGroup: PUBLIC_MIN_GROUP,
    predikat: dash.totals.predikat,
    evaluated: dash.totals.final,
    byOrganization: dash.organizations.map((o) => ({
      organizationId: o.organizationId,
      name: o.name,
      evaluated: o.final[dash.period],
      predikat: o.final[dash.period] >= PUBLIC_MIN_GROUP ? o.predikat : null,
    })),
    jp: {
      required: jp.required,
      employees: jp.employees,
      met: jp.met,
      percent: jp.employees === 0 ? 0 : Math.floor((jp.met * 100) / jp.employees),
      byOrganization: jp.byOrganization.map((o) => ({
        organizationId: o.organizationId,
        name: o.name,
        employees: o.employees,
        percent: o.employees >= PUBLIC_MIN_GROUP ? o.percent : null,
      })),
    },
  };
}
