/** SQL for recruitment. Executor first, so services own the transactions. */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PeriodScope } from '../../http/types.ts';
import type {
  AnnouncementsTable,
  ApplicationDocumentsTable,
  ApplicationsTable,
  ApplicationStatus,
  ExamAssignmentsTable,
  ExamSessionsTable,
  ExamSitesTable,
  FormationsTable,
  ObjectionsTable,
  RecruitmentPeriodsTable,
} from '../../db/schema.ts';

/** The verification queue of a period: submitted and later, optionally one status or one verifier's files. */
const queueBase = (
  db: Executor,
  periodId: string,
  f: { status?: string | undefined; verifierId?: string | undefined },
) => {
  let q = db
    .selectFrom('applications')
    .innerJoin('formations', 'formations.id', 'applications.formation_id')
    .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
    .where('applications.period_id', '=', periodId)
    .where('applications.status', 'not in', ['draft', 'withdrawn']);
  if (f.status) q = q.where('applications.status', '=', f.status as ApplicationStatus);
  if (f.verifierId) q = q.where('applications.verifier_id', '=', f.verifierId);
  return q;
};

export const recruitmentRepository = {
  // ── periods and holidays ──
  period: (db: Executor, id: string) =>
    db.selectFrom('recruitment_periods').selectAll().where('id', '=', id).executeTakeFirst(),
  periods: (db: Executor) =>
    db.selectFrom('recruitment_periods').selectAll().orderBy('year', 'desc').orderBy('code').execute(),
  periodCodeTaken: async (db: Executor, code: string) =>
    Boolean(await db.selectFrom('recruitment_periods').select('id').where('code', '=', code).executeTakeFirst()),
  insertPeriod: (db: Executor, row: Insertable<RecruitmentPeriodsTable>) =>
    db.insertInto('recruitment_periods').values(row).execute(),
  updatePeriod: (db: Executor, id: string, patch: Updateable<RecruitmentPeriodsTable>) =>
    db.updateTable('recruitment_periods').set(patch).where('id', '=', id).execute(),
  /** The ids of a year's periods in the order they were opened (a period's position numbers its participants). */
  periodIdsOfYear: async (db: Executor, year: number) =>
    (
      await db
        .selectFrom('recruitment_periods')
        .select('id')
        .where('year', '=', year)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((p) => p.id),

  // ── formations ──
  organizationExists: async (db: Executor, id: string) =>
    Boolean(await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()),
  organizationIds: async (db: Executor) =>
    new Set((await db.selectFrom('organizations').select('id').execute()).map((o) => o.id)),
  insertFormation: (db: Executor, row: Insertable<FormationsTable>) =>
    db.insertInto('formations').values(row).execute(),
  /** A period's formations by code (the formation sheet's order; participant numbers follow it too). */
  periodFormations: (db: Executor, periodId: string) =>
    db.selectFrom('formations').selectAll().where('period_id', '=', periodId).orderBy('code').execute(),

  formation: (db: Executor, id: string) =>
    db
      .selectFrom('formations')
      .innerJoin('organizations', 'organizations.id', 'formations.organization_id')
      .selectAll('formations')
      .select('organizations.name as organization_name')
      .where('formations.id', '=', id)
      .executeTakeFirst(),

  formationCodes: async (db: Executor, periodId: string) =>
    new Set(
      (await db.selectFrom('formations').select('code').where('period_id', '=', periodId).execute()).map((r) => r.code),
    ),

  /** The public catalog page with live applicant counts (submitted and later, not drafts). */
  catalog: async (
    db: Executor,
    f: {
      periodId?: string | undefined;
      organizationId?: string | undefined;
      educationLevel?: string | undefined;
      needType?: string | undefined;
      q?: string | undefined;
      limit: number;
      offset: number;
    },
  ) => {
    let q = db.selectFrom('formations').innerJoin('organizations', 'organizations.id', 'formations.organization_id');
    if (f.periodId) q = q.where('formations.period_id', '=', f.periodId);
    if (f.organizationId) q = q.where('formations.organization_id', '=', f.organizationId);
    if (f.needType) q = q.where('formations.need_type', '=', f.needType);
    if (f.educationLevel) q = q.where(sql<boolean>`${f.educationLevel} = any(formations.education_levels)`);
    if (f.q) q = q.where('formations.jabatan', 'ilike', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // Pick the page first, then count applicants for just those rows (not for every row skipped by the offset).
    const page = q
      .select([
        'formations.id as page_id',
        'organizations.name as page_org',
        'formations.jabatan as page_jabatan',
        'formations.code as page_code',
      ])
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

  application: (db: Executor, id: string) =>
    db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst(),
  applicationOf: (db: Executor, applicantId: string, id: string) =>
    db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .where('applicant_id', '=', applicantId)
      .executeTakeFirst(),
  applicationsOf: (db: Executor, applicantId: string) =>
    db
      .selectFrom('applications')
      .selectAll()
      .where('applicant_id', '=', applicantId)
      .orderBy('created_at', 'desc')
      .execute(),
  lockApplication: (db: Executor, id: string) =>
    db.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateApplication: (db: Executor, id: string, patch: Updateable<ApplicationsTable>) =>
    db.updateTable('applications').set(patch).where('id', '=', id).execute(),
  applicationInPeriod: (db: Executor, periodId: string, applicantId: string) =>
    db
      .selectFrom('applications')
      .select('id')
      .where('period_id', '=', periodId)
      .where('applicant_id', '=', applicantId)
      .executeTakeFirst(),
  insertApplication: (db: Executor, row: Insertable<ApplicationsTable>) =>
    db.insertInto('applications').values(row).execute(),
  applicationByRegistrationNo: (db: Executor, registrationNo: string) =>
    db.selectFrom('applications').selectAll().where('registration_no', '=', registrationNo).executeTakeFirst(),
  /** Removes a draft with its documents and timeline. */
  deleteApplication: async (db: Executor, id: string) => {
    await db.deleteFrom('application_documents').where('application_id', '=', id).execute();
    await db.deleteFrom('application_events').where('application_id', '=', id).execute();
    await db.deleteFrom('applications').where('id', '=', id).execute();
  },

  documents: (db: Executor, applicationId: string) =>
    db
      .selectFrom('application_documents')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('kind')
      .execute(),
  document: (db: Executor, applicationId: string, kind: string) =>
    db
      .selectFrom('application_documents')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('kind', '=', kind)
      .executeTakeFirst(),
  /** The last upload of a kind replaces the previous one (RULES.md §1.4). */
  putDocument: (db: Executor, row: Insertable<ApplicationDocumentsTable>) =>
    db
      .insertInto('application_documents')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['application_id', 'kind']).doUpdateSet({
          file_key: row.file_key,
          mime: row.mime,
          size_bytes: row.size_bytes,
          sha256: row.sha256,
          original_name: row.original_name ?? null,
          uploaded_at: row.uploaded_at,
        }),
      )
      .execute(),
  setDocumentVerdict: (
    db: Executor,
    applicationId: string,
    kind: string,
    patch: Updateable<ApplicationDocumentsTable>,
  ) =>
    db
      .updateTable('application_documents')
      .set(patch)
      .where('application_id', '=', applicationId)
      .where('kind', '=', kind)
      .execute(),

  addEvent: (
    db: Executor,
    row: {
      application_id: string;
      occurred_at: Date;
      status: ApplicationStatus | string;
      note_id: string;
      note_en: string;
    },
  ) => db.insertInto('application_events').values(row).execute(),
  events: (db: Executor, applicationId: string) =>
    db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('id').execute(),

  profile: async (db: Executor, accountId: string) =>
    (await db.selectFrom('applicant_profiles').select('data').where('account_id', '=', accountId).executeTakeFirst())
      ?.data,
  saveProfile: (db: Executor, accountId: string, data: string, at: Date) =>
    db
      .insertInto('applicant_profiles')
      .values({ account_id: accountId, data, updated_at: at })
      .onConflict((oc) => oc.column('account_id').doUpdateSet({ data, updated_at: at }))
      .execute(),

  // ── accounts as recruitment needs them (identity's table, read-only) ──
  accountName: (db: Executor, id: string) =>
    db.selectFrom('accounts').select(['full_name']).where('id', '=', id).executeTakeFirstOrThrow(),
  accountContact: (db: Executor, id: string) =>
    db.selectFrom('accounts').select(['email', 'full_name']).where('id', '=', id).executeTakeFirstOrThrow(),
  /** What the eligibility check needs of an applicant's identity. */
  accountEligibility: (db: Executor, id: string) =>
    db.selectFrom('accounts').select(['birth_date', 'gender']).where('id', '=', id).executeTakeFirstOrThrow(),
  /** The identity printed on the registration card (its NIK is masked there). */
  accountCard: (db: Executor, id: string) =>
    db
      .selectFrom('accounts')
      .select(['full_name', 'nik', 'birth_place', 'birth_date'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  /** The identity a verifier matches the documents against. */
  accountForVerifier: (db: Executor, id: string) =>
    db
      .selectFrom('accounts')
      .select(['full_name', 'nik', 'birth_place', 'birth_date', 'gender', 'email', 'phone'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  verifierAccounts: (db: Executor) =>
    db
      .selectFrom('accounts')
      .select(['id', 'full_name', 'email'])
      .where('role', '=', 'verifier')
      .where('disabled_at', 'is', null)
      .orderBy('full_name')
      .execute(),

  // ── verification ──
  periodVerifiers: (db: Executor, periodId: string) =>
    db
      .selectFrom('period_verifiers')
      .innerJoin('accounts', 'accounts.id', 'period_verifiers.account_id')
      .select(['accounts.id', 'accounts.full_name', 'accounts.email'])
      .where('period_verifiers.period_id', '=', periodId)
      .orderBy('accounts.full_name')
      .execute(),
  addPeriodVerifier: (db: Executor, periodId: string, accountId: string, assignedBy: string) =>
    db
      .insertInto('period_verifiers')
      .values({ period_id: periodId, account_id: accountId, assigned_by: assignedBy })
      .onConflict((oc) => oc.columns(['period_id', 'account_id']).doNothing())
      .execute(),
  removePeriodVerifier: (db: Executor, periodId: string, accountId: string) =>
    db.deleteFrom('period_verifiers').where('period_id', '=', periodId).where('account_id', '=', accountId).execute(),

  queueTotal: async (
    db: Executor,
    periodId: string,
    f: { status?: string | undefined; verifierId?: string | undefined },
  ) =>
    Number(
      (
        await queueBase(db, periodId, f)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  /** One page of the queue, oldest submission first. */
  queuePage: (
    db: Executor,
    periodId: string,
    f: { status?: string | undefined; verifierId?: string | undefined; limit: number; offset: number },
  ) =>
    queueBase(db, periodId, f)
      .select([
        'applications.id',
        'applications.registration_no',
        'applications.status',
        'applications.submitted_at',
        'applications.verifier_id',
        'applications.proposed_verdict',
        'applications.reviewed_by',
        'applications.published_result',
        'formations.jabatan',
        'formations.code as formation_code',
        'accounts.full_name',
      ])
      .orderBy('applications.submitted_at')
      .orderBy('applications.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
  /** Locks the oldest unassigned submitted files, skipping those another verifier is claiming right now. */
  lockClaimable: async (db: Executor, periodId: string, count: number) =>
    (
      await db
        .selectFrom('applications')
        .select('id')
        .where('period_id', '=', periodId)
        .where('status', '=', 'submitted')
        .where('verifier_id', 'is', null)
        .orderBy('submitted_at')
        .limit(count)
        .forUpdate()
        .skipLocked()
        .execute()
    ).map((p) => p.id),
  assignFiles: (db: Executor, applicationIds: string[], verifierId: string, at: Date) =>
    db
      .updateTable('applications')
      .set({ verifier_id: verifierId, updated_at: at })
      .where('id', 'in', applicationIds)
      .execute(),
  countSubmitted: async (db: Executor, periodId: string) =>
    Number(
      (
        await db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('period_id', '=', periodId)
          .where('status', '=', 'submitted')
          .executeTakeFirstOrThrow()
      ).n,
    ),

  // ── announcements ──
  announcements: (db: Executor, periodId: string) =>
    db
      .selectFrom('announcements')
      .selectAll()
      .where('period_id', '=', periodId)
      .orderBy('proposed_at', 'desc')
      .execute(),
  hasPendingAnnouncement: async (db: Executor, periodId: string) =>
    Boolean(
      await db
        .selectFrom('announcements')
        .select('id')
        .where('period_id', '=', periodId)
        .where('status', '=', 'proposed')
        .executeTakeFirst(),
    ),
  insertAnnouncement: (db: Executor, row: Insertable<AnnouncementsTable>) =>
    db.insertInto('announcements').values(row).execute(),
  lockAnnouncement: (db: Executor, id: string) =>
    db.selectFrom('announcements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateAnnouncement: (db: Executor, id: string, patch: Updateable<AnnouncementsTable>) =>
    db.updateTable('announcements').set(patch).where('id', '=', id).execute(),
  /** Reviewed administration verdicts not yet announced. */
  unannouncedVerdicts: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .selectAll()
      .where('period_id', '=', periodId)
      .where('status', 'in', ['ms', 'tms'])
      .where('published_result', 'is', null)
      .execute(),
  /** Files whose sanggah is answered but not yet announced. */
  unannouncedObjectionOutcomes: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .innerJoin('objections', 'objections.application_id', 'applications.id')
      .selectAll('applications')
      .where('applications.period_id', '=', periodId)
      .where('objections.status', 'in', ['accepted', 'rejected'])
      .where('objections.announced_at', 'is', null)
      .execute(),

  // ── objections (sanggah) ──
  objectionOf: (db: Executor, applicationId: string) =>
    db.selectFrom('objections').selectAll().where('application_id', '=', applicationId).executeTakeFirst(),
  insertObjection: (db: Executor, row: Insertable<ObjectionsTable>) =>
    db.insertInto('objections').values(row).execute(),
  lockObjection: (db: Executor, id: string) =>
    db.selectFrom('objections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateObjection: (db: Executor, id: string, patch: Updateable<ObjectionsTable>) =>
    db.updateTable('objections').set(patch).where('id', '=', id).execute(),
  markObjectionsAnnounced: (db: Executor, applicationIds: string[], at: Date) =>
    db.updateTable('objections').set({ announced_at: at }).where('application_id', 'in', applicationIds).execute(),
  objectionEvidence: (db: Executor, id: string) =>
    db
      .selectFrom('objections')
      .select(['evidence_key', 'evidence_mime', 'application_id'])
      .where('id', '=', id)
      .executeTakeFirst(),
  countOpenObjections: async (db: Executor, periodId: string) =>
    Number(
      (
        await db
          .selectFrom('objections')
          .innerJoin('applications', 'applications.id', 'objections.application_id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('applications.period_id', '=', periodId)
          .where('objections.status', '=', 'filed')
          .executeTakeFirstOrThrow()
      ).n,
    ),
  /** A period's objections with the applicant's name, the nearest deadline first. */
  periodObjections: (db: Executor, periodId: string) =>
    db
      .selectFrom('objections')
      .innerJoin('applications', 'applications.id', 'objections.application_id')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .select([
        'objections.id',
        'objections.application_id',
        'objections.status',
        'objections.reason',
        'objections.filed_at',
        'objections.deadline_at',
        'objections.response',
        'objections.evidence_key',
        'applications.registration_no',
        'accounts.full_name',
      ])
      .where('applications.period_id', '=', periodId)
      .orderBy('objections.deadline_at')
      .execute(),

  // ── exam sites, sessions and seats ──
  insertExamSite: (db: Executor, row: Insertable<ExamSitesTable>) => db.insertInto('exam_sites').values(row).execute(),
  examSiteExists: async (db: Executor, id: string) =>
    Boolean(await db.selectFrom('exam_sites').select('id').where('id', '=', id).executeTakeFirst()),
  insertExamSession: (db: Executor, row: Insertable<ExamSessionsTable>) =>
    db.insertInto('exam_sessions').values(row).execute(),
  examSites: (db: Executor, periodId: string) =>
    db.selectFrom('exam_sites').selectAll().where('period_id', '=', periodId).orderBy('name').execute(),
  /** The sessions of these sites with how many are seated in each. */
  examSessionsOf: (db: Executor, siteIds: string[]) =>
    siteIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('exam_sessions')
          .selectAll()
          .select((eb) =>
            eb
              .selectFrom('exam_assignments')
              .whereRef('exam_assignments.session_id', '=', 'exam_sessions.id')
              .select(eb.fn.countAll<number>().as('n'))
              .as('assigned'),
          )
          .where('site_id', 'in', siteIds)
          .orderBy('starts_at')
          .execute(),
  /** A period's sessions with their seats taken and highest seat number, for placing more participants. */
  sessionsForSeating: (db: Executor, periodId: string) =>
    db
      .selectFrom('exam_sessions')
      .innerJoin('exam_sites', 'exam_sites.id', 'exam_sessions.site_id')
      .select([
        'exam_sessions.id',
        'exam_sessions.site_id',
        'exam_sessions.starts_at',
        'exam_sessions.capacity',
        'exam_sites.accessible',
      ])
      .select((eb) =>
        eb
          .selectFrom('exam_assignments')
          .whereRef('exam_assignments.session_id', '=', 'exam_sessions.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('taken'),
      )
      .select((eb) =>
        eb
          .selectFrom('exam_assignments')
          .whereRef('exam_assignments.session_id', '=', 'exam_sessions.id')
          .select((e2) => e2.fn.max('exam_assignments.seat').as('m'))
          .as('max_seat'),
      )
      .where('exam_sites.period_id', '=', periodId)
      .execute(),
  /** Announced-MS applicants of a period without a seat yet, in registration order. */
  unseatedEligible: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .leftJoin('exam_assignments', 'exam_assignments.application_id', 'applications.id')
      .select([
        'applications.id',
        'applications.registration_no',
        'applications.biodata',
        'applications.participant_no',
        'applications.formation_id',
        'formations.need_type',
        'formations.code',
      ])
      .where('applications.period_id', '=', periodId)
      .where('applications.published_result', '=', 'ms')
      .where('exam_assignments.application_id', 'is', null)
      .orderBy('applications.registration_no')
      .execute(),
  /** How many participant numbers each formation of the period has given out. */
  participantNumbersGiven: async (db: Executor, periodId: string) =>
    new Map(
      (
        await db
          .selectFrom('applications')
          .select(['formation_id', (eb) => eb.fn.count<number>('participant_no').as('n')])
          .where('period_id', '=', periodId)
          .groupBy('formation_id')
          .execute()
      ).map((r) => [r.formation_id, Number(r.n)]),
    ),
  /** Where and when these sessions run. */
  sessionPlaces: (db: Executor, sessionIds: string[]) =>
    sessionIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('exam_sessions')
          .innerJoin('exam_sites', 'exam_sites.id', 'exam_sessions.site_id')
          .select(['exam_sessions.id', 'exam_sessions.starts_at', 'exam_sites.name'])
          .where('exam_sessions.id', 'in', sessionIds)
          .execute(),
  insertExamAssignment: (db: Executor, row: Insertable<ExamAssignmentsTable>) =>
    db.insertInto('exam_assignments').values(row).execute(),
  /** An application's seat: the session's start and length and the site, as on the exam card. */
  examSeat: (db: Executor, applicationId: string) =>
    db
      .selectFrom('exam_assignments as ea')
      .innerJoin('exam_sessions as s', 's.id', 'ea.session_id')
      .innerJoin('exam_sites as site', 'site.id', 's.site_id')
      .select(['ea.seat', 'ea.extra_minutes', 's.starts_at', 's.duration_minutes', 'site.name', 'site.address'])
      .where('ea.application_id', '=', applicationId)
      .executeTakeFirst(),

  queueCounts: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .select(sql<number>`count(*) filter (where verifier_id is null and status = 'submitted')`.as('unassigned'))
      .select(
        sql<number>`count(*) filter (where proposed_verdict is not null and reviewed_by is null)`.as('awaiting_review'),
      )
      .where('period_id', '=', periodId)
      .groupBy('status')
      .execute(),

  isPeriodVerifier: async (db: Executor, periodId: string, accountId: string) =>
    Boolean(
      await db
        .selectFrom('period_verifiers')
        .select('period_id')
        .where('period_id', '=', periodId)
        .where('account_id', '=', accountId)
        .executeTakeFirst(),
    ),

  isCommitteeMember: async (db: Executor, periodId: string, accountId: string) =>
    Boolean(
      await db
        .selectFrom('period_committee_members')
        .select('period_id')
        .where('period_id', '=', periodId)
        .where('account_id', '=', accountId)
        .executeTakeFirst(),
    ),

  committeePeriodIds: async (db: Executor, accountId: string) =>
    (
      await db.selectFrom('period_committee_members').select('period_id').where('account_id', '=', accountId).execute()
    ).map((r) => r.period_id),

  committeeMembers: (db: Executor, periodId: string) =>
    db
      .selectFrom('period_committee_members as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select(['a.id', 'a.full_name', 'a.email', 'a.disabled_at', 'm.assigned_at'])
      .where('m.period_id', '=', periodId)
      .orderBy('a.full_name')
      .execute(),

  addCommitteeMember: (db: Executor, periodId: string, accountId: string, assignedBy: string | null) =>
    db
      .insertInto('period_committee_members')
      .values({ period_id: periodId, account_id: accountId, assigned_by: assignedBy })
      .onConflict((oc) => oc.columns(['period_id', 'account_id']).doNothing())
      .execute(),

  removeCommitteeMember: (db: Executor, periodId: string, accountId: string) =>
    db
      .deleteFrom('period_committee_members')
      .where('period_id', '=', periodId)
      .where('account_id', '=', accountId)
      .executeTakeFirst(),

  accountRole: (db: Executor, accountId: string) =>
    db.selectFrom('accounts').select(['role', 'disabled_at']).where('id', '=', accountId).executeTakeFirst(),

  committeeAccounts: (db: Executor) =>
    db
      .selectFrom('accounts')
      .select(['id', 'full_name', 'email'])
      .where('role', '=', 'committee')
      .where('disabled_at', 'is', null)
      .orderBy('full_name')
      .execute(),

  /** The period a committee route's `:id` belongs to (undefined when the record does not exist). */
  periodOf: async (db: Executor, kind: PeriodScope, id: string): Promise<string | undefined> => {
    // Kinds another module owns ('accreditation', 'finding') are resolved by that module (registerScope).
    switch (kind) {
      case 'period':
        return (
          await db.selectFrom('recruitment_periods').select('id as period_id').where('id', '=', id).executeTakeFirst()
        )?.period_id;
      case 'formation':
        return (await db.selectFrom('formations').select('period_id').where('id', '=', id).executeTakeFirst())
          ?.period_id;
      case 'application':
        return (await db.selectFrom('applications').select('period_id').where('id', '=', id).executeTakeFirst())
          ?.period_id;
      case 'announcement':
        return (await db.selectFrom('announcements').select('period_id').where('id', '=', id).executeTakeFirst())
          ?.period_id;
      case 'objection':
        return (
          await db
            .selectFrom('objections as o')
            .innerJoin('applications as a', 'a.id', 'o.application_id')
            .select('a.period_id')
            .where('o.id', '=', id)
            .executeTakeFirst()
        )?.period_id;
      case 'exam-site':
        return (await db.selectFrom('exam_sites').select('period_id').where('id', '=', id).executeTakeFirst())
          ?.period_id;
      case 'exam-session':
        return (
          await db
            .selectFrom('exam_sessions as s')
            .innerJoin('exam_sites as site', 'site.id', 's.site_id')
            .select('site.period_id')
            .where('s.id', '=', id)
            .executeTakeFirst()
        )?.period_id;
      case 'publication':
        return (await db.selectFrom('result_publications').select('period_id').where('id', '=', id).executeTakeFirst())
          ?.period_id;
      default:
        return undefined;
    }
  },
};
