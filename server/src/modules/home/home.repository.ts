/**
 * Read-only counts for the signed-in home. A reporting read model: it reads the tables other
 * modules own (never writes them), in a few aggregate statements per role, no N+1.
 */
import { type Executor, sql } from '../../db/database.ts';

const n = (v: unknown) => Number(v ?? 0);

export const homeRepository = {
  /** Every period whose committee the account sits on (the scope of findings and accreditation requests). */
  committeePeriodIds: async (db: Executor, accountId: string) =>
    (
      await db.selectFrom('period_committee_members').select('period_id').where('account_id', '=', accountId).execute()
    ).map((r) => r.period_id),

  /** The periods whose committee the account sits on, newest first, with their stage windows. */
  periods: (db: Executor, committeeId: string, limit: number) =>
    db
      .selectFrom('recruitment_periods as p')
      .innerJoin('period_committee_members as m', 'm.period_id', 'p.id')
      .select(['p.id', 'p.name', 'p.stages'])
      .where('m.account_id', '=', committeeId)
      .orderBy('p.created_at', 'desc')
      .limit(limit)
      .execute(),

  /** Application counts per period × OPD × status (drafts included, withdrawn not). */
  statusCounts: (db: Executor, periodIds: string[]) =>
    periodIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('applications as a')
          .innerJoin('formations as f', 'f.id', 'a.formation_id')
          .select(['a.period_id', 'f.organization_id', 'a.status'])
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('a.period_id', 'in', periodIds)
          .where('a.status', '!=', 'withdrawn')
          .groupBy(['a.period_id', 'f.organization_id', 'a.status'])
          .execute()
          .then((rows) => rows.map((r) => ({ ...r, n: n(r.n) }))),

  /** Formations and quota per period × OPD, with the OPD's name. */
  formationsByOrganization: (db: Executor, periodIds: string[]) =>
    periodIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('formations as f')
          .innerJoin('organizations as o', 'o.id', 'f.organization_id')
          .select(['f.period_id', 'f.organization_id', 'o.name'])
          .select((eb) => [eb.fn.countAll<string>().as('formations'), eb.fn.sum<string>('f.quota').as('quota')])
          .where('f.period_id', 'in', periodIds)
          .groupBy(['f.period_id', 'f.organization_id', 'o.name'])
          .orderBy('o.name')
          .execute()
          .then((rows) => rows.map((r) => ({ ...r, formations: n(r.formations), quota: n(r.quota) }))),

  /** Committee work: announcements others proposed, verdicts to review, open sanggah, unclaimed files. */
  /** A committee member's work, in the periods whose committee they sit on. */
  committeeWork: async (db: Executor, accountId: string) => {
    const mine = (col: string) =>
      sql<boolean>`${sql.ref(col)} in (select period_id from period_committee_members where account_id = ${accountId})`;
    const objectionPeriod = sql<boolean>`application_id in (select id from applications where ${mine('period_id')})`;
    const r = await db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('announcements')
          .where('status', '=', 'proposed')
          .where('proposed_by', '!=', accountId)
          .where(mine('period_id'))
          .select(eb.fn.countAll<string>().as('n'))
          .as('announcements'),
        eb
          .selectFrom('applications')
          .where('status', '=', 'submitted')
          .where('proposed_verdict', 'is not', null)
          .where('reviewed_by', 'is', null)
          .where(mine('period_id'))
          .select(eb.fn.countAll<string>().as('n'))
          .as('reviews'),
        eb
          .selectFrom('objections')
          .where('status', '=', 'filed')
          .where(objectionPeriod)
          .select(eb.fn.countAll<string>().as('n'))
          .as('objections'),
        eb
          .selectFrom('objections')
          .where('status', '=', 'filed')
          .where(objectionPeriod)
          .select((e) => e.fn.min('deadline_at').as('d'))
          .as('objections_due'),
        eb
          .selectFrom('applications')
          .where('status', '=', 'submitted')
          .where('verifier_id', 'is', null)
          .where(mine('period_id'))
          .select(eb.fn.countAll<string>().as('n'))
          .as('unclaimed'),
      ])
      .executeTakeFirstOrThrow();
    return {
      announcements: n(r.announcements),
      reviews: n(r.reviews),
      objections: n(r.objections),
      objectionsDue: r.objections_due as Date | string | null,
      unclaimed: n(r.unclaimed),
    };
  },

  /** A verifier's work, in the periods they are assigned to. */
  verifierWork: async (db: Executor, accountId: string) => {
    const mine = sql<boolean>`a.period_id in (select period_id from period_verifiers where account_id = ${accountId})`;
    const r = await db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('applications as a')
          .where('a.status', '=', 'submitted')
          .where('a.verifier_id', '=', accountId)
          .where('a.proposed_verdict', 'is', null)
          .select(eb.fn.countAll<string>().as('n'))
          .as('queue'),
        eb
          .selectFrom('applications as a')
          .where('a.status', '=', 'submitted')
          .where('a.verifier_id', 'is', null)
          .where(mine)
          .select(eb.fn.countAll<string>().as('n'))
          .as('unclaimed'),
        eb
          .selectFrom('applications as a')
          .where('a.status', '=', 'submitted')
          .where('a.proposed_verdict', 'is not', null)
          .where('a.reviewed_by', 'is', null)
          .where('a.verifier_id', '!=', accountId)
          .where(mine)
          .select(eb.fn.countAll<string>().as('n'))
          .as('reviews'),
      ])
      .executeTakeFirstOrThrow();
    const due = await db
      .selectFrom('period_verifiers as pv')
      .innerJoin('recruitment_periods as p', 'p.id', 'pv.period_id')
      .select('p.stages')
      .where('pv.account_id', '=', accountId)
      .execute();
    return { queue: n(r.queue), unclaimed: n(r.unclaimed), reviews: n(r.reviews), stages: due.map((d) => d.stages) };
  },

  /** Exam sessions starting in [from, to), with CAT state and seats taken. */
  sessionsBetween: (db: Executor, from: Date, to: Date) =>
    db
      .selectFrom('exam_sessions as s')
      .innerJoin('exam_sites as site', 'site.id', 's.site_id')
      .leftJoin('cat_sessions as c', 'c.session_id', 's.id')
      .select([
        's.id',
        's.starts_at',
        's.duration_minutes',
        's.capacity',
        'site.name as site_name',
        'c.opened_at',
        'c.closed_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('exam_assignments as ea')
          .whereRef('ea.session_id', '=', 's.id')
          .select(eb.fn.countAll<string>().as('n'))
          .as('assigned'),
      )
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .orderBy('s.starts_at')
      .orderBy('site.name')
      .execute(),

  openCatSessions: async (db: Executor) =>
    n(
      (
        await db
          .selectFrom('cat_sessions')
          .where('closed_at', 'is', null)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),

  /** Current, not retired items per subtest; blueprints; the newest closed session with submissions. */
  bank: async (db: Executor) => {
    const items = await db
      .selectFrom('items as i')
      .innerJoin('item_versions as v', (j) =>
        j.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.current_version'),
      )
      .select(['v.subtest'])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('i.retired_at', 'is', null)
      .groupBy('v.subtest')
      .execute();
    const blueprints = n(
      (
        await db
          .selectFrom('blueprints')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const latest = await db
      .selectFrom('cat_sessions as c')
      .select('c.session_id')
      .where('c.closed_at', 'is not', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('attempts as a')
            .whereRef('a.session_id', '=', 'c.session_id')
            .where('a.status', '=', 'submitted')
            .select('a.id'),
        ),
      )
      .orderBy('c.closed_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const closed = n(
      (
        await db
          .selectFrom('cat_sessions as c')
          .where('c.closed_at', 'is not', null)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('attempts as a')
                .whereRef('a.session_id', '=', 'c.session_id')
                .where('a.status', '=', 'submitted')
                .select('a.id'),
            ),
          )
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    return {
      bySubtest: Object.fromEntries(items.map((r) => [r.subtest, n(r.n)])),
      blueprints,
      latestAnalysis: latest?.session_id ?? null,
      closed,
    };
  },

  /** Staff accounts by state, committee members able to sign, and e-mails not sent since `since`. */
  admin: async (db: Executor, since: Date) => {
    const r = await db
      .selectNoFrom((eb) => [
        eb.selectFrom('accounts').where('role', '!=', 'applicant').select(eb.fn.countAll<string>().as('n')).as('staff'),
        eb
          .selectFrom('accounts')
          .where('role', '!=', 'applicant')
          .where('email_verified_at', 'is', null)
          .where('disabled_at', 'is', null)
          .select(eb.fn.countAll<string>().as('n'))
          .as('pending'),
        eb
          .selectFrom('accounts')
          .where('role', '!=', 'applicant')
          .where('disabled_at', 'is not', null)
          .select(eb.fn.countAll<string>().as('n'))
          .as('disabled'),
        eb
          .selectFrom('accounts')
          .where('role', '=', 'committee')
          .where('disabled_at', 'is', null)
          .where('email_verified_at', 'is not', null)
          .select(eb.fn.countAll<string>().as('n'))
          .as('committee'),
        eb
          .selectFrom('outbox_emails')
          .where('sent_at', 'is', null)
          .where('created_at', '>=', since)
          .select(eb.fn.countAll<string>().as('n'))
          .as('unsent'),
      ])
      .executeTakeFirstOrThrow();
    return {
      staff: n(r.staff),
      pending: n(r.pending),
      disabled: n(r.disabled),
      committee: n(r.committee),
      unsent: n(r.unsent),
    };
  },
};
