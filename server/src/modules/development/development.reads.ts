/**
 * Named reads other modules may call (the signed-in home's inbox): the JP claims waiting for a
 * decider, and an employee's training day (meetings today, JP still missing this year), read with
 * the same filters the JP and training pages use.
 */
import { dayOfWeek, shiftDate, windowEndInstant, windowStartInstant } from '../../../../common/rules/calendar.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../identity/index.ts';
import { completionRepository } from './completion.repository.ts';
import { qrOpen } from './completion.shared.ts';
import { developmentRepository as people, trainingRepository as repo } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';
import { JP_PER_YEAR } from './domain/training.ts';

/**
 * JP claims waiting for `actor`'s decision: the /jp page's "submitted" list (a supervisor's unit
 * but not their own, BKPSDM all) — the same repository read, so the totals agree.
 */
export async function jpClaimsWaitingFor(db: Executor, actor: Actor): Promise<number> {
  const scope = scopeOf(actor);
  if (scope === 'self') return 0;
  const own = await people.employeeOfAccount(db, actor.accountId);
  let only: string[] | null = null;
  if (scope === 'unit') {
    if (!own) return 0;
    only = (await people.unitIds(db, own.id)).filter((id) => id !== own.id);
  }
  return (await repo.claims(db, only, 'submitted')).length;
}

/** An employee's training day on the Palu day `today`: meetings (with whether a QR is up now) and JP still missing in `year`. */
export async function trainingWaitingFor(db: Executor, accountId: string, now: Date, today: string, year: number) {
  const own = await people.employeeOfAccount(db, accountId);
  if (!own) return null;
  const [meetings, ledger] = await Promise.all([
    completionRepository.meetingsOfAccountBetween(
      db,
      accountId,
      windowStartInstant(today),
      new Date(windowEndInstant(today).getTime() + 1),
    ),
    repo.ledgerOf(db, own.id),
  ]);
  const jp = ledger.filter((l) => l.year === year).reduce((a, l) => a + l.jp, 0);
  const next = meetings.find((m) => new Date(m.ends_at).getTime() >= now.getTime()) ?? meetings.at(-1);
  return {
    meetings: meetings.length,
    nextMeeting: next
      ? { batchId: next.batch_id, startsAt: new Date(next.starts_at).toISOString(), qrOpen: qrOpen(now, next) }
      : null,
    jpShort: Math.max(0, JP_PER_YEAR - jp),
    jp,
  };
}

/**
 * The training catalog's batches (the /pelatihan list's read) that start or end in the Palu week
 * (Monday–Sunday) of `today`, not cancelled: the training admin's week. `batchId` is set when one.
 */
export async function batchesThisWeek(db: Executor, today: string) {
  const monday = shiftDate(today, -((dayOfWeek(today) + 6) % 7));
  const sunday = shiftDate(monday, 6);
  const inWeek = (d: string) => d >= monday && d <= sunday;
  const rows = (await repo.batches(db)).filter(
    (b) => b.status !== 'cancelled' && (inWeek(b.starts_on) || inWeek(b.ends_on)),
  );
  return {
    count: rows.length,
    starting: rows.filter((b) => inWeek(b.starts_on)).length,
    ending: rows.filter((b) => inWeek(b.ends_on)).length,
    batchId: rows.length === 1 ? rows[0]!.id : null,
  };
}

/** The OPD of the employee record linked to an account (a supervisor's own OPD), or null when none is linked. */
export async function organizationOfAccount(db: Executor, accountId: string): Promise<string | null> {
  const own = await people.employeeOfAccount(db, accountId);
  return own ? ((await people.employee(db, own.id))?.organization_id ?? null) : null;
}

/** NIP and name of these employee records (the IP ASN export names each row), keyed by id. */
export async function namesOfEmployees(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { nip: string; fullName: string }>();
  const { rows } = await people.list(db, { ids, limit: ids.length, offset: 0 });
  return new Map(rows.map((r) => [r.id, { nip: r.nip, fullName: r.full_name }]));
}
