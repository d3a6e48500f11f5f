/** The draft competency development plan per OPD from the year's final evaluations, as data, a sheet and a PDF. */
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { renderCompetencyPlan } from '../../platform/pdf/competency-plan.ts';
import { type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { type CatalogProgram, competencyPlan as planOf, recommendPrograms } from './domain/needs.ts';
import { BERAKHLAK, BERAKHLAK_LABELS } from './domain/predikat.ts';
import { actorOf, eligible, type PerformanceContext, type Programme, reportScope } from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

type OrgNeeds = { recs: ReturnType<typeof recommendPrograms>[]; below: Record<string, number> };

/** Each OPD's recommendations per assessed employee and how many are below expectation per BerAKHLAK value. */
async function needsPerOrganization(
  ctx: PerformanceContext,
  year: number,
  only: string | undefined,
  programs: Programme[],
) {
  const finals = await repo.latestFinals(ctx.db, year, only);
  const results = await repo.results(
    ctx.db,
    finals.map((f) => f.plan_id),
  );
  const byPlan = new Map<string, typeof results>();
  for (const r of results) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
  const perOrg = new Map<string, OrgNeeds>();
  for (const f of finals) {
    const catalog: CatalogProgram[] = programs.map((p) => ({
      id: p.id,
      title: p.title,
      competencyArea: p.competencyArea,
      eligible: eligible(p, f),
      taken: false,
    }));
    const recs = recommendPrograms(
      {
        period: f.period,
        predikat: f.predikat,
        behaviourRatings: f.behaviour_ratings,
        results: (byPlan.get(f.plan_id) ?? []).map((r) => ({ title: r.title, rating: f.result_ratings[r.id] ?? null })),
      },
      { kind: f.jabatan_kind, name: f.jabatan },
      catalog,
    );
    const org = perOrg.get(f.organization_id) ?? { recs: [], below: Object.fromEntries(BERAKHLAK.map((v) => [v, 0])) };
    org.recs.push(recs);
    for (const v of BERAKHLAK) if (f.behaviour_ratings[v] === 'below') org.below[v]! += 1;
    perOrg.set(f.organization_id, org);
  }
  return perOrg;
}

type IndexNeeds = NonNullable<Awaited<ReturnType<PerformanceContext['ipAsn']['indexTrainingNeeds']>>>;
type OrgIndexNeeds = IndexNeeds['organizations'][number];

/**
 * One OPD's index-driven needs for the plan: its gaps, and per planned training — a programme on
 * the OPD's plan or offered in an open batch — the expected gain with the OPD's average after it.
 */
function indexSection(o: OrgIndexNeeds | undefined, programs: readonly Programme[], planned: ReadonlySet<string>) {
  if (!o) return null;
  const byId = new Map(programs.map((p) => [p.id, p]));
  const trainings = o.gains
    .map((g) => {
      const p = byId.get(g.key)!;
      const openBatches = p.batches.filter((b) => b.status === 'open').length;
      return {
        program: { id: p.id, title: p.title, kind: p.kind, jp: p.jp },
        inPlan: planned.has(p.id),
        openBatches,
        covered: g.covered,
        points: g.points,
        averageChange: g.averageChange,
        expectedAverage:
          o.average !== null && g.averageChange !== null ? Math.round((o.average + g.averageChange) * 100) / 100 : null,
        provisional: g.provisional,
      };
    })
    .filter((t) => t.inPlan || t.openBatches > 0)
    .sort((a, b) => b.points - a.points || a.program.title.localeCompare(b.program.title));
  return {
    people: o.people,
    measured: o.measured,
    average: o.average,
    needs: o.needs.map((n) => ({ ...n })),
    trainings,
  };
}

/**
 * Per OPD, the draft annual competency development plan (rencana pengembangan kompetensi) from
 * every employee's newest final evaluation of the year: the recommended programmes, how many
 * need each, the JP and cost that implies, why, and the BerAKHLAK values most often below
 * expectation — and the index-driven needs from the newest IP ASN year up to this one, with the
 * expected gain per planned training (an estimate). BKPSDM sees the city; a supervisor their own
 * OPD. A draft: enrolments already made are not subtracted, BKPSDM edits the final plan.
 */
export async function competencyPlan(ctx: PerformanceContext, actor: Actor, year: number, organizationId?: string) {
  const only = await reportScope(ctx, actor, organizationId);
  const [programs, names] = await Promise.all([ctx.training.programs(), repo.organizationNames(ctx.db)]);
  const perOrg = await needsPerOrganization(ctx, year, only, programs);
  const index = await ctx.ipAsn.indexTrainingNeeds(
    ctx.db,
    year,
    only,
    programs.map((p) => ({ key: p.id, kind: p.kind, jp: p.jp })),
  );
  const indexOf = new Map((index?.organizations ?? []).map((o) => [o.organizationId, o]));
  const byId = new Map(programs.map((p) => [p.id, p]));
  const empty: OrgNeeds = { recs: [], below: Object.fromEntries(BERAKHLAK.map((v) => [v, 0])) };
  const organizations = [...new Set([...perOrg.keys(), ...indexOf.keys()])]
    .map((organizationId) => {
      const o = perOrg.get(organizationId) ?? empty;
      const plan = planOf(
        o.recs,
        programs.map((p) => ({ id: p.id, jp: p.jp, costRupiah: p.costRupiah })),
      );
      return {
        organizationId,
        name: names.get(organizationId) ?? organizationId,
        assessed: o.recs.length,
        withNeeds: o.recs.filter((r) => r.length > 0).length,
        valuesBelow: BERAKHLAK.map((v) => ({ value: v, label: BERAKHLAK_LABELS[v], employees: o.below[v]! }))
          .filter((v) => v.employees > 0)
          .sort((a, b) => b.employees - a.employees),
        rows: plan.rows.map((r) => {
          const p = byId.get(r.programId)!;
          return {
            program: { id: p.id, title: p.title, competencyArea: p.competencyArea, jp: p.jp, costRupiah: p.costRupiah },
            employees: r.employees,
            jp: r.jp,
            costRupiah: r.costRupiah,
            reasons: r.reasons,
          };
        }),
        jp: plan.jp,
        costRupiah: plan.costRupiah,
        index: indexSection(indexOf.get(organizationId), programs, new Set(plan.rows.map((r) => r.programId))),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    year,
    index: index
      ? { year: index.year, instrumentVersion: index.instrumentVersion, provisionalCells: index.provisionalCells }
      : null,
    organizations,
    totals: {
      jp: organizations.reduce((a, o) => a + o.jp, 0),
      costRupiah: organizations.reduce((a, o) => a + o.costRupiah, 0),
    },
  };
}

/** The draft plan as a sheet, one row per OPD and programme (audited). */
export async function competencyPlanSheet(
  ctx: PerformanceContext,
  actor: Actor,
  year: number,
  format: SheetFormat,
  organizationId?: string,
) {
  const plan = await competencyPlan(ctx, actor, year, organizationId);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'skp.competency_plan.export',
    subjectType: 'competency_plan',
    subjectId: String(year),
    after: { organizations: plan.organizations.length, format },
  });
  return writeSheet({ name: `Rencana Pengembangan ${year}`, columns: SHEET_COLUMNS, rows: sheetRows(plan) }, format);
}

type Plan = Awaited<ReturnType<typeof competencyPlan>>;
const SHEET_COLUMNS = [
  ['Perangkat Daerah', 36],
  ['Program Pelatihan', 40],
  ['Bidang Kompetensi', 28],
  ['Jumlah Pegawai', 14],
  ['JP per Peserta', 12],
  ['Total JP', 10],
  ['Biaya per Peserta (Rp)', 18],
  ['Total Biaya (Rp)', 18],
  ['Alasan', 60],
  ['Perkiraan Pegawai Naik IP ASN', 16],
  ['Perkiraan Tambahan Poin IP ASN', 16],
  ['Perkiraan Perubahan Rata-rata IP ASN OPD', 18],
  ['Perkiraan Sementara', 12],
].map(([name, width]) => ({ name: name as string, width: width as number }));

/**
 * One row per OPD and plan line (with its expected IP ASN gain where it closes index gaps), then
 * the OPD's index-driven needs and the offered trainings outside the plan that would close them.
 */
function sheetRows(plan: Plan): (string | number)[][] {
  const rows: (string | number)[][] = [];
  const gainCells = (t: NonNullable<Plan['organizations'][number]['index']>['trainings'][number] | undefined) =>
    t ? [t.covered, t.points, t.averageChange ?? '', t.provisional ? 'ya' : 'tidak'] : ['', '', '', ''];
  for (const o of plan.organizations) {
    const gains = new Map((o.index?.trainings ?? []).map((t) => [t.program.id, t]));
    for (const r of o.rows)
      rows.push([
        o.name,
        r.program.title,
        r.program.competencyArea,
        r.employees,
        r.program.jp,
        r.jp,
        r.program.costRupiah,
        r.costRupiah,
        r.reasons.map((x) => `${x.reason.id} (${x.count})`).join('; '),
        ...gainCells(gains.get(r.program.id)),
      ]);
    if (!o.index) continue;
    for (const n of o.index.needs)
      rows.push([
        o.name,
        `Kebutuhan dari IP ASN ${plan.index!.year}`,
        'Kompetensi',
        n.people,
        '',
        '',
        '',
        '',
        n.text.id,
        '',
        '',
        '',
        n.provisional ? 'ya' : 'tidak',
      ]);
    for (const t of o.index.trainings.filter((x) => !x.inPlan))
      rows.push([
        o.name,
        t.program.title,
        `Angkatan terbuka (${t.openBatches})`,
        '',
        t.program.jp,
        '',
        '',
        '',
        'Menutup kebutuhan dari IP ASN',
        ...gainCells(t),
      ]);
  }
  return rows;
}

/** The draft plan as the PDF BKPSDM circulates (audited). */
export async function competencyPlanPdf(ctx: PerformanceContext, actor: Actor, year: number) {
  const plan = await competencyPlan(ctx, actor, year);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'skp.competency_plan.export',
    subjectType: 'competency_plan',
    subjectId: String(year),
    after: { organizations: plan.organizations.length, format: 'pdf' },
  });
  return renderCompetencyPlan(
    {
      year,
      dateText: formatCalendarDate(localDate(ctx.clock.now())),
      organizations: plan.organizations
        .filter((o) => o.rows.length > 0 || (o.index?.needs.length ?? 0) > 0)
        .map((o) => ({
          name: o.name,
          assessed: o.assessed,
          withNeeds: o.withNeeds,
          jp: o.jp,
          cost: o.costRupiah,
          rows: o.rows.map((r) => ({
            title: r.program.title,
            area: r.program.competencyArea,
            employees: r.employees,
            jpEach: r.program.jp,
            jp: r.jp,
            costEach: r.program.costRupiah,
            cost: r.costRupiah,
            reasons: r.reasons.map((x) => `${x.reason.id} (${x.count})`).join('; '),
          })),
          index: o.index
            ? {
                average: o.index.average,
                measured: o.index.measured,
                needs: o.index.needs.map((n) => n.text.id + (n.provisional ? ' (sementara)' : '')),
                trainings: o.index.trainings.map((t) => ({
                  title: t.program.title,
                  inPlan: t.inPlan,
                  covered: t.covered,
                  points: t.points,
                  averageChange: t.averageChange,
                  expectedAverage: t.expectedAverage,
                  provisional: t.provisional,
                })),
              }
            : null,
        })),
      totals: { jp: plan.totals.jp, cost: plan.totals.costRupiah },
      index: plan.index ? { year: plan.index.year, instrumentVersion: plan.index.instrumentVersion } : null,
    },
    { now: ctx.clock.now() },
  );
}
