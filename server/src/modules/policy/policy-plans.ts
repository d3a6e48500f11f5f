/** Policy plans: the list and one plan with lateness for today, and BKPSDM recording policies, actions and milestones. */
import type { z } from 'zod';
import type { ActionBody, PolicyBody } from '../../../../common/contracts/performance.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { actorOf, canUpdateAction, invalid, loadActions, type PolicyContext } from './policy.shared.ts';
import { presentPolicy, presentSummary } from './policy.presenter.ts';
import { policyRepository as repo } from './policy.repository.ts';

/** Policies with the roll-up of their actions; the public (viewer null) sees only public evidence. */
export async function listPolicies(ctx: PolicyContext, viewer: Actor | null) {
  const policies = await repo.policies(ctx.db);
  const actions = await loadActions(
    ctx,
    ctx.db,
    policies.map((p) => p.id),
  );
  return {
    policies: policies.map((p) =>
      presentSummary(
        presentPolicy(p, actions, { isPublic: viewer === null, canUpdate: (org) => canUpdateAction(viewer, org) }),
      ),
    ),
  };
}
/** One policy with its actions, milestones and their lateness. */
export async function getPolicy(ctx: PolicyContext, viewer: Actor | null, id: string) {
  const p = await repo.policy(ctx.db, id);
  if (!p) throw notFound();
  return presentPolicy(p, await loadActions(ctx, ctx.db, [id]), {
    isPublic: viewer === null,
    canUpdate: (org) => canUpdateAction(viewer, org),
  });
}

/** Records a central policy; its issuer and number are unique. */
export async function createPolicy(ctx: PolicyContext, actor: Actor, body: z.infer<typeof PolicyBody>) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.policyByNumber(trx, body.issuer, body.number))
      throw new AppError(
        'CONFLICT',
        msg(
          `Kebijakan nomor "${body.number}" dari penerbit ini sudah dicatat.`,
          `Policy "${body.number}" of this issuer is already recorded.`,
        ),
      );
    await repo.insertPolicy(trx, {
      id,
      number: body.number,
      title: body.title,
      issued_on: body.issuedOn,
      issuer: body.issuer,
      summary: body.summary,
      created_by: actor.accountId,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'policy.create',
      subjectType: 'policy',
      subjectId: id,
      after: body,
    });
  });
  return { id };
}

/** A local action with its responsible OPD and milestones. */
export async function addAction(ctx: PolicyContext, actor: Actor, policyId: string, body: z.infer<typeof ActionBody>) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.policy(trx, policyId))) throw notFound();
    if (!(await repo.organizationExists(trx, body.organizationId)))
      throw invalid(
        'organizationId',
        'Perangkat daerah penanggung jawab tidak dikenal.',
        'Unknown responsible agency.',
      );
    await repo.insertAction(trx, {
      id,
      policy_id: policyId,
      title: body.title,
      organization_id: body.organizationId,
      position: await repo.nextActionPosition(trx, policyId),
    });
    const now = ctx.clock.now();
    await repo.insertMilestones(
      trx,
      body.milestones.map((m, i) => ({
        id: ctx.ids.uuid(),
        action_id: id,
        title: m.title,
        due_on: m.dueOn,
        status: 'planned',
        position: i,
        updated_at: now,
      })),
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'policy.action.add',
      subjectType: 'policy_action',
      subjectId: id,
      after: { policyId, ...body },
    });
  });
  return { id };
}
/** Adds a milestone at the end of an action's list. */
export async function addMilestone(
  ctx: PolicyContext,
  actor: Actor,
  actionId: string,
  body: { title: string; dueOn: string },
) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.action(trx, actionId))) throw notFound();
    await repo.insertMilestones(trx, [
      {
        id,
        action_id: actionId,
        title: body.title,
        due_on: body.dueOn,
        status: 'planned',
        position: await repo.nextMilestonePosition(trx, actionId),
        updated_at: ctx.clock.now(),
      },
    ]);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'policy.milestone.add',
      subjectType: 'policy_milestone',
      subjectId: id,
      after: { actionId, ...body },
    });
  });
  return { id };
}
