/** What the policy use-cases share: their context, who may update an action, and loading actions with lateness. */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { lateness } from './domain/followup.ts';
import { policyRepository as repo } from './policy.repository.ts';

export type PolicyContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit' | 'steps'>;

export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
export const invalid = (field: string, id: string, en: string) =>
  new AppError('VALIDATION_FAILED', msg(id, en), { fields: [{ field, message: msg(id, en) }] });

/** Who updates an action's milestones: BKPSDM's admin, or a supervisor of the responsible OPD. */
export const canUpdateAction = (actor: Actor | null, organizationId: string) =>
  actor !== null &&
  (actor.role === 'admin' || (actor.role === 'supervisor' && actor.organizationId === organizationId));

/** Policies with their actions and milestones, lateness computed for today (WITA). */
export async function loadActions(ctx: Pick<AppContext, 'clock'>, ex: Kysely<DB>, policyIds: readonly string[]) {
  const [actions, holidays] = await Promise.all([repo.actions(ex, policyIds), loadHolidays(ex)]);
  const milestones = await repo.milestones(
    ex,
    actions.map((a) => a.id),
  );
  const today = localDate(ctx.clock.now());
  return actions.map((a) => ({
    ...a,
    milestones: milestones
      .filter((m) => m.action_id === a.id)
      .map((m) => ({ ...m, ...lateness({ dueOn: m.due_on, status: m.status, doneOn: m.done_on }, today, holidays) })),
  }));
}
