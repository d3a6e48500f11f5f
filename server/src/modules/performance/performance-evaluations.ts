/** Evaluations by the pejabat penilai: quarterly and annual, in order, a draft with the predikat and the distribution warnings, then final. */
import type { z } from 'zod';
import type { EvaluationBody } from '../../../../common/contracts/performance.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Actor } from '../identity/index.ts';
import { evaluationMachine } from './domain/plan.ts';
import {
  BERAKHLAK,
  orderProblem,
  overallRating,
  PERIOD_LABELS,
  type Period,
  predikatOf,
  type Rating,
} from './domain/predikat.ts';
import { presentEvaluation } from './performance.presenter.ts';
import {
  actorOf,
  conflict,
  distributionFor,
  invalid,
  matrixOf,
  mustBe,
  type PerformanceContext,
  planFor,
  tell,
} from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/**
 * Saves the pejabat penilai's draft evaluation of a period: realisations, ratings per hasil
 * kerja and per value, the overall ratings (derived by RULES.md §4.3 unless given) and the
 * predikat from the year's matrix; answers with the unit's distribution warnings.
 */
export async function saveEvaluation(
  ctx: PerformanceContext,
  actor: Actor,
  planId: string,
  period: Period,
  body: z.infer<typeof EvaluationBody>,
) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  mustBe(viewer, 'evaluator', plan);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockPlan(trx, planId))!;
    if (locked.status !== 'agreed')
      throw conflict(
        'SKP ini belum disepakati pegawai; evaluasi dimulai setelah SKP disepakati.',
        'The employee has not agreed to this SKP yet; evaluation starts once it is agreed.',
      );
    const evaluations = await repo.evaluations(trx, planId);
    const current = evaluations.find((e) => e.period === period);
    if (current?.status === 'final')
      throw conflict(
        `Evaluasi ${PERIOD_LABELS[period].id} sudah final dan tidak dapat diubah.`,
        `The ${PERIOD_LABELS[period].en} evaluation is final and cannot be changed.`,
      );
    const order = orderProblem(period, new Set(evaluations.filter((e) => e.status === 'final').map((e) => e.period)));
    if (order) throw conflict(order.id, order.en);
    const results = await repo.results(trx, [planId]);
    const known = new Set(results.map((r) => r.id));
    if (Object.keys(body.resultRatings).some((id) => !known.has(id)))
      throw invalid(
        'resultRatings',
        msg(
          'Ada penilaian untuk hasil kerja yang bukan milik SKP ini.',
          'A rating refers to a result that is not in this SKP.',
        ),
      );
    const indicatorIds = new Set((await repo.indicators(trx, [...known])).map((i) => i.id));
    if (Object.keys(body.realisations).some((id) => !indicatorIds.has(id)))
      throw invalid(
        'realisations',
        msg(
          'Ada realisasi untuk indikator yang bukan milik SKP ini.',
          'A realisation refers to an indicator that is not in this SKP.',
        ),
      );
    const ratingResults: Rating =
      body.ratingResults ??
      overallRating(
        results
          .filter((r) => body.resultRatings[r.id])
          .map((r) => ({ rating: body.resultRatings[r.id]!, isMain: r.is_main })),
      );
    const ratingBehaviour: Rating =
      body.ratingBehaviour ??
      overallRating(
        BERAKHLAK.filter((v) => body.behaviourRatings[v]).map((v) => ({
          rating: body.behaviourRatings[v]!,
          isMain: false,
        })),
      );
    const predikat = predikatOf(await matrixOf(trx, plan.year), ratingResults, ratingBehaviour);
    const id = current?.id ?? ctx.ids.uuid();
    await repo.upsertEvaluation(trx, {
      id,
      plan_id: planId,
      period,
      evaluator_id: plan.evaluator_id!,
      organization_id: plan.organization_id,
      year: plan.year,
      rating_results: ratingResults,
      rating_behaviour: ratingBehaviour,
      predikat,
      result_ratings: JSON.stringify(body.resultRatings),
      behaviour_ratings: JSON.stringify(body.behaviourRatings),
      realisations: JSON.stringify(body.realisations),
      note: body.note,
      status: 'draft',
      updated_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.evaluation.save',
      subjectType: 'skp_evaluation',
      subjectId: id,
      after: { planId, period, ratingResults, ratingBehaviour, predikat },
    });
    const saved = (await repo.evaluations(trx, planId)).find((e) => e.period === period)!;
    return { evaluation: presentEvaluation(saved), distribution: await distributionFor(trx, plan, period) };
  });
}

/** Finalises a draft evaluation; a final evaluation never changes. The employee is told. */
export async function finalise(ctx: PerformanceContext, actor: Actor, planId: string, period: Period) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  mustBe(viewer, 'evaluator', plan);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.lockPlan(trx, planId);
    const e = await repo.lockEvaluation(trx, planId, period);
    if (!e)
      throw conflict(
        `Simpan penilaian ${PERIOD_LABELS[period].id} lebih dulu, lalu finalkan.`,
        `Save the ${PERIOD_LABELS[period].en} evaluation first, then finalise it.`,
      );
    const now = ctx.clock.now();
    const distribution = await distributionFor(trx, plan, period);
    await ctx.steps(trx, {
      machine: evaluationMachine,
      subject: { type: 'skp_evaluation', id: e.id, status: e.status },
      event: 'finalise',
      actor: actorOf(actor),
      apply: (status) =>
        repo.setEvaluationStatus(trx, e.id, {
          status,
          finalised_at: now,
          finalised_by: actor.accountId,
          updated_at: now,
        }),
      audit: {
        action: 'skp.evaluation.finalise',
        after: { planId, period, predikat: e.predikat, warnings: distribution.warnings.length },
      },
    });
    await tell(ctx, trx, plan.account_id, plan.full_name, {
      title: `Evaluasi ${PERIOD_LABELS[period].id} ${plan.year} final`,
      body: `Pejabat penilai memfinalkan evaluasi kinerja Anda. Lihat predikat dan rekomendasi pengembangan kompetensi di Merit.`,
      path: '/skp/saya',
    });
    return {
      evaluation: presentEvaluation((await repo.evaluations(trx, planId)).find((x) => x.period === period)!),
      distribution,
    };
  });
}
