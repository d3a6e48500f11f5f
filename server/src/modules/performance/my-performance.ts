/** The employee's own SKP year: the plan, the final evaluations and the training recommended from them, and enrolling in it. */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Actor } from '../identity/index.ts';
import { type CatalogProgram, recommendPrograms } from './domain/needs.ts';
import { PERIODS } from './domain/predikat.ts';
import { presentEvaluation } from './performance.presenter.ts';
import { actorOf, conflict, eligible, invalid, linkedEmployee, type PerformanceContext } from './performance.shared.ts';
import { performanceRepository as repo, type PersonRow } from './performance.repository.ts';

/** Programmes recommended from the newest final evaluation, with open batches. */
async function recommendationsFor(ctx: PerformanceContext, actor: Actor, me: PersonRow, planId: string, year: number) {
  const latest = await repo.latestFinal(ctx.db, planId);
  if (!latest) return [];
  const [programs, results, training] = await Promise.all([
    ctx.training.programs(),
    repo.results(ctx.db, [planId]),
    ctx.training.mine(actor, year),
  ]);
  const taken = new Set(training.enrollments.filter((e) => e.status !== 'cancelled').map((e) => e.title));
  const catalog: CatalogProgram[] = programs.map((p) => ({
    id: p.id,
    title: p.title,
    competencyArea: p.competencyArea,
    eligible: eligible(p, me),
    taken: taken.has(p.title),
  }));
  const recs = recommendPrograms(
    {
      period: latest.period,
      predikat: latest.predikat,
      behaviourRatings: latest.behaviour_ratings,
      results: results.map((r) => ({ title: r.title, rating: latest.result_ratings[r.id] ?? null })),
    },
    { kind: me.jabatan_kind, name: me.jabatan },
    catalog,
  );
  const byId = new Map(programs.map((p) => [p.id, p]));
  return recs.map((r) => {
    const p = byId.get(r.programId)!;
    return {
      program: {
        id: p.id,
        title: p.title,
        competencyArea: p.competencyArea,
        jp: p.jp,
        kind: p.kind,
        modality: p.modality,
        batches: p.batches
          .filter((b) => b.status === 'open')
          .map((b) => ({
            id: b.id,
            name: b.name,
            startsOn: b.startsOn,
            endsOn: b.endsOn,
            venue: b.venue,
            seated: b.seated,
            capacity: b.capacity,
          })),
      },
      reasons: r.reasons,
      period: latest.period,
    };
  });
}

/** The employee's own year: their plan and evaluator, the final evaluations in period order, and the recommended training. */
export async function mine(ctx: PerformanceContext, actor: Actor, year: number) {
  const me = await linkedEmployee(ctx, actor);
  const plan = await repo.planOf(ctx.db, me.id, year);
  const evaluations = plan ? await repo.evaluations(ctx.db, plan.id) : [];
  return {
    year,
    employee: {
      id: me.id,
      nip: me.nip,
      fullName: me.full_name,
      jabatan: me.jabatan,
      organization: { id: me.organization_id, name: me.organization_name },
    },
    plan: plan
      ? {
          id: plan.id,
          status: plan.status,
          evaluator: plan.evaluator_name ? { nip: plan.evaluator_nip!, fullName: plan.evaluator_name } : null,
        }
      : null,
    evaluations: PERIODS.flatMap((p) => evaluations.filter((e) => e.period === p && e.status === 'final')).map(
      presentEvaluation,
    ),
    recommendations: plan ? await recommendationsFor(ctx, actor, me, plan.id, year) : [],
  };
}

/** Enrols the employee in an open batch of a programme recommended to them (the development module's enrolment). */
export async function enrollRecommended(
  ctx: PerformanceContext,
  actor: Actor,
  year: number,
  programId: string,
  batchId: string,
) {
  const me = await linkedEmployee(ctx, actor);
  const plan = await repo.planOf(ctx.db, me.id, year);
  const recs = plan ? await recommendationsFor(ctx, actor, me, plan.id, year) : [];
  const rec = recs.find((r) => r.program.id === programId);
  if (!rec)
    throw conflict(
      'Program ini tidak (lagi) direkomendasikan untuk Anda; pilih dari daftar rekomendasi.',
      'This programme is not (or no longer) recommended to you; choose from the recommendations.',
    );
  if (!rec.program.batches.some((b) => b.id === batchId))
    throw invalid(
      'batchId',
      msg('Pilih angkatan yang masih dibuka dari program ini.', 'Choose an open batch of this programme.'),
    );
  const enrolled = await ctx.training.enroll(actor, batchId, me.id);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'skp.recommendation.enroll',
    subjectType: 'enrollment',
    subjectId: enrolled.id,
    after: { programId, batchId, reasons: rec.reasons.map((r) => r.id) },
  });
  return enrolled;
}
