/** Named reads other modules may call (the signed-in home's inbox). */
import type { Executor } from '../../db/database.ts';
import { selectionRepository as repo } from './selection.repository.ts';

/**
 * Result publications waiting for `accountId`'s approval: proposed by another member of a period
 * they sit on (the two-person rule: the proposer never approves their own). `periodId` is set when
 * they all belong to one period, so the home can link straight to it.
 */
export async function publicationsAwaiting(db: Executor, accountId: string) {
  const rows = await repo.proposalsAwaiting(db, accountId);
  const periods = new Set(rows.map((r) => r.period_id));
  return { count: rows.length, periodId: periods.size === 1 ? rows[0]!.period_id : null };
}
