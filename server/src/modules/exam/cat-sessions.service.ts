/**
 * Read side of the proctor console: which exam sessions exist (period, site, schedule, seats) and
 * each one's CAT state (blueprint, open/closed, when the current token was issued, how many started
 * and submitted). The committee schedules sessions in the recruitment module, but proctors need to
 * find theirs without being given a UUID, and a reloaded console needs the state it cannot keep.
 * Never returns the session token or its hash: the token exists only in the response that issued it.
 */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { type Blueprint, blueprintItemCount } from './domain/index.ts';

export interface CatSessionsDeps {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
}

/**
 * Whether the actor may run a session's console (open, close, grants, devices, lockouts, the live
 * view): the committee for the sessions of its periods (the access hook checks its seat on the
 * period's committee), a proctor only for the sessions the committee assigned
 * them. Others' sessions answer NOT_FOUND (DESIGN §7).
 */
export async function mayProctor(ex: Executor, actor: Actor, sessionId: string): Promise<boolean> {
  if (actor.role === 'committee') return true;
  if (actor.role !== 'proctor') return false;
  const row = await ex.selectFrom('exam_session_proctors').select('session_id').where('session_id', '=', sessionId).where('proctor_id', '=', actor.accountId).executeTakeFirst();
  return row !== undefined;
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

/**
 * One query for sessions with their period, site, CAT state and counts: the counts are scalar
 * subqueries in the same statement, so a list of any length costs one round trip (no N+1).
 */
function sessionRows(ex: Executor, where: { sessionId?: string; proctorId?: string; committeeId?: string } & CatSessionFilter) {
  let q = ex
    .selectFrom('exam_sessions as s')
    .innerJoin('exam_sites as site', 'site.id', 's.site_id')
    .innerJoin('recruitment_periods as p', 'p.id', 'site.period_id')
    .leftJoin('cat_sessions as c', 'c.session_id', 's.id')
    .leftJoin('blueprints as b', 'b.id', 'c.blueprint_id')
    .select([
      's.id', 's.starts_at', 's.duration_minutes', 's.capacity',
      'p.id as period_id', 'p.name as period_name', 'p.year as period_year',
      'site.id as site_id', 'site.name as site_name',
      'c.blueprint_id', 'c.opened_at', 'c.closed_at', 'c.grace_seconds',
      'b.name as blueprint_name', 'b.exam_type as blueprint_exam_type', 'b.content as blueprint_content',
    ])
    .select((eb) => [
      eb.selectFrom('exam_assignments as ea').whereRef('ea.session_id', '=', 's.id').select(eb.fn.countAll<string | number>().as('n')).as('assigned'),
      eb.selectFrom('attempts as a').whereRef('a.session_id', '=', 's.id').select(eb.fn.countAll<string | number>().as('n')).as('started'),
      eb.selectFrom('attempts as a').whereRef('a.session_id', '=', 's.id').where('a.status', '=', 'submitted').select(eb.fn.countAll<string | number>().as('n')).as('submitted'),
    ]);
  if (where.sessionId) q = q.where('s.id', '=', where.sessionId);
  if (where.proctorId) {
    const proctorId = where.proctorId;
    q = q.where((eb) => eb.exists(eb.selectFrom('exam_session_proctors as sp').select('sp.session_id').whereRef('sp.session_id', '=', 's.id').where('sp.proctor_id', '=', proctorId)));
  }
  if (where.committeeId) {
    // A committee member sees the sessions of the periods whose committee they sit on.
    const committeeId = where.committeeId;
    q = q.where((eb) => eb.exists(eb.selectFrom('period_committee_members as pcm').select('pcm.period_id').whereRef('pcm.period_id', '=', 'site.period_id').where('pcm.account_id', '=', committeeId)));
  }
  if (where.periodId) q = q.where('p.id', '=', where.periodId);
  if (where.state === 'open') q = q.where('c.session_id', 'is not', null).where('c.closed_at', 'is', null);
  // Latest first: upcoming and today's sessions on top, past periods further down.
  return q.orderBy('s.starts_at', 'desc').orderBy('site.name').orderBy('s.id');
}

type Row = Awaited<ReturnType<ReturnType<typeof sessionRows>['execute']>>[number];

/** How many sessions the same filter finds (for paging). */
async function countSessions(ex: Executor, where: { proctorId?: string; committeeId?: string } & CatSessionFilter) {
  let q = ex
    .selectFrom('exam_sessions as s')
    .innerJoin('exam_sites as site', 'site.id', 's.site_id')
    .leftJoin('cat_sessions as c', 'c.session_id', 's.id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (where.periodId) q = q.where('site.period_id', '=', where.periodId);
  if (where.state === 'open') q = q.where('c.session_id', 'is not', null).where('c.closed_at', 'is', null);
  if (where.proctorId) {
    const proctorId = where.proctorId;
    q = q.where((eb) => eb.exists(eb.selectFrom('exam_session_proctors as sp').select('sp.session_id').whereRef('sp.session_id', '=', 's.id').where('sp.proctor_id', '=', proctorId)));
  }
  if (where.committeeId) {
    // A committee member sees the sessions of the periods whose committee they sit on.
    const committeeId = where.committeeId;
    q = q.where((eb) => eb.exists(eb.selectFrom('period_committee_members as pcm').select('pcm.period_id').whereRef('pcm.period_id', '=', 'site.period_id').where('pcm.account_id', '=', committeeId)));
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Row → contract, a whitelist: nothing of cat_sessions but the fields named here leaves. */
function presentSession(r: Row) {
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

export function createCatSessionsService(deps: CatSessionsDeps) {
  const { db, audit, clock } = deps;
  const proctorOnly = (actor: Actor | undefined) => (actor?.role === 'proctor' ? { proctorId: actor.accountId } : actor?.role === 'committee' ? { committeeId: actor.accountId } : {});
  return {
    /**
     * Every exam session (optionally of one period, or only open ones), latest first, with its CAT
     * state; a proctor sees only the sessions assigned to them.
     */
    async listSessions(filter: CatSessionFilter & CatSessionPage = {}, actor?: Actor) {
      const page = filter.page ?? 1;
      const pageSize = filter.pageSize ?? SESSIONS_PAGE_SIZE;
      const where = { periodId: filter.periodId, state: filter.state, ...proctorOnly(actor) };
      const rows = await sessionRows(db, where).limit(pageSize).offset((page - 1) * pageSize).execute();
      const total = await countSessions(db, where);
      return { sessions: rows.map(presentSession), page, pageSize, total };
    },

    /** One session's CAT state plus its blueprint summary; NOT_FOUND for an unknown id (or, for a proctor, one not assigned). */
    async getSession(sessionId: string, actor?: Actor) {
      const r = await sessionRows(db, { sessionId, ...proctorOnly(actor) }).executeTakeFirst();
      if (!r) throw notFound();
      const content = r.blueprint_content as Blueprint | null;
      return {
        ...presentSession(r),
        blueprint:
          r.blueprint_id && content
            ? { id: r.blueprint_id, name: r.blueprint_name ?? content.name, examType: r.blueprint_exam_type ?? content.examType, durationMinutes: content.durationMinutes, itemCount: blueprintItemCount(content) }
            : null,
      };
    },

    /** The proctors assigned to a session (committee). */
    async listProctors(sessionId: string) {
      if (!(await db.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).executeTakeFirst())) throw notFound();
      const rows = await db
        .selectFrom('exam_session_proctors as sp')
        .innerJoin('accounts as a', 'a.id', 'sp.proctor_id')
        .select(['a.id', 'a.full_name', 'a.email', 'sp.assigned_at'])
        .where('sp.session_id', '=', sessionId)
        .orderBy('a.full_name')
        .execute();
      // Every active proctor account, for the committee to choose from.
      const available = await db.selectFrom('accounts').select(['id', 'full_name']).where('role', '=', 'proctor').where('disabled_at', 'is', null).orderBy('full_name').limit(500).execute();
      return {
        proctors: rows.map((r) => ({ accountId: r.id, fullName: r.full_name, email: r.email, assignedAt: iso(r.assigned_at) })),
        available: available.map((a) => ({ accountId: a.id, fullName: a.full_name })),
      };
    },

    /** The committee assigns a proctor account to a session (idempotent; audited). */
    async assignProctor(actor: Actor, sessionId: string, accountId: string) {
      await db.transaction().execute(async (trx) => {
        if (!(await trx.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).executeTakeFirst())) throw notFound();
        const account = await trx.selectFrom('accounts').select(['role', 'disabled_at']).where('id', '=', accountId).executeTakeFirst();
        if (!account || account.role !== 'proctor' || account.disabled_at) {
          throw new AppError('VALIDATION_FAILED', msg('Akun ini bukan akun pengawas yang aktif.', 'This is not an active proctor account.'), { fields: [{ field: 'accountId', message: msg('Pilih akun pengawas.', 'Choose a proctor account.') }] });
        }
        const r = await trx.insertInto('exam_session_proctors').values({ session_id: sessionId, proctor_id: accountId, assigned_by: actor.accountId, assigned_at: clock.now() }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
          await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'exam_session.assign_proctor', subjectType: 'exam_session', subjectId: sessionId, after: { accountId } });
        }
      });
      return this.listProctors(sessionId);
    },

    /** The committee takes a proctor off a session (audited). */
    async unassignProctor(actor: Actor, sessionId: string, accountId: string) {
      await db.transaction().execute(async (trx) => {
        const r = await trx.deleteFrom('exam_session_proctors').where('session_id', '=', sessionId).where('proctor_id', '=', accountId).executeTakeFirst();
        if (Number(r.numDeletedRows) === 0) throw notFound();
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'exam_session.unassign_proctor', subjectType: 'exam_session', subjectId: sessionId, after: { accountId } });
      });
      return this.listProctors(sessionId);
    },
  };
}

export type CatSessionsService = ReturnType<typeof createCatSessionsService>;
