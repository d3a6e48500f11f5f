/** SQL of the policy module (Kysely only; the executor comes first so services own transactions). */
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PoliciesTable, PolicyActionsTable, PolicyMilestonesTable } from '../../db/schema.ts';

export const policyRepository = {
  policies: (ex: Executor) =>
    ex.selectFrom('policies').selectAll().orderBy('issued_on', 'desc').orderBy('number').execute(),
  policy: (ex: Executor, id: string) => ex.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst(),
  policyByNumber: (ex: Executor, issuer: PoliciesTable['issuer'], number: string) =>
    ex.selectFrom('policies').select('id').where('issuer', '=', issuer).where('number', '=', number).executeTakeFirst(),
  insertPolicy: (ex: Executor, row: Insertable<PoliciesTable>) => ex.insertInto('policies').values(row).execute(),
  actions: (ex: Executor, policyIds: readonly string[]) =>
    policyIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('policy_actions as a')
          .innerJoin('organizations as o', 'o.id', 'a.organization_id')
          .select(['a.id', 'a.policy_id', 'a.title', 'a.organization_id', 'o.name as organization_name', 'a.position'])
          .where('a.policy_id', 'in', [...policyIds])
          .orderBy('a.position')
          .execute(),
  action: (ex: Executor, id: string) =>
    ex.selectFrom('policy_actions').selectAll().where('id', '=', id).executeTakeFirst(),
  nextActionPosition: async (ex: Executor, policyId: string) =>
    Number(
      (
        await ex
          .selectFrom('policy_actions')
          .select((eb) => eb.fn.max<number>('position').as('m'))
          .where('policy_id', '=', policyId)
          .executeTakeFirst()
      )?.m ?? -1,
    ) + 1,
  insertAction: (ex: Executor, row: Insertable<PolicyActionsTable>) =>
    ex.insertInto('policy_actions').values(row).execute(),
  milestones: (ex: Executor, actionIds: readonly string[]) =>
    actionIds.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('policy_milestones')
          .selectAll()
          .where('action_id', 'in', [...actionIds])
          .orderBy('due_on')
          .orderBy('position')
          .execute(),
  lockMilestone: (ex: Executor, id: string) =>
    ex.selectFrom('policy_milestones').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  nextMilestonePosition: async (ex: Executor, actionId: string) =>
    Number(
      (
        await ex
          .selectFrom('policy_milestones')
          .select((eb) => eb.fn.max<number>('position').as('m'))
          .where('action_id', '=', actionId)
          .executeTakeFirst()
      )?.m ?? -1,
    ) + 1,
  insertMilestones: (ex: Executor, rows: readonly Insertable<PolicyMilestonesTable>[]) =>
    rows.length === 0
      ? Promise.resolve()
      : ex
          .insertInto('policy_milestones')
          .values([...rows])
          .execute()
          .then(() => undefined),
  updateMilestone: (
    ex: Executor,
    id: string,
    patch: {
      status?: PolicyMilestonesTable['status'];
      done_on?: string | null;
      evidence_url?: string | null;
      evidence_public?: boolean;
      late_answer?: string;
      late_answered_at?: Date;
      updated_at: Date;
    },
  ) => ex.updateTable('policy_milestones').set(patch).where('id', '=', id).execute(),
  organizationExists: async (ex: Executor, id: string) =>
    (await ex.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()) !== undefined,
  organizationName: async (ex: Executor, id: string) =>
    (await ex.selectFrom('organizations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? id,
  /** Milestones not done of an OPD's actions, with their policy (the home's "milestones due or late"). */
  openMilestonesOf: (ex: Executor, organizationId: string) =>
    ex
      .selectFrom('policy_milestones as m')
      .innerJoin('policy_actions as a', 'a.id', 'm.action_id')
      .select(['m.id', 'm.due_on', 'm.status', 'm.done_on', 'a.policy_id'])
      .where('a.organization_id', '=', organizationId)
      .where('m.status', '<>', 'done')
      .execute(),
};
