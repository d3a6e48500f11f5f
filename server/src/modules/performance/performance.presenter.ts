/** SKP rows → contracts (whitelists): a field leaves only when it is named here. */
import type { z } from 'zod';
import type { Distribution, Evaluation, PlanView } from '../../../../common/contracts/performance.ts';
import { BERAKHLAK, BERAKHLAK_LABELS, PERIODS, PERIOD_LABELS, type Period, orderProblem } from './domain/predikat.ts';
import type { performanceRepository as repo } from './performance.repository.ts';
import type { PlanViewer } from './performance.policy.ts';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type PlanRow = NonNullable<Rows<typeof repo.plan>>;
type EvaluationRow = Rows<typeof repo.evaluations>[number];

export const presentEvaluation = (e: EvaluationRow): z.infer<typeof Evaluation> => ({
  id: e.id,
  period: e.period,
  periodLabel: PERIOD_LABELS[e.period],
  status: e.status,
  ratingResults: e.rating_results,
  ratingBehaviour: e.rating_behaviour,
  predikat: e.predikat,
  resultRatings: e.result_ratings,
  behaviourRatings: e.behaviour_ratings,
  realisations: e.realisations,
  note: e.note,
  finalisedAt: e.finalised_at ? new Date(e.finalised_at).toISOString() : null,
});

/** One SKP as the viewer sees it: what they may do next, the results with indicators and notes, the values, the evaluations in period order. */
export function presentPlanView(x: {
  plan: PlanRow;
  viewer: PlanViewer;
  results: Rows<typeof repo.results>;
  indicators: Rows<typeof repo.indicators>;
  notes: Rows<typeof repo.notes>;
  behaviours: Rows<typeof repo.behaviours>;
  evaluations: Rows<typeof repo.evaluations>;
  distributions: Partial<Record<Period, z.infer<typeof Distribution>>>;
}): z.infer<typeof PlanView> {
  const { plan, viewer, results, indicators, notes, evaluations } = x;
  const finalised = new Set(evaluations.filter((e) => e.status === 'final').map((e) => e.period));
  const next = PERIODS.find((p) => !finalised.has(p) && orderProblem(p, finalised) === null) ?? null;
  const expectations = new Map(x.behaviours.map((b) => [b.value, b.expectation]));
  return {
    plan: {
      id: plan.id,
      year: plan.year,
      status: plan.status,
      clarification: plan.clarification,
      agreedAt: plan.agreed_at ? new Date(plan.agreed_at).toISOString() : null,
      employee: {
        id: plan.employee_id,
        nip: plan.nip,
        fullName: plan.full_name,
        jabatan: plan.jabatan,
        unit: plan.unit,
        organization: { id: plan.organization_id, name: plan.organization_name },
      },
      evaluator: plan.evaluator_id
        ? {
            id: plan.evaluator_id,
            nip: plan.evaluator_nip!,
            fullName: plan.evaluator_name!,
            jabatan: plan.evaluator_jabatan!,
          }
        : null,
      atasan: plan.atasan_name ? { nip: plan.atasan_nip!, fullName: plan.atasan_name } : null,
    },
    viewer,
    can: {
      addResult: plan.status === 'draft' && (viewer === 'evaluator' || viewer === 'employee'),
      setBehaviours: plan.status === 'draft' && viewer === 'evaluator',
      agree: plan.status === 'draft' && viewer === 'employee' && results.length > 0,
      reopen: plan.status === 'agreed' && viewer === 'evaluator' && evaluations.length === 0,
      evaluate: plan.status === 'agreed' && viewer === 'evaluator',
      addNote: viewer === 'evaluator' || viewer === 'employee',
    },
    results: results.map((r) => ({
      id: r.id,
      title: r.title,
      perspective: r.perspective,
      isMain: r.is_main,
      cascadeKind: r.cascade_kind,
      parentTitle: r.parent_title,
      proposedBy: r.proposed_by,
      indicators: indicators
        .filter((i) => i.result_id === r.id)
        .map((i) => ({ id: i.id, description: i.description, kind: i.kind, target: i.target, unit: i.unit })),
      notes: notes
        .filter((n) => n.result_id === r.id)
        .map((n) => ({
          id: n.id,
          side: n.author_side,
          kind: n.kind,
          body: n.body,
          url: n.url,
          fileMime: n.file_mime,
          fileSize: n.file_size,
          author: n.author_name,
          createdAt: new Date(n.created_at).toISOString(),
        })),
    })),
    behaviours: BERAKHLAK.map((v) => ({
      value: v,
      label: BERAKHLAK_LABELS[v],
      expectation: expectations.get(v) ?? '',
    })),
    evaluations: PERIODS.flatMap((p) => evaluations.filter((e) => e.period === p)).map(presentEvaluation),
    nextPeriod: next,
    distributions: x.distributions,
  };
}
