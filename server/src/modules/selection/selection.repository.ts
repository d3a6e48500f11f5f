/** SQL for selection's official documents (the SKD and final PENGUMUMAN). Executor first. */
import type { Executor } from '../../db/database.ts';

export const selectionRepository = {
  publishedPublication: (db: Executor, id: string) =>
    db
      .selectFrom('result_publications as p')
      .innerJoin('recruitment_periods as rp', 'rp.id', 'p.period_id')
      .leftJoin('accounts as signer', 'signer.id', 'p.decided_by')
      .select(['p.id', 'p.period_id', 'p.stage', 'p.version', 'p.reason', 'p.decided_at', 'rp.name as period_name', 'rp.year', 'signer.full_name as signer_name'])
      .where('p.id', '=', id)
      .where('p.status', '=', 'published')
      .executeTakeFirst(),

  publicationFiles: (db: Executor, publicationId: string) =>
    db.selectFrom('publication_files').select(['name', 'content']).where('publication_id', '=', publicationId).execute(),

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
};
