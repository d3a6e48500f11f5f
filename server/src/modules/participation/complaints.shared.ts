/**
 * What the complaint use-cases share: their context (the participation context with the step
 * runner, files, notifier, the identity service for reporters' e-mails, the anti-spam challenges,
 * the limits and the per-instance caches), the settings and deadline reads, and the refusals.
 */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate, provisionalYear } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import { type HolidayCalendar, loadHolidayCalendar } from '../../platform/holidays.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { AuditActor } from '../transparency/index.ts';
import type { Challenges } from './challenge.ts';
import {
  type ComplaintSla,
  type ComplaintStatus,
  complaintClock,
  DEFAULT_SLA,
  normalizeTrackingId,
} from './domain/complaints.ts';
import { DEFAULT_BANDS } from './domain/ikm.ts';
import { HOUR, type ParticipationContext, PUBLIC_ACTOR } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

export interface ComplaintLimits {
  /** Reports per source address per hour (anonymous form); signed-in reporters count per account. */
  perSourcePerHour: number;
  /** Replies and attachments per source address per hour. */
  actionsPerSourcePerHour: number;
  attachmentsPerComplaint: number;
  attachmentMaxBytes: number;
}

export const DEFAULT_COMPLAINT_LIMITS: ComplaintLimits = {
  perSourcePerHour: 10,
  actionsPerSourcePerHour: 60,
  attachmentsPerComplaint: 3,
  attachmentMaxBytes: 2 * 1024 * 1024,
};

/** Per-instance state the factory creates once: the filing rules read at most once a minute, the last sweep. */
export interface ComplaintState {
  filing: { at: number; sla: ComplaintSla; calendar: HolidayCalendar } | null;
  lastSweep: number;
}

export type ComplaintsContext = ParticipationContext &
  Pick<AppContext, 'steps' | 'files' | 'notifier'> & {
    identity: Pick<IdentityService, 'emailsOfAccounts'>;
    challenges: Challenges;
    limits: ComplaintLimits;
    state: ComplaintState;
  };

/** Who verifies and disposes (admin koordinator): BKPSDM's admin and the selection committee. */
export const isCoordinator = (a: Actor) => a.role === 'admin' || a.role === 'committee';
const STAFF_ROLES = new Set([
  'admin',
  'committee',
  'verifier',
  'exam_admin',
  'training_admin',
  'supervisor',
  'employee',
  'proctor',
]);
/**
 * A reporter in the public log: never their account or role (a staff member filing a report acts
 * for themselves), at most a pseudonym of that one report (ADR 0007).
 */
export const reporterActor = (a: Actor | null): AuditActor =>
  a ? { id: a.accountId, role: 'reporter', capacity: 'person' } : PUBLIC_ACTOR;
const tooMany = () =>
  new AppError(
    'TOO_MANY_REQUESTS',
    msg(
      'Terlalu banyak kiriman dari jaringan ini. Coba lagi dalam satu jam.',
      'Too many submissions from this network. Try again in an hour.',
    ),
    { retryAfterSeconds: 3600 },
  );
const challengesRefusal = () =>
  new AppError(
    'VALIDATION_FAILED',
    msg(
      'Pemeriksaan anti-spam ini sudah dipakai. Muat ulang formulir lalu kirim lagi.',
      'This anti-spam check was already used. Reload the form and send again.',
    ),
    { fields: [{ field: 'challenge', message: msg('Muat ulang formulir.', 'Reload the form.') }] },
  );

/** The complaint deadlines and the IKM bands in force (the defaults until an admin saves them). */
export async function complaintSettings(ctx: Pick<ComplaintsContext, 'db'>, ex: Kysely<DB> = ctx.db) {
  const row = await repo.settings(ex);
  return {
    sla: (row?.sla as ComplaintSla | undefined) ?? { ...DEFAULT_SLA },
    bands: (row?.bands as typeof DEFAULT_BANDS | undefined) ?? DEFAULT_BANDS,
  };
}

