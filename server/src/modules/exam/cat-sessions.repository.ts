/**
 * SQL of the proctor console's session list (cat-sessions.service.ts). Executor first. It reads
 * recruitment's exam_sessions, exam_sites and recruitment_periods and identity's accounts in
 * read-only joins: a list of any length stays one statement, which no index.ts call could give.
 */
import type { Executor } from '../../db/database.ts';

export interface SessionWhere {
  sessionId?: string;
  proctorId?: string;
  committeeId?: string;
  periodId?: string | undefined;
  state?: 'open' | 'all' | undefined;
}

/** The sessions a filter finds, before anything is selected: the list and its count share it. */
function scopedSessions(ex: Executor, where: SessionWhere) {
  let q = ex
    .selectFrom('exam_sessions as s')
    .innerJoin('exam_sites as site', 'site.id', 's.site_id')
    .innerJoin('recruitment_periods as p', 'p.id', 'site.period_id')
    .leftJoin('cat_sessions as c', 'c.session_id', 's.id');
  if (where.sessionId) q = q.where('s.id', '=', where.sessionId);
  if (where.proctorId) {
    const proctorId = where.proctorId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('exam_session_proctors as sp')
          .select('sp.session_id')
          .whereRef('sp.session_id', '=', 's.id')
          .where('sp.proctor_id', '=', proctorId),
      ),
    );
  }
  if (where.committeeId) {
    // A committee member sees the sessions of the periods whose committee they sit on.
    const committeeId = where.committeeId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('period_committee_members as pcm')
          .select('pcm.period_id')
          .whereRef('pcm.period_id', '=', 'site.period_id')
          .where('pcm.account_id', '=', committeeId),
      ),
    );
  }
  if (where.periodId) q = q.where('p.id', '=', where.periodId);
  if (where.state === 'open') q = q.where('c.session_id', 'is not', null).where('c.closed_at', 'is', null);
  return q;
}

/**
 * One query for sessions with their period, site, CAT state and counts: the counts are scalar
 * subqueries in the same statement, so a list of any length costs one round trip (no N+1).
 */
function sessionRows(ex: Executor, where: SessionWhere) {
  return (
    scopedSessions(ex, where)
      .leftJoin('blueprints as b', 'b.id', 'c.blueprint_id')
      .select([
        's.id',
        's.starts_at',
        's.duration_minutes',
        's.capacity',
        'p.id as period_id',
        'p.name as period_name',
        'p.year as period_year',
        'site.id as site_id',
        'site.name as site_name',
        'c.blueprint_id',
        'c.opened_at',
        'c.closed_at',
        'c.grace_seconds',
        'b.name as blueprint_name',
        'b.exam_type as blueprint_exam_type',
        'b.content as blueprint_content',
      ])
      .select((eb) => [
        eb
          .selectFrom('exam_assignments as ea')
          .whereRef('ea.session_id', '=', 's.id')
          .select(eb.fn.countAll<string | number>().as('n'))
          .as('assigned'),
        eb
          .selectFrom('attempts as a')
          .whereRef('a.session_id', '=', 's.id')
          .select(eb.fn.countAll<string | number>().as('n'))
          .as('started'),
        eb
          .selectFrom('attempts as a')
          .whereRef('a.session_id', '=', 's.id')
          .where('a.status', '=', 'submitted')
          .select(eb.fn.countAll<string | number>().as('n'))
          .as('submitted'),
      ])
      // Latest first: upcoming and today's sessions on top, past periods further down.
      .orderBy('s.starts_at', 'desc')
      .orderBy('site.name')
      .orderBy('s.id')
  );
}

export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionRows>['execute']>>[number];

/** How many sessions the same filter finds (for paging). */
async function countSessions(ex: Executor, where: SessionWhere) {
  return Number(
    (
      await scopedSessions(ex, where)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

export const catSessionsRepository = {
  sessionRows,
  countSessions,
  isProctorOf: async (ex: Executor, sessionId: string, accountId: string) =>
    (await ex
      .selectFrom('exam_session_proctors')
      .select('session_id')
      .where('session_id', '=', sessionId)
      .where('proctor_id', '=', accountId)
      .executeTakeFirst()) !== undefined,
  examSessionExists: async (ex: Executor, sessionId: string) =>
    (await ex.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).executeTakeFirst()) !== undefined,
  proctorsOf: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('exam_session_proctors as sp')
      .innerJoin('accounts as a', 'a.id', 'sp.proctor_id')
      .select(['a.id', 'a.full_name', 'a.email', 'sp.assigned_at'])
      .where('sp.session_id', '=', sessionId)
      .orderBy('a.full_name')
      .execute(),
  /** Every active proctor account, for the committee to choose from. */
  availableProctors: (ex: Executor) =>
    ex
      .selectFrom('accounts')
      .select(['id', 'full_name'])
      .where('role', '=', 'proctor')
      .where('disabled_at', 'is', null)
      .orderBy('full_name')
      .limit(500)
      .execute(),
  account: (ex: Executor, accountId: string) =>
    ex.selectFrom('accounts').select(['role', 'disabled_at']).where('id', '=', accountId).executeTakeFirst(),
  /** Whether a row was added (assigning twice is no change). */
  assignProctor: async (
    ex: Executor,
    row: { session_id: string; proctor_id: string; assigned_by: string; assigned_at: Date },
  ) =>
    Number(
      (
        await ex
          .insertInto('exam_session_proctors')
          .values(row)
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
      ).numInsertedOrUpdatedRows ?? 0,
    ) > 0,
  unassignProctor: async (ex: Executor, sessionId: string, accountId: string) =>
    Number(
      (
        await ex
          .deleteFrom('exam_session_proctors')
          .where('session_id', '=', sessionId)
          .where('proctor_id', '=', accountId)
          .executeTakeFirst()
      ).numDeletedRows,
    ) > 0,
};
