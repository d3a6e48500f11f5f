/** SQL for the administrative selection's official outputs (export, announcement PDF). Executor first. */
import type { Executor } from '../../db/database.ts';

export const outcomesRepository = {
  period: (db: Executor, id: string) =>
    db
      .selectFrom('recruitment_periods')
      .select(['id', 'name', 'year', 'stages'])
      .where('id', '=', id)
      .executeTakeFirst(),

  /** Every file past draft with its formation, OPD and applicant name, by formation code then registration number. */
  outcomeRows: (db: Executor, periodId: string) =>
    db
      .selectFrom('applications as a')
      .innerJoin('formations as f', 'f.id', 'a.formation_id')
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .innerJoin('accounts as acc', 'acc.id', 'a.applicant_id')
      .select([
        'a.id',
        'a.registration_no',
        'a.participant_no',
        'a.status',
        'a.published_result',
        'a.proposed_verdict',
        'a.proposed_reasons',
        'acc.full_name',
        'f.code',
        'f.jabatan',
        'f.need_type',
        'o.name as organization_name',
      ])
      .where('a.period_id', '=', periodId)
      .where('a.status', 'not in', ['draft', 'withdrawn'])
      .orderBy('f.code')
      .orderBy('a.registration_no')
      .execute(),

  tmsDocuments: (db: Executor, applicationIds: string[]) =>
    applicationIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('application_documents')
          .select(['application_id', 'kind', 'reason_code', 'reason_text'])
          .where('application_id', 'in', applicationIds)
          .where('verdict', '=', 'tms')
          .execute(),

  announcement: (db: Executor, id: string) =>
    db.selectFrom('announcements').selectAll().where('id', '=', id).executeTakeFirst(),

  publishedAnnouncements: (db: Executor, periodId: string) =>
    db
      .selectFrom('announcements')
      .select(['id'])
      .where('period_id', '=', periodId)
      .where('status', '=', 'published')
      .orderBy('decided_at')
      .orderBy('id')
      .execute(),

  accountName: (db: Executor, id: string) =>
    db.selectFrom('accounts').select('full_name').where('id', '=', id).executeTakeFirst(),

  formations: (db: Executor, periodId: string) =>
    db
      .selectFrom('formations as f')
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .select(['f.id', 'f.code', 'f.jabatan', 'o.name as organization_name'])
      .where('f.period_id', '=', periodId)
      .orderBy('f.code')
      .execute(),
};
