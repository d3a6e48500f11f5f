/**
 * Read side of the proctor console: which exam sessions exist (period, site, schedule, seats) and
 * each one's CAT state (blueprint, open/closed, when the current token was issued, how many started
 * and submitted). The committee schedules sessions in the recruitment module, but proctors need to
 * find theirs without being given a UUID, and a reloaded console needs the state it cannot keep.
 * Never returns the session token or its hash: the token exists only in the response that issued it.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { bindUseCases } from '../../platform/context.ts';
import type { Actor } from '../identity/index.ts';
import { catSessionsRepository, type SessionRow } from './cat-sessions.repository.ts';
import { type Blueprint, blueprintItemCount } from './domain/index.ts';
import type { ExamContext } from './exam.shared.ts';

/**
 * Whether the actor may run a session's console (open, close, grants, devices, lockouts, the live
 * view): the committee for the sessions of its periods (the access hook checks its seat on the
 * period's committee), a proctor only for the sessions the committee assigned
 * them. Others' sessions answer NOT_FOUND (DESIGN §7).
 */
export async function mayProctor(ex: Executor, actor: Actor, sessionId: string): Promise<boolean> {
  if (actor.role === 'committee') return true;
  if (actor.role !== 'proctor') return false;
  return catSessionsRepository.isProctorOf(ex, sessionId, actor.accountId);
}

/** Throws NOT_FOUND unless `mayProctor`. */
export async function requireProctor(ex: Executor, actor: Actor, sessionId: string): Promise<void> {
  if (!(await mayProctor(ex, actor, sessionId))) throw notFound();
}

export interface CatSessionFilter {
  periodId?: string | undefined;
  /** `open`: only sessions a proctor opened and has not closed. */
  state?: 'open' | 'all' | undefined;
}

/** A page of the list (1-based); a national period has thousands of sessions. */
export interface CatSessionPage {
  page?: number | undefined;
  pageSize?: number | undefined;
}
export const SESSIONS_PAGE_SIZE = 50;

const iso = (d: Date | string) => new Date(d).toISOString();

/** Row → contract, a whitelist: nothing of cat_sessions but the fields named here leaves. */
function presentSession(r: SessionRow) {
  return {
    sessionId: r.id,
    period: { id: r.period_id, name: r.period_name, year: r.period_year },
    site: { id: r.site_id, name: r.site_name },
    startsAt: iso(r.starts_at),
    durationMinutes: r.duration_minutes,
    capacity: r.capacity,
    assigned: Number(r.assigned ?? 0),
    cat:
      r.blueprint_id && r.opened_at
        ? {
            blueprintId: r.blueprint_id,
            blueprintName: r.blueprint_name ?? '',
            open: r.closed_at === null,
            // Opening again replaces the token and this time: it is when the current token was issued.
            openedAt: iso(r.opened_at),
            closedAt: r.closed_at ? iso(r.closed_at) : null,
            graceSeconds: r.grace_seconds ?? 30,
          }
        : null,
    counts: { started: Number(r.started ?? 0), submitted: Number(r.submitted ?? 0) },
  };
}

export type CatSessionSummary = ReturnType<typeof presentSession>;

const proctorOnly = (actor: Actor | undefined) =>
  actor?.role === 'proctor'
    ? { proctorId: actor.accountId }
    : actor?.role === 'committee'
      ? { committeeId: actor.accountId }
      : {};

/**
 * Every exam session (optionally of one period, or only open ones), latest first, with its CAT
 * state; a proctor sees only the sessions assigned to them.
 */
export async function listSessions(
  { db }: Pick<ExamContext, 'db'>,
  filter: CatSessionFilter & CatSessionPage = {},
  actor?: Actor,
) {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? SESSIONS_PAGE_SIZE;
  const where = { periodId: filter.periodId, state: filter.state, ...proctorOnly(actor) };
  const rows = await catSessionsRepository
    .sessionRows(db, where)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = await catSessionsRepository.countSessions(db, where);
  return { sessions: rows.map(presentSession), page, pageSize, total };
}

/** One session's CAT state plus its blueprint summary; NOT_FOUND for an unknown id (or, for a proctor, one not assigned). */
export async function getSession({ db }: Pick<ExamContext, 'db'>, sessionId: string, actor?: Actor) {
  const r = await catSessionsRepository.sessionRows(db, { sessionId, ...proctorOnly(actor) }).executeTakeFirst();
  if (!r) throw notFound();
  const content = r.blueprint_content as Blueprint | null;
  return {
    ...presentSession(r),
    blueprint:
      r.blueprint_id && content
        ? {
            id: r.blueprint_id,
            name: r.blueprint_name ?? content.name,
            examType: r.blueprint_exam_type ?? content.examType,
            durationMinutes: content.durationMinutes,
            itemCount: blueprintItemCount(content),
          }
        : null,
  };
}

/** The proctors assigned to a session (committee). */
export async function listProctors({ db }: Pick<ExamContext, 'db'>, sessionId: string) {
  if (!(await catSessionsRepository.examSessionExists(db, sessionId))) throw notFound();
  const rows = await catSessionsRepository.proctorsOf(db, sessionId);
  const available = await catSessionsRepository.availableProctors(db);
  return {
    proctors: rows.map((r) => ({
      accountId: r.id,
      fullName: r.full_name,
      email: r.email,
      assignedAt: iso(r.assigned_at),
    })),
    available: available.map((a) => ({ accountId: a.id, fullName: a.full_name })),
  };
}

type SessionsContext = Pick<ExamContext, 'db' | 'audit' | 'clock'>;

/** The committee assigns a proctor account to a session (idempotent; audited). */
export async function assignProctor(ctx: SessionsContext, actor: Actor, sessionId: string, accountId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await catSessionsRepository.examSessionExists(trx, sessionId))) throw notFound();
    const account = await catSessionsRepository.account(trx, accountId);
    if (!account || account.role !== 'proctor' || account.disabled_at) {
      throw new AppError(
        'VALIDATION_FAILED',
        msg('Akun ini bukan akun pengawas yang aktif.', 'This is not an active proctor account.'),
        { fields: [{ field: 'accountId', message: msg('Pilih akun pengawas.', 'Choose a proctor account.') }] },
      );
    }
    const assigned = await catSessionsRepository.assignProctor(trx, {
      session_id: sessionId,
      proctor_id: accountId,
      assigned_by: actor.accountId,
      assigned_at: ctx.clock.now(),
    });
    if (assigned) {
      await ctx.audit.record(trx, {
        actor: { id: actor.accountId, role: actor.role },
        action: 'exam_session.assign_proctor',
        subjectType: 'exam_session',
        subjectId: sessionId,
        after: { accountId },
      });
    }
  });
  return listProctors(ctx, sessionId);
}

/** The committee takes a proctor off a session (audited). */
export async function unassignProctor(ctx: SessionsContext, actor: Actor, sessionId: string, accountId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await catSessionsRepository.unassignProctor(trx, sessionId, accountId))) throw notFound();
    await ctx.audit.record(trx, {
      actor: { id: actor.accountId, role: actor.role },
      action: 'exam_session.unassign_proctor',
      subjectType: 'exam_session',
      subjectId: sessionId,
      after: { accountId },
    });
  });
  return listProctors(ctx, sessionId);
}

export const createCatSessionsService = (ctx: SessionsContext) =>
  bindUseCases(ctx, { listSessions, getSession, listProctors, assignProctor, unassignProctor });

export type CatSessionsService = ReturnType<typeof createCatSessionsService>;
