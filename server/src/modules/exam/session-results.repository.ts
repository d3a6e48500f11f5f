/** SQL for the results sheet of one CAT session. Executor first. */
import type { Executor } from '../../db/database.ts';

export const sessionResultsRepository = {
  session: (db: Executor, sessionId: string) =>
    db
      .selectFrom('exam_sessions as s')
      .innerJoin('exam_sites as site', 'site.id', 's.site_id')
      .leftJoin('cat_sessions as c', 'c.session_id', 's.id')
      .select(['s.id', 's.starts_at', 'site.name as site_name', 'c.opened_at'])
      .where('s.id', '=', sessionId)
      .executeTakeFirst(),

  /** Everyone seated in the session, by seat, with their attempt (if started) and stored score. */
  rows: (db: Executor, sessionId: string) =>
    db
      .selectFrom('exam_assignments as ea')
      .innerJoin('applications as a', 'a.id', 'ea.application_id')
      .innerJoin('formations as f', 'f.id', 'a.formation_id')
      .innerJoin('accounts as acc', 'acc.id', 'a.applicant_id')
      .leftJoin('attempts as t', (j) => j.onRef('t.application_id', '=', 'a.id').on('t.session_id', '=', sessionId))
      .select([
        'ea.seat',
        'a.participant_no',
        'acc.full_name',
        'f.code as formation_code',
        't.status',
        't.started_at',
        't.submitted_at',
        't.submitted_by',
        't.score',
      ])
      .where('ea.session_id', '=', sessionId)
      .orderBy('ea.seat')
      .execute(),
};
