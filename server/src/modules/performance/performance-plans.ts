/** Planning an SKP year: the evaluator's team, opening a plan, its hasil kerja, the expectations, the employee's agreement and reopening. */
import type { z } from 'zod';
import type { BehavioursBody, ResultBody } from '../../../../common/contracts/performance.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { planMachine } from './domain/plan.ts';
import {
  actorOf,
  conflict,
  ensurePlans,
  indicatorRows,
  linkedEmployee,
  mustBe,
  mustBeDraft,
  type PerformanceContext,
  planFor,
  presentPlan,
  tell,
} from './performance.shared.ts';
import { performanceRepository as repo } from './performance.repository.ts';

/** The evaluator's own plan and their direct reports with their plans' and evaluations' states. */
export async function team(ctx: PerformanceContext, actor: Actor, year: number) {
  const me = await linkedEmployee(ctx, actor);
  const reports = await repo.directReports(ctx.db, me.id);
  const mine = await repo.planOf(ctx.db, me.id, year);
  const { plans, evaluations } = await repo.teamPlans(
    ctx.db,
    reports.map((r) => r.id),
    year,
  );
  const byEmployee = new Map(plans.map((p) => [p.employee_id, p]));
  const myResults = mine ? await repo.results(ctx.db, [mine.id]) : [];
  return {
    year,
    me: {
      id: me.id,
      nip: me.nip,
      fullName: me.full_name,
      jabatan: me.jabatan,
      organization: { id: me.organization_id, name: me.organization_name },
    },
    myPlan: mine
      ? {
          id: mine.id,
          status: mine.status,
          results: myResults.map((r) => ({ id: r.id, title: r.title, perspective: r.perspective })),
        }
      : null,
    members: reports.map((r) => {
      const p = byEmployee.get(r.id);
      const evs = p ? evaluations.filter((e) => e.plan_id === p.id) : [];
      return {
        employee: {
          id: r.id,
          nip: r.nip,
          fullName: r.full_name,
          jabatan: r.jabatan,
          status: r.status,
          organization: { id: r.organization_id, name: r.organization_name },
        },
        plan: p && p.evaluator_id === me.id ? { id: p.id, status: p.status, results: Number(p.results ?? 0) } : null,
        evaluations: Object.fromEntries(evs.map((e) => [e.period, { status: e.status, predikat: e.predikat }])),
      };
    }),
  };
}

/** Opens the year's SKP: the employee their own, an evaluator one of a direct report. Idempotent. */
export async function startPlan(ctx: PerformanceContext, actor: Actor, year: number, employeeId: string | null) {
  const me = await linkedEmployee(ctx, actor);
  const who = employeeId && employeeId !== me.id ? await repo.person(ctx.db, employeeId) : me;
  if (!who || (who.id !== me.id && who.supervisor_id !== me.id)) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.planOf(trx, who.id, year);
    if (existing) return { id: existing.id, created: false };
    const made = (await ensurePlans(ctx, trx, [who], year)).get(who.id)!;
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.plan.start',
      subjectType: 'skp_plan',
      subjectId: made.id,
      after: { employeeId: who.id, year, evaluatorId: who.supervisor_id },
    });
    return { id: made.id, created: true };
  });
}

/** One plan as the actor sees it (employee, evaluator, atasan or BKPSDM); anyone else gets NOT_FOUND. */
export async function getPlan(ctx: PerformanceContext, actor: Actor, planId: string) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  return presentPlan(ctx.db, plan, viewer);
}

