/**
 * SQL for selection: passing grades, SKD/SKB scores, publications and their official documents.
 * Executor first. The ranking and the official documents read recruitment's applications,
 * formations and periods and identity's accounts in read-only joins (a formation of any size ranks
 * in one statement); it never writes them.
 */
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { PublicationFilesTable, ResultPublicationsTable, SkdScoresTable } from '../../db/schema.ts';

export const selectionRepository = {
  // ── passing grades ──
  thresholdRuleSet: (db: Executor, year: number) =>
    db.selectFrom('threshold_rule_sets').selectAll().where('year', '=', year).executeTakeFirst(),
  thresholdRuleSets: (db: Executor) =>
    db.selectFrom('threshold_rule_sets').selectAll().orderBy('year', 'desc').execute(),
  saveThresholds: (
    db: Executor,
    year: number,
    row: { regulation: string; rules: string; uncertain: string; updated_by: string; updated_at: Date },
  ) =>
    db
      .insertInto('threshold_rule_sets')
      .values({ year, ...row })
      .onConflict((oc) => oc.column('year').doUpdateSet(row))
      .execute(),

  // ── participants and scores ──
  /**
   * Every participant of the period (those given a participant number) with their SKD and SKB
   * scores. A read-only join over recruitment's and identity's tables: the ranking reads tens of
   * thousands of rows at once, which one query does and per-module look-ups would not.
   */
  participants: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .leftJoin('skd_scores', 'skd_scores.application_id', 'applications.id')
      .leftJoin('skb_scores', 'skb_scores.application_id', 'applications.id')
      .select([
        'applications.id',
        'applications.participant_no',
        'applications.biodata',
        'formations.code as formation_code',
        'formations.id as formation_id',
        'accounts.full_name',
        'accounts.birth_date',
        'skd_scores.twk',
        'skd_scores.tiu',
        'skd_scores.tkp',
        'skd_scores.source as skd_source',
        'skd_scores.session_id as skd_session_id',
        'skb_scores.skb_hundredths',
        'skb_scores.application_id as skb_recorded',
      ])
      .where('applications.period_id', '=', periodId)
      .where('applications.participant_no', 'is not', null)
      .orderBy('formations.code')
      .orderBy('applications.participant_no')
      .execute(),

  /**
   * Participants with neither an SKD score nor a recorded absence, with their seat's session and
   * whether their CAT attempt is open. A read-only join over recruitment's and exam's tables, for
   * the same reason as `participants` (a whole period at once).
   */
  unscored: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .leftJoin('skd_scores', 'skd_scores.application_id', 'applications.id')
      .leftJoin('exam_assignments', 'exam_assignments.application_id', 'applications.id')
      .leftJoin('exam_sessions', 'exam_sessions.id', 'exam_assignments.session_id')
      .leftJoin('exam_sites', 'exam_sites.id', 'exam_sessions.site_id')
      .leftJoin('attempts', (j) =>
        j
          .onRef('attempts.application_id', '=', 'applications.id')
          .onRef('attempts.session_id', '=', 'exam_assignments.session_id'),
      )
      .select([
        'applications.id',
        'applications.participant_no',
        'formations.code as formation_code',
        'exam_sessions.id as session_id',
        'exam_sessions.starts_at',
        'exam_sites.name as site_name',
        'attempts.status as attempt_status',
      ])
      .where('applications.period_id', '=', periodId)
      .where('applications.participant_no', 'is not', null)
      .where('skd_scores.application_id', 'is', null)
      .orderBy('formations.code')
      .orderBy('applications.participant_no')
      .execute(),

  /** An import replaces whatever was recorded (from the CAT, an absence or an earlier import). */
  saveImportedSkd: (db: Executor, rows: Insertable<SkdScoresTable>[]) =>
    db
      .insertInto('skd_scores')
      .values(rows)
      .onConflict((oc) =>
        oc.column('application_id').doUpdateSet((eb) => ({
          twk: eb.ref('excluded.twk'),
          tiu: eb.ref('excluded.tiu'),
          tkp: eb.ref('excluded.tkp'),
          source: eb.ref('excluded.source'),
          session_id: null,
          recorded_by: eb.ref('excluded.recorded_by'),
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      )
      .execute(),
  /** A submitted CAT attempt's scores replace whatever was recorded. */
  saveCatSkd: (db: Executor, rows: Insertable<SkdScoresTable>[]) =>
    db
      .insertInto('skd_scores')
      .values(rows)
      .onConflict((oc) =>
        oc.column('application_id').doUpdateSet((eb) => ({
          twk: eb.ref('excluded.twk'),
          tiu: eb.ref('excluded.tiu'),
          tkp: eb.ref('excluded.tkp'),
          source: eb.ref('excluded.source'),
          session_id: eb.ref('excluded.session_id'),
          recorded_by: null,
          recorded_at: eb.ref('excluded.recorded_at'),
        })),
      )
      .execute(),
  /** Rows written only where nothing is recorded yet (absences never replace a score). */
  addSkdIfNone: (db: Executor, rows: Insertable<SkdScoresTable>[]) =>
    db
      .insertInto('skd_scores')
      .values(rows)
      .onConflict((oc) => oc.column('application_id').doNothing())
      .execute(),

  skbWeights: (db: Executor, formationId: string) =>
    db.selectFrom('skb_weights').selectAll().where('formation_id', '=', formationId).executeTakeFirst(),
  saveSkbWeights: (
    db: Executor,
    formationId: string,
    row: { components: string; updated_by: string; updated_at: Date },
  ) =>
    db
      .insertInto('skb_weights')
      .values({ formation_id: formationId, ...row })
      .onConflict((oc) => oc.column('formation_id').doUpdateSet(row))
      .execute(),
  saveSkb: (
    db: Executor,
    applicationId: string,
    periodId: string,
    row: { components: string | null; skb_hundredths: number | null; recorded_by: string; recorded_at: Date },
  ) =>
    db
      .insertInto('skb_scores')
      .values({ application_id: applicationId, period_id: periodId, ...row })
      .onConflict((oc) => oc.column('application_id').doUpdateSet(row))
      .execute(),

  optimalisasi: async (db: Executor, periodId: string) =>
    (
      await db
        .selectFrom('selection_settings')
        .select('optimalisasi')
        .where('period_id', '=', periodId)
        .executeTakeFirst()
    )?.optimalisasi ?? false,
  saveSettings: (
    db: Executor,
    periodId: string,
    row: { optimalisasi: boolean; updated_by: string; updated_at: Date },
  ) =>
    db
      .insertInto('selection_settings')
      .values({ period_id: periodId, ...row })
      .onConflict((oc) => oc.column('period_id').doUpdateSet(row))
      .execute(),

  // ── publications ──
  /** Periods whose final result is published (where appointees come from). */
  periodsWithFinal: async (db: Executor) =>
    (
      await db
        .selectFrom('result_publications')
        .select('period_id')
        .distinct()
        .where('stage', '=', 'final')
        .where('status', '=', 'published')
        .execute()
    ).map((r) => r.period_id),
  latestPublished: (db: Executor, periodId: string, stage: 'skd' | 'final') =>
    db
      .selectFrom('result_publications')
      .selectAll()
      .where('period_id', '=', periodId)
      .where('stage', '=', stage)
      .where('status', '=', 'published')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst(),
  files: (db: Executor, publicationId: string) =>
    db.selectFrom('publication_files').selectAll().where('publication_id', '=', publicationId).execute(),
  hasPendingPublication: async (db: Executor, periodId: string) =>
    Boolean(
      await db
        .selectFrom('result_publications')
        .select('id')
        .where('period_id', '=', periodId)
        .where('status', '=', 'proposed')
        .executeTakeFirst(),
    ),
  /** The highest version of a stage so far (proposed, rejected or published), 0 when none. */
  lastVersion: async (db: Executor, periodId: string, stage: 'skd' | 'final') =>
    Number(
      (
        await db
          .selectFrom('result_publications')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('period_id', '=', periodId)
          .where('stage', '=', stage)
          .executeTakeFirst()
      )?.v ?? 0,
    ),
  insertPublication: async (
    db: Executor,
    row: Insertable<ResultPublicationsTable>,
    files: Insertable<PublicationFilesTable>[],
  ) => {
    await db.insertInto('result_publications').values(row).execute();
    await db.insertInto('publication_files').values(files).execute();
  },
  lockPublication: (db: Executor, id: string) =>
    db.selectFrom('result_publications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),
  updatePublication: (db: Executor, id: string, patch: Updateable<ResultPublicationsTable>) =>
    db.updateTable('result_publications').set(patch).where('id', '=', id).execute(),
  fileHashes: (db: Executor, publicationId: string) =>
    db.selectFrom('publication_files').select(['name', 'sha256']).where('publication_id', '=', publicationId).execute(),
  publications: (db: Executor, periodId: string, publishedOnly: boolean) => {
    let q = db.selectFrom('result_publications').selectAll().where('period_id', '=', periodId);
    if (publishedOnly) q = q.where('status', '=', 'published');
    return q.orderBy('stage').orderBy('version', 'desc').execute();
  },
  /** The files of these publications without their content (name, hash, size). */
  fileSizes: (db: Executor, publicationIds: string[]) =>
    publicationIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('publication_files')
          .select(['publication_id', 'name', 'sha256', (eb) => eb.fn('octet_length', [eb.ref('content')]).as('bytes')])
          .where('publication_id', 'in', publicationIds)
          .orderBy('name')
          .execute(),
  /** A file of a published (never a proposed or rejected) publication. */
  publishedFile: (db: Executor, publicationId: string, name: string) =>
    db
      .selectFrom('publication_files')
      .innerJoin('result_publications', 'result_publications.id', 'publication_files.publication_id')
      .select(['publication_files.content', 'publication_files.sha256'])
      .where('publication_files.publication_id', '=', publicationId)
      .where('publication_files.name', '=', name)
      .where('result_publications.status', '=', 'published')
      .executeTakeFirst(),

  /** The appointed participants' applications and identity (read-only join; one query for the whole result). */
  appointees: (db: Executor, periodId: string, participantNos: string[]) =>
    db
      .selectFrom('applications')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .select([
        'applications.id',
        'applications.participant_no',
        'applications.applicant_id',
        'accounts.full_name',
        'accounts.birth_date',
        'accounts.gender',
      ])
      .where('applications.period_id', '=', periodId)
      .where('applications.participant_no', 'in', participantNos)
      .execute(),

  // ── official documents ──
  publishedPublication: (db: Executor, id: string) =>
    db
      .selectFrom('result_publications as p')
      .innerJoin('recruitment_periods as rp', 'rp.id', 'p.period_id')
      .leftJoin('accounts as signer', 'signer.id', 'p.decided_by')
      .select([
        'p.id',
        'p.period_id',
        'p.stage',
        'p.version',
        'p.reason',
        'p.decided_at',
        'rp.name as period_name',
        'rp.year',
        'signer.full_name as signer_name',
      ])
      .where('p.id', '=', id)
      .where('p.status', '=', 'published')
      .executeTakeFirst(),

  publicationFiles: (db: Executor, publicationId: string) =>
    db
      .selectFrom('publication_files')
      .select(['name', 'content'])
      .where('publication_id', '=', publicationId)
      .execute(),

  formations: (db: Executor, periodId: string) =>
    db
      .selectFrom('formations as f')
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .select(['f.code', 'f.jabatan', 'o.name as organization_name'])
      .where('f.period_id', '=', periodId)
      .orderBy('f.code')
      .execute(),

  /** Participant number → the name to mask (as on the ijazah when the biodata has it). */
  participantNames: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications as a')
      .innerJoin('accounts as acc', 'acc.id', 'a.applicant_id')
      .select(['a.participant_no', 'a.biodata', 'acc.full_name'])
      .where('a.period_id', '=', periodId)
      .where('a.participant_no', 'is not', null)
      .execute(),
  /** Result publications proposed by another member in the periods whose committee the account sits on (theirs to approve). */
  proposalsAwaiting: (db: Executor, accountId: string) =>
    db
      .selectFrom('result_publications as r')
      .innerJoin('period_committee_members as m', (j) =>
        j.onRef('m.period_id', '=', 'r.period_id').on('m.account_id', '=', accountId),
      )
      .select(['r.id', 'r.period_id', 'r.stage', 'r.proposed_at'])
      .where('r.status', '=', 'proposed')
      .where('r.proposed_by', '<>', accountId)
      .orderBy('r.proposed_at')
      .execute(),
  /**
   * Selection scores of these applications with their period and formation (the correlation page,
   * professionalism): SKD subtests, the weighted SKB, the formation's jenis kebutuhan and jabatan.
   * Only applications with an SKD row; one array parameter, so thousands of ids stay one statement.
   */
  scoresOfApplications: (db: Executor, applicationIds: readonly string[], periodId?: string) => {
    let q = db
      .selectFrom('skd_scores as k')
      .innerJoin('applications as a', 'a.id', 'k.application_id')
      .innerJoin('formations as f', 'f.id', 'a.formation_id')
      .innerJoin('recruitment_periods as rp', 'rp.id', 'a.period_id')
      .leftJoin('skb_scores as b', 'b.application_id', 'a.id')
      .select([
        'a.id as application_id',
        'a.period_id',
        'rp.code as period_code',
        'rp.name as period_name',
        'rp.year as period_year',
        'rp.type as period_type',
        'f.need_type',
        'f.jabatan',
        'k.twk',
        'k.tiu',
        'k.tkp',
        'b.skb_hundredths',
      ])
      .where(sql<boolean>`k.application_id = any(${[...applicationIds]}::uuid[])`);
    if (periodId) q = q.where('a.period_id', '=', periodId);
    return q.execute();
  },
};
