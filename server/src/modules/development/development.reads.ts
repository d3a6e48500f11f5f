/**
 * Named reads other modules may call (the signed-in home's inbox): the JP claims waiting for a
 * decider, and an employee's training day (meetings today, JP still missing this year), read with
 * the same filters the JP and training pages use.
 */
import { dayOfWeek, shiftDate, windowEndInstant, windowStartInstant } from '../../../../common/rules/calendar.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../identity/index.ts';
import { appointmentRepository } from './appointment.repository.ts';
import { completionRepository } from './completion.repository.ts';
import { qrOpen } from './completion.shared.ts';
import { developmentRepository as people, trainingRepository as repo } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';
import { JP_PER_YEAR } from './domain/training.ts';
import { professionalismSources } from './professionalism-sources.repository.ts';
import { employeeRefsRepository } from './employee-refs.repository.ts';

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

/**
 * Who employee records are — id, NIP, name, OPD and linked account — by ids, NIPs, account or OPD
 * (the filters given are ANDed; none given = none returned): for modules that keep records about
 * the city's employees (professionalism's discipline records) without reading the register itself.
 */
export const employeeCards = (
  db: Executor,
  by: { ids?: readonly string[]; nips?: readonly string[]; accountId?: string; organizationId?: string },
) => people.employeeCards(db, by);
// ── Reads for the IP ASN index (professionalism module, issue 26) ──

/**
 * Employee records for the IP ASN index (every one when `ids` is null): NIP, name, status, OPD,
 * jabatan and its kind and jenjang, TMT, account and supervisor — one query for any number.
 */
export const employeesForIpAsn = (db: Executor, ids: readonly string[] | null) =>
  professionalismSources.employees(db, ids);

/**
 * Merit's own competency history for the IP ASN index, one query each: completed trainings
 * (programme kind, JP, the batch's last day) and approved JP claims (kind, JP credited, date held).
 */
export async function meritCompetenciesForIpAsn(db: Executor, ids: readonly string[] | null) {
  const [trainings, claims] = await Promise.all([
    professionalismSources.completedTrainings(db, ids),
    professionalismSources.approvedClaims(db, ids),
  ]);
  return { trainings, claims };
}

/** Training batches still open for enrolment that start on or after `today` (what an employee can still join). */
export const openBatchesFrom = (db: Executor, today: string) => professionalismSources.openBatches(db, today);

/** The employee record of an account and, for a supervisor, everyone below it in the supervisor tree. */
export async function teamOfAccount(db: Executor, accountId: string) {
  const own = await people.employeeOfAccount(db, accountId);
  if (!own) return { own: null, unit: [] as string[] };
  return { own: own.id, unit: await people.unitIds(db, own.id) };
}

/** An appointee (a record made from a recruitment application) and their Latsar result. */
export interface AppointeeOutcome {
  employeeId: string;
  applicationId: string;
  tmt: string;
  status: 'CPNS' | 'PNS' | 'PPPK';
  /** Latsar post-test score (0–100) of the finished Latsar; null when none is recorded. */
  latsarScore: number | null;
}

/**
 * Every appointee with the application they came from and their Latsar result, for the
 * correlation page (does selection pick people who perform?). No names: the caller only relates
 * numbers and must aggregate them.
 */
export async function appointeeOutcomes(db: Executor): Promise<AppointeeOutcome[]> {
  const rows = await appointmentRepository.appointeesWithLatsar(db);
  return rows.map((r) => ({
    employeeId: r.id,
    applicationId: r.application_id!,
    tmt: String(r.tmt),
    status: r.status,
    latsarScore: r.latsar_score ?? null,
  }));
}

export type { EmployeeRef } from './employee-refs.repository.ts';

/** The ASN records with these ids (the ones that exist), for modules that keep records about employees. */
export const employeesByIds = (db: Executor, ids: readonly string[]) => employeeRefsRepository.byIds(db, ids);

/** The ASN record linked to a signed-in account (employees.account_id), or null. */
export const employeeOfAccountRef = (db: Executor, accountId: string) =>
  employeeRefsRepository.ofAccount(db, accountId);

/** NIP → record id for the NIPs that are in the city's records (sheet imports check against it). */
export const employeeIdsByNip = (db: Executor, nips: readonly string[]) => employeeRefsRepository.idsByNip(db, nips);

/**
 * Merit's own competency record of a person: completed trainings (program kind, JP, dates) and
 * approved JP claims with the JP the ledger credited — what the JP page counts, read-only.
 */
export async function meritCompetencyOf(db: Executor, employeeId: string) {
  const [completions, claims] = await Promise.all([
    employeeRefsRepository.completedTrainings(db, employeeId),
    employeeRefsRepository.approvedClaims(db, employeeId),
  ]);
  return {
    completions: completions.map((c) => ({
      enrollmentId: c.id,
      title: c.title,
      programKind: c.kind,
      batchName: c.batchName,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      jp: c.credited ?? c.jp,
    })),
    claims: claims.map((c) => ({
      claimId: c.id,
      kind: c.kind,
      title: c.title,
      organizer: c.organizer,
      heldOn: c.held_on,
      jp: c.jp ?? 0,
    })),
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
