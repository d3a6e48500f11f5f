/** ASN records as each actor may see them: BKPSDM every record, a supervisor their unit, anyone their own. */
import type { z } from 'zod';
import type { EmployeeListQuery } from '../../../../common/contracts/development.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { developmentRepository as repo } from './development.repository.ts';
import { type DevelopmentContext, notLinked } from './development.shared.ts';
import { scopeOf } from './development.policy.ts';
import { presentEmployee } from './employees.presenter.ts';

export type EmployeesContext = Pick<DevelopmentContext, 'db' | 'clock' | 'ids' | 'audit'> & {
  identity: Pick<DevelopmentContext['identity'], 'accountIdsByEmail' | 'emailsOfAccounts'>;
};

/** The records this actor may see: null = all (BKPSDM), else these ids. */
async function visibleIds(
  ctx: Pick<EmployeesContext, 'db'>,
  actor: Actor,
): Promise<{ scope: 'all' | 'unit' | 'self'; ids: string[] | null }> {
  const scope = scopeOf(actor);
  if (scope === 'all') return { scope, ids: null };
  const own = await repo.employeeOfAccount(ctx.db, actor.accountId);
  if (!own) return { scope, ids: [] };
  return { scope, ids: scope === 'unit' ? await repo.unitIds(ctx.db, own.id) : [own.id] };
}

/** A page of the records the actor may see; the birth date only for BKPSDM or the person themselves. */
export async function listEmployees(ctx: EmployeesContext, actor: Actor, query: z.infer<typeof EmployeeListQuery>) {
  const { scope, ids: only } = await visibleIds(ctx, actor);
  const { total, rows } = await repo.list(ctx.db, {
    ids: only,
    q: query.q,
    organizationId: query.organizationId,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    scope,
    employees: rows.map((r) =>
      presentEmployee(r, { withBirthDate: scope === 'all' || r.account_id === actor.accountId }),
    ),
  };
}

/** One record, if the actor may see it; anyone else's answers NOT_FOUND. */
export async function getEmployee(ctx: EmployeesContext, actor: Actor, id: string) {
  const { scope, ids: only } = await visibleIds(ctx, actor);
  if (only && !only.includes(id)) throw notFound();
  const row = await repo.employee(ctx.db, id);
  if (!row) throw notFound();
  return presentEmployee(row, { withBirthDate: scope === 'all' || row.account_id === actor.accountId });
}

/** The signed-in person's own record. */
export async function myEmployee(ctx: EmployeesContext, actor: Actor) {
  const own = await repo.employeeOfAccount(ctx.db, actor.accountId);
  if (!own) throw notLinked();
  return presentEmployee((await repo.employee(ctx.db, own.id))!, { withBirthDate: true });
}