/** A hasil kerja of the plan: set by the evaluator or proposed by the employee, while a draft. */
export async function addResult(
  ctx: PerformanceContext,
  actor: Actor,
  planId: string,
  body: z.infer<typeof ResultBody>,
) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  if (viewer !== 'evaluator' && viewer !== 'employee') mustBe(viewer, 'evaluator', plan);
  return ctx.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockPlan(trx, planId))!;
    mustBeDraft(locked.status);
    const id = ctx.ids.uuid();
    const position = (await repo.nextPositions(trx, [planId])).get(planId) ?? 0;
    await repo.insertResults(trx, [
      {
        id,
        plan_id: planId,
        parent_id: null,
        cascade_kind: null,
        title: body.title,
        perspective: body.perspective,
        is_main: body.isMain,
        proposed_by: viewer === 'evaluator' ? 'evaluator' : 'employee',
        position,
      },
    ]);
    await repo.insertIndicators(trx, indicatorRows(ctx, id, body.indicators));
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.result.add',
      subjectType: 'skp_result',
      subjectId: id,
      after: { planId, title: body.title, indicators: body.indicators.length, by: viewer },
    });
    return { id };
  });
}

/** The evaluator's ekspektasi khusus per BerAKHLAK value (SE MenPANRB 20/2021), while a draft. */
export async function setBehaviours(
  ctx: PerformanceContext,
  actor: Actor,
  planId: string,
  body: z.infer<typeof BehavioursBody>,
) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  mustBe(viewer, 'evaluator', plan);
  await ctx.db.transaction().execute(async (trx) => {
    mustBeDraft((await repo.lockPlan(trx, planId))!.status);
    await repo.upsertBehaviours(
      trx,
      planId,
      Object.entries(body.expectations).map(([value, expectation]) => ({ value, expectation: expectation ?? '' })),
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'skp.behaviours.set',
      subjectType: 'skp_plan',
      subjectId: planId,
      after: { values: Object.keys(body.expectations) },
    });
  });
  return presentPlan(ctx.db, (await repo.plan(ctx.db, planId))!, viewer);
}

/** The employee agrees to the plan, recording the clarification of expectations (Pasal 5). */
export async function agree(ctx: PerformanceContext, actor: Actor, planId: string, clarification: string) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  mustBe(viewer, 'employee', plan);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockPlan(trx, planId))!;
    const results = await repo.results(trx, [planId]);
    if (results.length === 0)
      throw conflict(
        'SKP belum memuat hasil kerja; minta pejabat penilai menurunkan hasil kerja atau usulkan sendiri lebih dulu.',
        'The SKP has no results yet; ask your evaluator to cascade results or propose your own first.',
      );
    const now = ctx.clock.now();
    await ctx.steps(trx, {
      machine: planMachine,
      subject: { type: 'skp_plan', id: planId, status: locked.status },
      event: 'agree',
      actor: actorOf(actor),
      apply: (status) => repo.setPlan(trx, planId, { status, clarification, agreed_at: now, updated_at: now }),
      audit: { action: 'skp.plan.agree', after: { clarification } },
    });
    await tell(ctx, trx, plan.evaluator_account_id, plan.evaluator_name ?? '', {
      title: `SKP ${plan.year} disepakati: ${plan.full_name}`,
      body: clarification
        ? `Klarifikasi ekspektasi: ${clarification}`
        : `${plan.full_name} menyetujui SKP ${plan.year}.`,
      path: `/skp/rencana/${planId}`,
    });
  });
  return presentPlan(ctx.db, (await repo.plan(ctx.db, planId))!, viewer);
}

/** The evaluator reopens an agreed plan that has no evaluation yet. */
export async function reopen(ctx: PerformanceContext, actor: Actor, planId: string) {
  const { plan, viewer } = await planFor(ctx, actor, planId);
  mustBe(viewer, 'evaluator', plan);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = (await repo.lockPlan(trx, planId))!;
    if ((await repo.evaluations(trx, planId)).length > 0)
      throw conflict(
        'SKP yang sudah dievaluasi tidak dapat dibuka kembali.',
        'An SKP that has been evaluated cannot be reopened.',
      );
    await ctx.steps(trx, {
      machine: planMachine,
      subject: { type: 'skp_plan', id: planId, status: locked.status },
      event: 'reopen',
      actor: actorOf(actor),
      apply: (status) => repo.setPlan(trx, planId, { status, agreed_at: null, updated_at: ctx.clock.now() }),
      audit: { action: 'skp.plan.reopen' },
    });
  });
  return presentPlan(ctx.db, (await repo.plan(ctx.db, planId))!, viewer);
}
