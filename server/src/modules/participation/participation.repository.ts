/** SQL of the participation module (Kysely only; the executor comes first so services own transactions). */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { reserveThrottles } from '../../platform/throttle.ts';
import type {
  ComplaintAttachmentsTable,
  ForumActionsTable,
  ForumsTable,
  ConsultationCommentsTable,
  ConsultationSectionsTable,
  ConsultationsTable,
  ComplaintEventsTable,
  ComplaintsTable,
  ComplaintStatusColumn,
  ObserverAccreditationsTable,
  ObserverFindingsTable,
  ServiceUnitsTable,
  SurveyResponsesTable,
} from '../../db/schema.ts';

/** The staff list's filter on `complaints as c`, shared by the list and the home's counts so they never disagree. */
function complaintScope(f: { status?: ComplaintStatusColumn | undefined; organizationId?: string | null | undefined }) {
  const parts = [sql`true`];
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  if (f.organizationId) parts.push(sql`c.organization_id = ${f.organizationId}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export const participationRepository = {
  settings: (ex: Executor) =>
    ex.selectFrom('participation_settings').selectAll().where('id', '=', 'default').executeTakeFirst(),
  saveSettings: (ex: Executor, row: { sla: string; bands: string; updated_at: Date }) =>
    ex
      .insertInto('participation_settings')
      .values({ id: 'default', ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute(),

  accreditationPeriod: async (ex: Executor, id: string) =>
    (await ex.selectFrom('observer_accreditations').select('period_id').where('id', '=', id).executeTakeFirst())
      ?.period_id,
  findingPeriod: async (ex: Executor, id: string) =>
    (await ex.selectFrom('observer_findings').select('period_id').where('id', '=', id).executeTakeFirst())?.period_id,

  organizations: (ex: Executor) => ex.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute(),
  organizationExists: async (ex: Executor, id: string) =>
    !!(await ex.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()),
  accountName: (ex: Executor, id: string) =>
    ex.selectFrom('accounts').select(['full_name']).where('id', '=', id).executeTakeFirst(),

  /** Counts a submission against a per-source limit in the caller's transaction (platform/throttle.ts): true when refused. */
  reserveThrottle: async (trx: Executor, key: string, max: number, since: Date, at: Date) =>
    (await reserveThrottles(trx, [key], max, since, at))[0] === true,
  reserveThrottles,
  /** Spends many nonces; returns the ones that were new (the rest are replays). */
  spendChallenges: async (trx: Executor, rows: readonly { nonce: string; expiresAt: Date }[]) =>
    rows.length === 0
      ? new Set<string>()
      : new Set(
          (
            await trx
              .insertInto('participation_challenges_used')
              .values(rows.map((r) => ({ nonce: r.nonce, expires_at: r.expiresAt })))
              .onConflict((oc) => oc.column('nonce').doNothing())
              .returning('nonce')
              .execute()
          ).map((r) => r.nonce),
        ),
  /** Stores many questionnaires; returns the ids stored (the others were second answers). */
  insertResponses: async (trx: Executor, rows: readonly Insertable<SurveyResponsesTable>[]) =>
    rows.length === 0
      ? new Set<string>()
      : new Set(
          (
            await trx
              .insertInto('survey_responses')
              .values([...rows])
              .onConflict((oc) => oc.columns(['unit_id', 'period', 'respondent_key']).doNothing())
              .returning('id')
              .execute()
          ).map((r) => r.id),
        ),

  /** Spends a challenge nonce; false when it was spent before (a replay). */
  spendChallenge: async (trx: Executor, nonce: string, expiresAt: Date) =>
    (await trx
      .insertInto('participation_challenges_used')
      .values({ nonce, expires_at: expiresAt })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .returning('nonce')
      .executeTakeFirst()) !== undefined,
  purgeChallenges: (ex: Executor, now: Date) =>
    ex.deleteFrom('participation_challenges_used').where('expires_at', '<', now).execute(),

  // ── complaints ──
  insertComplaint: (trx: Executor, row: Insertable<ComplaintsTable>) =>
    trx.insertInto('complaints').values(row).execute(),
  complaintByTracking: (ex: Executor, trackingId: string) =>
    ex.selectFrom('complaints').selectAll().where('tracking_id', '=', trackingId).executeTakeFirst(),
  complaint: (ex: Executor, id: string) =>
    ex.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst(),
  lockComplaint: (trx: Executor, id: string) =>
    trx.selectFrom('complaints').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateComplaint: (trx: Executor, id: string, patch: Updateable<ComplaintsTable>) =>
    trx.updateTable('complaints').set(patch).where('id', '=', id).execute(),
  insertEvent: (trx: Executor, row: Insertable<ComplaintEventsTable>) =>
    trx.insertInto('complaint_events').values(row).execute(),
  events: (ex: Executor, complaintId: string) =>
    ex
      .selectFrom('complaint_events as e')
      .leftJoin('organizations as o', 'o.id', 'e.organization_id')
      .select([
        'e.id',
        'e.kind',
        'e.author',
        'e.author_account_id',
        'e.organization_id',
        'o.name as organization_name',
        'e.body',
        'e.body_public',
        'e.at',
      ])
      .where('e.complaint_id', '=', complaintId)
      .orderBy('e.seq')
      .execute(),
  lockEvent: (trx: Executor, complaintId: string, id: string) =>
    trx
      .selectFrom('complaint_events')
      .select(['id', 'author', 'body', 'body_public'])
      .where('complaint_id', '=', complaintId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst(),
  setEventPublicBody: (trx: Executor, id: string, bodyPublic: string) =>
    trx.updateTable('complaint_events').set({ body_public: bodyPublic }).where('id', '=', id).execute(),
  insertAttachment: (trx: Executor, row: Insertable<ComplaintAttachmentsTable>) =>
    trx.insertInto('complaint_attachments').values(row).execute(),
  attachments: (ex: Executor, complaintId: string) =>
    ex
      .selectFrom('complaint_attachments')
      .select(['id', 'mime', 'size', 'sha256', 'file_key', 'uploaded_at'])
      .where('complaint_id', '=', complaintId)
      .orderBy('uploaded_at')
      .execute(),
  insertStep: (
    trx: Executor,
    row: { id: string; complaint_id: string; organization_id: string; disposed_on: string; due_on: string },
  ) => trx.insertInto('complaint_steps').values(row).execute(),
  /** Re-points the open follow-up window of a complaint (a redisposition to another OPD). */
  moveOpenStep: (
    trx: Executor,
    complaintId: string,
    patch: { organization_id: string; disposed_on: string; due_on: string },
  ) =>
    trx
      .updateTable('complaint_steps')
      .set(patch)
      .where('complaint_id', '=', complaintId)
      .where('followed_up_on', 'is', null)
      .execute(),
  closeOpenStep: (trx: Executor, complaintId: string, on: string) =>
    trx
      .updateTable('complaint_steps')
      .set({ followed_up_on: on })
      .where('complaint_id', '=', complaintId)
      .where('followed_up_on', 'is', null)
      .execute(),

  listComplaints: async (
    ex: Executor,
    f: { status?: ComplaintStatusColumn | undefined; organizationId?: string | null; limit: number; offset: number },
  ) => {
    const q = ex
      .selectFrom('complaints as c')
      .leftJoin('organizations as o', 'o.id', 'c.organization_id')
      .where(complaintScope(f));
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll('c')
      .select('o.name as organization_name')
      .orderBy('c.filed_at', 'desc')
      .orderBy('c.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    return { total: Number(total.n), rows };
  },
  /** The dates of the reports the staff list shows for the same filter (the home's counts). */
  complaintDates: (ex: Executor, f: { status?: ComplaintStatusColumn | undefined; organizationId?: string | null }) =>
    ex
      .selectFrom('complaints as c')
      .where(complaintScope(f))
      .select(['c.id', 'c.status', 'c.filed_on', 'c.disposed_on', 'c.followed_up_on'])
      .execute(),
  /** Reports waiting on the reporter whose follow-up is at least `since` old (candidates for closure). */
  followedUpBefore: (ex: Executor, onOrBefore: string) =>
    ex
      .selectFrom('complaints')
      .select(['id', 'status', 'filed_on', 'disposed_on', 'followed_up_on'])
      .where('status', '=', 'followed_up')
      .where('followed_up_on', '<=', onOrBefore)
      .execute(),
  /** Staff to warn about a late step: the coordinators (admin, committee), or an OPD's staff. */
  staffToWarn: (ex: Executor, organizationId: string | null) => {
    let q = ex.selectFrom('accounts').select(['id', 'email_normalized', 'full_name']).where('disabled_at', 'is', null);
    q = organizationId
      ? q.where('organization_id', '=', organizationId).where('role', 'not in', ['applicant', 'observer'])
      : q.where('role', 'in', ['admin', 'committee']);
    return q.execute();
  },
  /** Marks the current step escalated, once: undefined when it already was (or the status moved on). */
  markEscalated: (trx: Executor, id: string, status: ComplaintStatusColumn) =>
    trx
      .updateTable('complaints')
      .set({ escalated_status: status })
      .where('id', '=', id)
      .where('status', '=', status)
      .where('escalated_status', 'is', null)
      .returning('id')
      .executeTakeFirst(),
  countsByCategory: (ex: Executor) =>
    ex
      .selectFrom('complaints')
      .select(['category', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['category', 'status'])
      .execute(),
  openComplaintDates: (ex: Executor) =>
    ex
      .selectFrom('complaints')
      .select([
        'id',
        'tracking_id',
        'title',
        'status',
        'filed_on',
        'disposed_on',
        'followed_up_on',
        'organization_id',
        'escalated_status',
      ])
      .where('status', 'in', ['submitted', 'disposed', 'followed_up'])
      .execute(),
  steps: (ex: Executor) =>
    ex.selectFrom('complaint_steps').select(['organization_id', 'disposed_on', 'followed_up_on']).execute(),
  /** When each verified report was filed and first disposed or rejected (the coordinator's 3-day window). */
  verifications: (ex: Executor) =>
    ex
      .selectFrom('complaints as c')
      .select([
        'c.filed_on',
        (eb) =>
          eb
            .selectFrom('complaint_events as e')
            .select((e2) => e2.fn.min<Date>('e.at').as('at'))
            .whereRef('e.complaint_id', '=', 'c.id')
            .where('e.kind', 'in', ['disposed', 'rejected'])
            .as('verified_at'),
      ])
      .execute(),

  // ── SKM/IKM ──
  insertUnit: async (trx: Executor, row: Insertable<ServiceUnitsTable>) =>
    (await trx
      .insertInto('service_units')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst()) !== undefined,
  unit: (ex: Executor, id: string) =>
    ex
      .selectFrom('service_units as u')
      .innerJoin('organizations as o', 'o.id', 'u.organization_id')
      .selectAll('u')
      .select('o.name as organization_name')
      .where('u.id', '=', id)
      .executeTakeFirst(),
  units: (ex: Executor) =>
    ex
      .selectFrom('service_units as u')
      .innerJoin('organizations as o', 'o.id', 'u.organization_id')
      .selectAll('u')
      .select('o.name as organization_name')
      .orderBy('o.name')
      .orderBy('u.name')
      .execute(),
  insertResponse: async (trx: Executor, row: Insertable<SurveyResponsesTable>) =>
    (await trx
      .insertInto('survey_responses')
      .values(row)
      .onConflict((oc) => oc.columns(['unit_id', 'period', 'respondent_key']).doNothing())
      .returning('id')
      .executeTakeFirst()) !== undefined,
  /** Per unsur position (0-based): the sum of scores, and the number of questionnaires, of one unit and period. */
  scoreSums: async (ex: Executor, unitId: string, period: string) => {
    const { rows } = await sql<{ pos: number; total: number; n: number }>`
      select (s.ord - 1)::int as pos, sum((s.value)::int)::int as total, count(*)::int as n
      from survey_responses r, jsonb_array_elements_text(r.scores) with ordinality as s(value, ord)
      where r.unit_id = ${unitId} and r.period = ${period}
      group by s.ord order by s.ord`.execute(ex);
    return rows.map((r) => ({ pos: Number(r.pos), total: Number(r.total), n: Number(r.n) }));
  },
  responseCount: async (ex: Executor, unitId: string, period: string) =>
    Number(
      (
        await ex
          .selectFrom('survey_responses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('unit_id', '=', unitId)
          .where('period', '=', period)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  periodsOf: async (ex: Executor, unitId: string) =>
    (
      await ex
        .selectFrom('survey_responses')
        .select('period')
        .distinct()
        .where('unit_id', '=', unitId)
        .orderBy('period', 'desc')
        .execute()
    ).map((r) => r.period),
  profile: (ex: Executor, unitId: string, period: string, column: 'gender' | 'age_band' | 'education' | 'occupation') =>
    ex
      .selectFrom('survey_responses')
      .select([sql<string>`${sql.ref(column)}`.as('value'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('unit_id', '=', unitId)
      .where('period', '=', period)
      .groupBy(column)
      .orderBy(column)
      .execute(),
  suggestions: (ex: Executor, unitId: string, period: string, limit: number) =>
    ex
      .selectFrom('survey_responses')
      .select(['suggestion', 'created_at'])
      .where('unit_id', '=', unitId)
      .where('period', '=', period)
      .where('suggestion', '<>', '')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute(),

  // ── observers ──
  insertAccreditation: (trx: Executor, row: Insertable<ObserverAccreditationsTable>) =>
    trx.insertInto('observer_accreditations').values(row).execute(),
  liveAccreditation: (ex: Executor, accountId: string, periodId: string) =>
    ex
      .selectFrom('observer_accreditations')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('period_id', '=', periodId)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst(),
  accreditation: (ex: Executor, id: string) =>
    ex.selectFrom('observer_accreditations').selectAll().where('id', '=', id).executeTakeFirst(),
  lockAccreditation: (trx: Executor, id: string) =>
    trx.selectFrom('observer_accreditations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  decideAccreditation: (trx: Executor, id: string, patch: Updateable<ObserverAccreditationsTable>) =>
    trx.updateTable('observer_accreditations').set(patch).where('id', '=', id).execute(),
  /** `periodIds` limits to those periods (a committee member's); an empty list finds nothing. */
  accreditations: (ex: Executor, f: { accountId?: string; periodId?: string; periodIds?: readonly string[] }) => {
    let q = ex
      .selectFrom('observer_accreditations as a')
      .innerJoin('recruitment_periods as p', 'p.id', 'a.period_id')
      .selectAll('a')
      .select(['p.name as period_name']);
    if (f.accountId) q = q.where('a.account_id', '=', f.accountId);
    if (f.periodId) q = q.where('a.period_id', '=', f.periodId);
    if (f.periodIds)
      q = f.periodIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('a.period_id', 'in', [...f.periodIds]);
    return q.orderBy('a.created_at', 'desc').execute();
  },
  period: (ex: Executor, id: string) =>
    ex.selectFrom('recruitment_periods').select(['id', 'name', 'year']).where('id', '=', id).executeTakeFirst(),
  periods: (ex: Executor) =>
    ex
      .selectFrom('recruitment_periods')
      .select(['id', 'name', 'year'])
      .orderBy('year', 'desc')
      .orderBy('name')
      .execute(),
  insertFinding: (trx: Executor, row: Insertable<ObserverFindingsTable>) =>
    trx.insertInto('observer_findings').values(row).execute(),
  lockFinding: (trx: Executor, id: string) =>
    trx.selectFrom('observer_findings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  answerFinding: (trx: Executor, id: string, patch: Updateable<ObserverFindingsTable>) =>
    trx.updateTable('observer_findings').set(patch).where('id', '=', id).execute(),
  findings: (
    ex: Executor,
    f: { id?: string; periodId?: string; periodIds?: readonly string[]; accreditationId?: string; publicOn?: string },
  ) => {
    let q = ex
      .selectFrom('observer_findings as f')
      .innerJoin('observer_accreditations as a', 'a.id', 'f.accreditation_id')
      .innerJoin('recruitment_periods as p', 'p.id', 'f.period_id')
      .selectAll('f')
      .select(['a.organization_name', 'p.name as period_name']);
    if (f.id) q = q.where('f.id', '=', f.id);
    if (f.periodId) q = q.where('f.period_id', '=', f.periodId);
    if (f.periodIds)
      q = f.periodIds.length === 0 ? q.where(sql<boolean>`false`) : q.where('f.period_id', 'in', [...f.periodIds]);
    if (f.accreditationId) q = q.where('f.accreditation_id', '=', f.accreditationId);
    if (f.publicOn) q = q.where((eb) => eb.or([eb('f.status', '=', 'answered'), eb('f.due_on', '<', f.publicOn!)]));
    return q.orderBy('f.filed_at', 'desc').execute();
  },

  // ── process views (read-only, counts only: no person appears) ──
  applicationsByStatus: (ex: Executor, periodId: string) =>
    ex
      .selectFrom('applications')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('period_id', '=', periodId)
      .groupBy('status')
      .execute(),
  /** Every submitted application's formation, status, published result and TMS reasons (codes only). */
  outcomesByFormation: (ex: Executor, periodId: string) =>
    ex
      .selectFrom('applications as a')
      .innerJoin('formations as f', 'f.id', 'a.formation_id')
      .select(['f.id as formation_id', 'f.code', 'f.jabatan', 'a.status', 'a.published_result', 'a.proposed_reasons'])
      .where('a.period_id', '=', periodId)
      .where('a.status', '<>', 'draft')
      .orderBy('f.code')
      .execute(),
  objectionsByStatus: (ex: Executor, periodId: string) =>
    ex
      .selectFrom('objections as o')
      .innerJoin('applications as a', 'a.id', 'o.application_id')
      .select([
        'o.status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.countAll<number>().filterWhere('o.announced_at', 'is not', null).as('announced'),
      ])
      .where('a.period_id', '=', periodId)
      .groupBy(['o.status'])
      .execute(),
  /** The period's exam sessions as the proctor console counts them: seats, assigned, started, submitted (no answers, no scores). */
  examSessions: (ex: Executor, periodId: string) =>
    ex
      .selectFrom('exam_sessions as s')
      .innerJoin('exam_sites as t', 't.id', 's.site_id')
      .leftJoin('cat_sessions as c', 'c.session_id', 's.id')
      .select([
        's.id',
        't.name as site_name',
        's.starts_at',
        's.capacity',
        'c.opened_at',
        'c.closed_at',
        (eb) =>
          eb
            .selectFrom('exam_assignments as a')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .whereRef('a.session_id', '=', 's.id')
            .as('assigned'),
        (eb) =>
          eb
            .selectFrom('attempts as x')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .whereRef('x.session_id', '=', 's.id')
            .as('started'),
        (eb) =>
          eb
            .selectFrom('attempts as x')
            .select((e2) => e2.fn.countAll<number>().as('n'))
            .whereRef('x.session_id', '=', 's.id')
            .where('x.status', '=', 'submitted')
            .as('submitted'),
      ])
      .where('t.period_id', '=', periodId)
      .orderBy('s.starts_at')
      .execute(),
  publications: (ex: Executor, periodId: string) =>
    ex
      .selectFrom('result_publications')
      .select(['id', 'stage', 'version', 'status', 'proposed_at', 'decided_at'])
      .where('period_id', '=', periodId)
      .orderBy('proposed_at')
      .execute(),
  announcements: (ex: Executor, periodId: string) =>
    ex
      .selectFrom('announcements')
      .select(['id', 'stage', 'status', 'proposed_at', 'decided_at'])
      .where('period_id', '=', periodId)
      .orderBy('proposed_at')
      .execute(),
  // ── open data (aggregates and public records only) ──
  openFormations: (ex: Executor) =>
    ex
      .selectFrom('formations as f')
      .innerJoin('recruitment_periods as p', 'p.id', 'f.period_id')
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .select([
        'p.code as period_code',
        'p.name as period_name',
        'p.year',
        'f.id',
        'f.code',
        'o.name as organization_name',
        'f.jabatan',
        'f.education_levels',
        'f.need_type',
        'f.quota',
        'f.placement',
        'f.updated_at',
      ])
      .orderBy('p.year', 'desc')
      .orderBy('p.code')
      .orderBy('f.code')
      .execute(),
  openOutcomes: (ex: Executor) =>
    ex
      .selectFrom('applications as a')
      .innerJoin('formations as f', 'f.id', 'a.formation_id')
      .innerJoin('recruitment_periods as p', 'p.id', 'a.period_id')
      .select([
        'p.code as period_code',
        'f.id as formation_id',
        'f.code',
        'f.jabatan',
        'a.status',
        'a.published_result',
        'a.proposed_reasons',
        'a.updated_at',
      ])
      .where('a.status', '<>', 'draft')
      .orderBy('p.code')
      .orderBy('f.code')
      .execute(),
  lastComplaintChange: async (ex: Executor) =>
    (
      await ex
        .selectFrom('complaint_events')
        .select((eb) => eb.fn.max('at').as('at'))
        .executeTakeFirst()
    )?.at ?? null,
  lastSurveyResponse: async (ex: Executor) =>
    (
      await ex
        .selectFrom('survey_responses')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .executeTakeFirst()
    )?.at ?? null,
  lastFindingChange: async (ex: Executor) => {
    const r = await ex
      .selectFrom('observer_findings')
      .select([(eb) => eb.fn.max('filed_at').as('filed'), (eb) => eb.fn.max('answered_at').as('answered')])
      .executeTakeFirst();
    const all = [r?.filed, r?.answered].filter((x): x is Date => !!x).map((d) => new Date(d).getTime());
    return all.length ? new Date(Math.max(...all)) : null;
  },
  // ── public consultation ──
  insertConsultation: (trx: Executor, row: Insertable<ConsultationsTable>) =>
    trx.insertInto('consultations').values(row).execute(),
  updateConsultation: (trx: Executor, id: string, patch: Updateable<ConsultationsTable>) =>
    trx.updateTable('consultations').set(patch).where('id', '=', id).execute(),
  lockConsultation: (trx: Executor, id: string) =>
    trx.selectFrom('consultations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  consultation: (ex: Executor, id: string) =>
    ex.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst(),
  consultations: (ex: Executor, includeDrafts: boolean) => {
    let q = ex.selectFrom('consultations').selectAll();
    if (!includeDrafts) q = q.where('status', '<>', 'draft');
    return q.orderBy('created_at', 'desc').execute();
  },
  replaceSections: async (trx: Executor, consultationId: string, rows: Insertable<ConsultationSectionsTable>[]) => {
    await trx.deleteFrom('consultation_sections').where('consultation_id', '=', consultationId).execute();
    await trx.insertInto('consultation_sections').values(rows).execute();
  },
  sections: (ex: Executor, consultationId: string) =>
    ex
      .selectFrom('consultation_sections')
      .selectAll()
      .where('consultation_id', '=', consultationId)
      .orderBy('position')
      .execute(),
  section: (ex: Executor, id: string) =>
    ex.selectFrom('consultation_sections').selectAll().where('id', '=', id).executeTakeFirst(),
  finalizeSection: (trx: Executor, id: string, patch: { final_body: string; change_reason: string }) =>
    trx.updateTable('consultation_sections').set(patch).where('id', '=', id).execute(),
  insertComment: (trx: Executor, row: Insertable<ConsultationCommentsTable>) =>
    trx.insertInto('consultation_comments').values(row).execute(),
  lockComment: (trx: Executor, id: string) =>
    trx.selectFrom('consultation_comments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateComment: (trx: Executor, id: string, patch: Updateable<ConsultationCommentsTable>) =>
    trx.updateTable('consultation_comments').set(patch).where('id', '=', id).execute(),
  comments: (ex: Executor, consultationId: string) =>
    ex
      .selectFrom('consultation_comments as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .selectAll('c')
      .select(['a.full_name as author_name'])
      .where('c.consultation_id', '=', consultationId)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute(),
  commentsByAccountSince: async (ex: Executor, accountId: string, since: Date) =>
    Number(
      (
        await ex
          .selectFrom('consultation_comments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('account_id', '=', accountId)
          .where('created_at', '>', since)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  /** One account's comments with their consultation and section (the citizen's home). */
  commentsOfAccount: (ex: Executor, accountId: string) =>
    ex
      .selectFrom('consultation_comments as x')
      .innerJoin('consultations as c', 'c.id', 'x.consultation_id')
      .innerJoin('consultation_sections as s', 's.id', 'x.section_id')
      .select([
        'x.id',
        'x.status',
        'x.answer',
        'x.created_at',
        'c.id as consultation_id',
        'c.title',
        'c.status as consultation_status',
        'c.opens_at',
        'c.closes_at',
        's.heading',
      ])
      .where('x.account_id', '=', accountId)
      .orderBy('x.created_at', 'desc')
      .orderBy('x.id')
      .limit(200)
      .execute(),
  /** The forums one account registered for, the coming ones first. */
  forumsOfAccount: (ex: Executor, accountId: string) =>
    ex
      .selectFrom('forum_registrations as r')
      .innerJoin('forums as f', 'f.id', 'r.forum_id')
      .select(['f.id', 'f.title', 'f.held_at', 'f.venue', 'f.mode', 'f.status', 'r.registered_at'])
      .where('r.account_id', '=', accountId)
      .orderBy('f.held_at', 'desc')
      .limit(200)
      .execute(),
  // ── public forums ──
  insertForum: (trx: Executor, row: Insertable<ForumsTable>) => trx.insertInto('forums').values(row).execute(),
  lockForum: (trx: Executor, id: string) =>
    trx.selectFrom('forums').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateForum: (trx: Executor, id: string, patch: Updateable<ForumsTable>) =>
    trx.updateTable('forums').set(patch).where('id', '=', id).execute(),
  forums: (ex: Executor) =>
    ex
      .selectFrom('forums as f')
      .selectAll('f')
      .select((eb) =>
        eb
          .selectFrom('forum_registrations as r')
          .select((e2) => e2.fn.countAll<number>().as('n'))
          .whereRef('r.forum_id', '=', 'f.id')
          .as('registered'),
      )
      .orderBy('f.held_at', 'desc')
      .execute(),
  forum: (ex: Executor, id: string) =>
    ex
      .selectFrom('forums as f')
      .selectAll('f')
      .select((eb) =>
        eb
          .selectFrom('forum_registrations as r')
          .select((e2) => e2.fn.countAll<number>().as('n'))
          .whereRef('r.forum_id', '=', 'f.id')
          .as('registered'),
      )
      .where('f.id', '=', id)
      .executeTakeFirst(),
  registrationCount: async (ex: Executor, forumId: string) =>
    Number(
      (
        await ex
          .selectFrom('forum_registrations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('forum_id', '=', forumId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  register: async (trx: Executor, forumId: string, accountId: string, at: Date) =>
    (await trx
      .insertInto('forum_registrations')
      .values({ forum_id: forumId, account_id: accountId, registered_at: at })
      .onConflict((oc) => oc.columns(['forum_id', 'account_id']).doNothing())
      .returning('forum_id')
      .executeTakeFirst()) !== undefined,
  unregister: async (trx: Executor, forumId: string, accountId: string) =>
    Number(
      (
        await trx
          .deleteFrom('forum_registrations')
          .where('forum_id', '=', forumId)
          .where('account_id', '=', accountId)
          .executeTakeFirst()
      ).numDeletedRows,
    ) > 0,
  isRegistered: async (ex: Executor, forumId: string, accountId: string) =>
    !!(await ex
      .selectFrom('forum_registrations')
      .select('forum_id')
      .where('forum_id', '=', forumId)
      .where('account_id', '=', accountId)
      .executeTakeFirst()),
  insertActions: (trx: Executor, rows: Insertable<ForumActionsTable>[]) =>
    rows.length ? trx.insertInto('forum_actions').values(rows).execute() : Promise.resolve([]),
  actions: (ex: Executor, forumId?: string) => {
    let q = ex.selectFrom('forum_actions').selectAll();
    if (forumId) q = q.where('forum_id', '=', forumId);
    return q.orderBy('due_on').orderBy('id').execute();
  },
  lockAction: (trx: Executor, id: string) =>
    trx.selectFrom('forum_actions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updateAction: (trx: Executor, id: string, patch: Updateable<ForumActionsTable>) =>
    trx.updateTable('forum_actions').set(patch).where('id', '=', id).execute(),
};