/**
 * The filing form's deadline needs the windows and the holidays on every request: both change a
 * few times a year, so they are read at most once a minute (another instance's edit shows within it).
 */
export async function filingRules(ctx: ComplaintsContext) {
  const now = ctx.clock.now().getTime();
  const cached = ctx.state.filing;
  if (!cached || now - cached.at > 60_000 || now < cached.at)
    ctx.state.filing = {
      at: now,
      sla: (await complaintSettings(ctx)).sla,
      calendar: await loadHolidayCalendar(ctx.db),
    };
  return ctx.state.filing!;
}

/** Counts a submission against its source's hourly limit, in the transaction that stores it. */
export async function throttle(ctx: ComplaintsContext, trx: Kysely<DB>, key: string, max: number) {
  const now = ctx.clock.now();
  if (await repo.reserveThrottle(trx, key, max, new Date(now.getTime() - HOUR), now)) throw tooMany();
}

/** Spends a checked challenge's nonce in the storing transaction; a replayed one is refused. */
export async function spend(trx: Kysely<DB>, spent: { nonce: string; expiresAt: Date } | null) {
  if (spent && !(await repo.spendChallenge(trx, spent.nonce, spent.expiresAt))) throw challengesRefusal();
}

/** The report a tracking ID names, typed loosely (case, dashes); NOT_FOUND says what to check. */
export async function byTracking(ctx: Pick<ComplaintsContext, 'db'>, text: string) {
  const id = normalizeTrackingId(text);
  const c = id ? await repo.complaintByTracking(ctx.db, id) : undefined;
  if (!c)
    throw new AppError(
      'NOT_FOUND',
      msg(
        'Nomor pelacakan tidak ditemukan. Periksa kembali nomor yang Anda terima saat melapor (contoh: PGD-7K2QM-9XHTA).',
        'Tracking ID not found. Check the number you received when filing (e.g. PGD-7K2QM-9XHTA).',
      ),
    );
  return c;
}

/** The report's deadline; `provisionalYear` names the year whose holiday list is not loaded yet when the due day falls in it. */
export async function clockOf(
  ctx: ComplaintsContext,
  c: { status: ComplaintStatus; filed_on: string; disposed_on: string | null; followed_up_on: string | null },
  calendar?: HolidayCalendar,
) {
  const cal = calendar ?? (await loadHolidayCalendar(ctx.db));
  const at = complaintClock(
    { status: c.status, filedOn: c.filed_on, disposedOn: c.disposed_on, followedUpOn: c.followed_up_on },
    localDate(ctx.clock.now()),
    cal.days,
    (await complaintSettings(ctx)).sla,
  );
  return { ...at, provisionalYear: at.dueOn ? provisionalYear(at.dueOn, cal.loadedYears) : null };
}

/** Tells a reporter with an account (in the app and by e-mail) that their report moved. */
export async function tellReporter(
  ctx: ComplaintsContext,
  trx: Kysely<DB>,
  c: { reporter_account_id: string | null; reporter_name: string | null; tracking_id: string; title: string },
  title: string,
  body: string,
) {
  if (!c.reporter_account_id) return;
  const email = (await ctx.identity.emailsOfAccounts([c.reporter_account_id], trx)).get(c.reporter_account_id);
  if (email)
    await ctx.notifier.notify(
      trx,
      { accountId: c.reporter_account_id, email, fullName: c.reporter_name ?? '' },
      { title, body, path: `/pengaduan/lacak/${c.tracking_id}` },
    );
}

/** Whether a staff member may act for the OPD a report is disposed to (or is a coordinator). */
export const mayFollowUp = (actor: Actor, c: { organization_id: string | null }) =>
  isCoordinator(actor) ||
  (STAFF_ROLES.has(actor.role) && !!c.organization_id && actor.organizationId === c.organization_id);
