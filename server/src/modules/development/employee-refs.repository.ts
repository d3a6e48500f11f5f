/**
 * SQL behind development's named reads for modules that keep records about employees (issue 26:
 * the professionalism module's education and competency history): who a record is, NIP lookup,
 * and a person's completed trainings and approved JP claims.
 */
import type { Executor } from '../../db/database.ts';

/** Who an ASN record is, as other modules name it: id, NIP, name, OPD and jabatan. */
export interface EmployeeRef {
  id: string;
  nip: string;
  fullName: string;
  organizationId: string;
  organizationName: string;
  jabatan: string;
  accountId: string | null;
}

const refs = (db: Executor) =>
  db
    .selectFrom('employees as e')
    .innerJoin('organizations as o', 'o.id', 'e.organization_id')
    .select([
      'e.id',
      'e.nip',
      'e.full_name as fullName',
      'e.organization_id as organizationId',
      'o.name as organizationName',
      'e.jabatan',
      'e.account_id as accountId',
    ]);

export const employeeRefsRepository = {
  byIds: async (db: Executor, ids: readonly string[]): Promise<EmployeeRef[]> =>
    ids.length === 0
      ? []
      : refs(db)
          .where('e.id', 'in', [...new Set(ids)])
          .execute(),
  ofAccount: async (db: Executor, accountId: string): Promise<EmployeeRef | null> =>
    (await refs(db).where('e.account_id', '=', accountId).executeTakeFirst()) ?? null,
  idsByNip: async (db: Executor, nips: readonly string[]): Promise<Map<string, string>> => {
    if (nips.length === 0) return new Map();
    const rows = await db
      .selectFrom('employees')
      .select(['id', 'nip'])
      .where('nip', 'in', [...new Set(nips)])
      .execute();
    return new Map(rows.map((r) => [r.nip, r.id]));
  },
  completedTrainings: (db: Executor, employeeId: string) =>
    db
      .selectFrom('enrollments as e')
      .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .leftJoin('jp_ledger as l', 'l.enrollment_id', 'e.id')
      .select([
        'e.id',
        'p.title',
        'p.kind',
        'b.name as batchName',
        'b.starts_on',
        'b.ends_on',
        'p.jp',
        'l.jp as credited',
      ])
      .where('e.employee_id', '=', employeeId)
      .where('e.status', '=', 'completed')
      .orderBy('b.ends_on', 'desc')
      .execute(),
  approvedClaims: (db: Executor, employeeId: string) =>
    db
      .selectFrom('jp_claims as c')
      .leftJoin('jp_ledger as l', 'l.claim_id', 'c.id')
      .select(['c.id', 'c.kind', 'c.title', 'c.organizer', 'c.held_on', 'l.jp'])
      .where('c.employee_id', '=', employeeId)
      .where('c.status', '=', 'approved')
      .orderBy('c.held_on', 'desc')
      .execute(),
};
