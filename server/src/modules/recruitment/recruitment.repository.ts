/** SQL for recruitment. Executor first, so services own the transactions. */
import { sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PeriodScope } from '../../http/types.ts';
import type { ApplicationsTable, ApplicationStatus } from '../../db/schema.ts';

export const recruitmentRepository = {
  period: (db: Executor, id: string) => db.selectFrom('recruitment_periods').selectAll().where('id', '=', id).executeTakeFirst(),
  periods: (db: Executor) => db.selectFrom('recruitment_periods').selectAll().orderBy('year', 'desc').orderBy('code').execute(),
  holidays: async (db: Executor) => new Set((await db.selectFrom('holidays').select('day').execute()).map((h) => h.day)),

  formation: (db: Executor, id: string) =>
    db
      .selectFrom('formations')
      .innerJoin('organizations', 'organizations.id', 'formations.organization_id')
      .selectAll('formations')
      .select('organizations.name as organization_name')
      .where('formations.id', '=', id)
      .executeTakeFirst(),

  formationCodes: async (db: Executor, periodId: string) =>
    new Set((await db.selectFrom('formations').select('code').where('period_id', '=', periodId).execute()).map((r) => r.code)),

  /** The public catalog page with live applicant counts (submitted and later, not drafts). */
  catalog: async (
    db: Executor,
    f: { periodId?: string | undefined; organizationId?: string | undefined; educationLevel?: string | undefined; needType?: string | undefined; q?: string | undefined; limit: number; offset: number },
  ) => {
    let q = db
      .selectFrom('formations')
      .innerJoin('organizations', 'organizations.id', 'formations.organization_id');
    if (f.periodId) q = q.where('formations.period_id', '=', f.periodId);
    if (f.organizationId) q = q.where('formations.organization_id', '=', f.organizationId);
    if (f.needType) q = q.where('formations.need_type', '=', f.needType);
    if (f.educationLevel) q = q.where(sql<boolean>`${f.educationLevel} = any(formations.education_levels)`);
    if (f.q) q = q.where('formations.jabatan', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // Pick the page first, then count applicants for just those rows (not for every row skipped by the offset).
    const page = q
      .select(['formations.id as page_id', 'organizations.name as page_org', 'formations.jabatan as page_jabatan', 'formations.code as page_code'])
      .orderBy('organizations.name')
      .orderBy('formations.jabatan')
      .orderBy('formations.code')
      .limit(f.limit)
      .offset(f.offset);
    const rows = await db
      .selectFrom(page.as('p'))
      .innerJoin('formations', 'formations.id', 'p.page_id')
      .selectAll('formations')
      .select('p.page_org as organization_name')
      .select((eb) =>
        eb
          .selectFrom('applications')
          .whereRef('applications.formation_id', '=', 'formations.id')
          .where('applications.status', '!=', 'draft')
          .where('applications.status', '!=', 'withdrawn')
          .select(eb.fn.countAll<number>().as('n'))
          .as('applicants'),
      )
      .orderBy('p.page_org')
      .orderBy('p.page_jabatan')
      .orderBy('p.page_code')
      .execute();
    return { total: Number(total.n), rows };
  },

  application: (db: Executor, id: string) => db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst(),
  applicationOf: (db: Executor, applicantId: string, id: string) =>
    db.selectFrom('applications').selectAll().where('id', '=', id).where('applicant_id', '=', applicantId).executeTakeFirst(),
  applicationsOf: (db: Executor, applicantId: string) =>
    db.selectFrom('applications').selectAll().where('applicant_id', '=', applicantId).orderBy('created_at', 'desc').execute(),
  lockApplication: (db: Executor, id: string) =>
    db.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateApplication: (db: Executor, id: string, patch: Updateable<ApplicationsTable>) =>
    db.updateTable('applications').set(patch).where('id', '=', id).execute(),

  documents: (db: Executor, applicationId: string) =>
    db.selectFrom('application_documents').selectAll().where('application_id', '=', applicationId).orderBy('kind').execute(),
  document: (db: Executor, applicationId: string, kind: string) =>
    db.selectFrom('application_documents').selectAll().where('application_id', '=', applicationId).where('kind', '=', kind).executeTakeFirst(),

  addEvent: (db: Executor, row: { application_id: string; occurred_at: Date; status: ApplicationStatus | string; note_id: string; note_en: string }) =>
    db.insertInto('application_events').values(row).execute(),
  events: (db: Executor, applicationId: string) =>
    db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute(),

  profile: async (db: Executor, accountId: string) =>
    (await db.selectFrom('applicant_profiles').select('data').where('account_id', '=', accountId).executeTakeFirst())?.data,

  queueCounts: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .select(sql<number>`count(*) filter (where verifier_id is null and status = 'submitted')`.as('unassigned'))
      .select(sql<number>`count(*) filter (where proposed_verdict is not null and reviewed_by is null)`.as('awaiting_review'))
      .where('period_id', '=', periodId)
      .groupBy('status')
      .execute(),

  isPeriodVerifier: async (db: Executor, periodId: string, accountId: string) =>
    Boolean(await db.selectFrom('period_verifiers').select('period_id').where('period_id', '=', periodId).where('account_id', '=', accountId).executeTakeFirst()),

  isCommitteeMember: async (db: Executor, periodId: string, accountId: string) =>
    Boolean(await db.selectFrom('period_committee_members').select('period_id').where('period_id', '=', periodId).where('account_id', '=', accountId).executeTakeFirst()),

  committeePeriodIds: async (db: Executor, accountId: string) =>
    (await db.selectFrom('period_committee_members').select('period_id').where('account_id', '=', accountId).execute()).map((r) => r.period_id),

  committeeMembers: (db: Executor, periodId: string) =>
    db
      .selectFrom('period_committee_members as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.id', 'a.full_name', 'a.email', 'a.disabled_at', 'm.assigned_at'])
      .where('m.period_id', '=', periodId)
      .orderBy('a.full_name')
      .execute(),

  addCommitteeMember: (db: Executor, periodId: string, accountId: string, assignedBy: string | null) =>
    db.insertInto('period_committee_members').values({ period_id: periodId, account_id: accountId, assigned_by: assignedBy }).onConflict((oc) => oc.columns(['period_id', 'account_id']).doNothing()).execute(),

  removeCommitteeMember: (db: Executor, periodId: string, accountId: string) =>
    db.deleteFrom('period_committee_members').where('period_id', '=', periodId).where('account_id', '=', accountId).executeTakeFirst(),

  accountRole: (db: Executor, accountId: string) => db.selectFrom('accounts').select(['role', 'disabled_at']).where('id', '=', accountId).executeTakeFirst(),

  committeeAccounts: (db: Executor) =>
    db.selectFrom('accounts').select(['id', 'full_name', 'email']).where('role', '=', 'committee').where('disabled_at', 'is', null).orderBy('full_name').execute(),

  /** The period a committee route's `:id` belongs to (undefined when the record does not exist). */
  periodOf: async (db: Executor, kind: PeriodScope, id: string): Promise<string | undefined> => {
    // Kinds another module owns ('accreditation', 'finding') are resolved by that module (registerScope).
    switch (kind) {
      case 'period':
        return (await db.selectFrom('recruitment_periods').select('id as period_id').where('id', '=', id).executeTakeFirst())?.period_id;
      case 'formation':
        return (await db.selectFrom('formations').select('period_id').where('id', '=', id).executeTakeFirst())?.period_id;
      case 'application':
        return (await db.selectFrom('applications').select('period_id').where('id', '=', id).executeTakeFirst())?.period_id;
      case 'announcement':
        return (await db.selectFrom('announcements').select('period_id').where('id', '=', id).executeTakeFirst())?.period_id;
      case 'objection':
        return (await db.selectFrom('objections as o').innerJoin('applications as a', 'a.id', 'o.application_id').select('a.period_id').where('o.id', '=', id).executeTakeFirst())?.period_id;
      case 'exam-site':
        return (await db.selectFrom('exam_sites').select('period_id').where('id', '=', id).executeTakeFirst())?.period_id;
      case 'exam-session':
        return (await db.selectFrom('exam_sessions as s').innerJoin('exam_sites as site', 'site.id', 's.site_id').select('site.period_id').where('s.id', '=', id).executeTakeFirst())?.period_id;
      case 'publication':
        return (await db.selectFrom('result_publications').select('period_id').where('id', '=', id).executeTakeFirst())?.period_id;
      default:
        return undefined;
    }
  },
};
