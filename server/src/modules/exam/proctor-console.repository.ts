/**
 * SQL of the proctor's console (open/close, participants, time grants, device approvals,
 * lockouts, incidents), the public scoreboard and item analysis. Executor first. The participant
 * list joins recruitment's exam_assignments and applications and identity's accounts read-only:
 * the live view redraws on every change of a hall, so it stays one statement.
 */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { CatSessionsTable } from '../../db/schema.ts';

export const proctorConsoleRepository = {
  // ── open and close ──
  examSessionExists: async (ex: Executor, sessionId: string) =>
    (await ex.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).executeTakeFirst()) !== undefined,
  blueprintType: async (ex: Executor, id: string) =>
    (await ex.selectFrom('blueprints').select('exam_type').where('id', '=', id).executeTakeFirst())?.exam_type,
  catSessionForUpdate: (ex: Executor, sessionId: string) =>
    ex.selectFrom('cat_sessions').selectAll().where('session_id', '=', sessionId).forUpdate().executeTakeFirst(),
  anyAttempt: async (ex: Executor, sessionId: string) =>
    (await ex.selectFrom('attempts').select('id').where('session_id', '=', sessionId).executeTakeFirst()) !== undefined,
  insertCatSession: (ex: Executor, row: Insertable<CatSessionsTable>) =>
    ex.insertInto('cat_sessions').values(row).execute(),
  updateCatSession: (ex: Executor, sessionId: string, row: Updateable<CatSessionsTable>) =>
    ex.updateTable('cat_sessions').set(row).where('session_id', '=', sessionId).execute(),
  /** Whether an open session was closed now. */
  closeCatSession: async (ex: Executor, sessionId: string, at: Date, by: string) =>
    Number(
      (
        await ex
          .updateTable('cat_sessions')
          .set({ closed_at: at, closed_by: by })
          .where('session_id', '=', sessionId)
          .where('closed_at', 'is', null)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) > 0,
  /** Everyone seated in the session who never started (recorded absent for an SKD). */
  seatedWithoutAttempt: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('exam_assignments')
      .innerJoin('applications', 'applications.id', 'exam_assignments.application_id')
      .leftJoin('attempts', (j) =>
        j
          .onRef('attempts.application_id', '=', 'exam_assignments.application_id')
          .onRef('attempts.session_id', '=', 'exam_assignments.session_id'),
      )
      .select(['applications.id', 'applications.period_id', 'applications.participant_no'])
      .where('exam_assignments.session_id', '=', sessionId)
      .where('attempts.id', 'is', null)
      .execute(),

  // ── participants (console and scoreboard) ──
  sessionParticipants: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('exam_assignments')
      .innerJoin('applications', 'applications.id', 'exam_assignments.application_id')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .leftJoin('attempts', (j) =>
        j.onRef('attempts.application_id', '=', 'applications.id').on('attempts.session_id', '=', sessionId),
      )
      .select([
        'applications.id as application_id',
        'applications.participant_no',
        'accounts.full_name',
        'exam_assignments.seat',
        'exam_assignments.extra_minutes',
        'attempts.id as attempt_id',
        'attempts.status',
        'attempts.deadline_at',
        'attempts.last_seen_at',
        'attempts.submitted_at',
        'attempts.submitted_by',
        'attempts.form',
        'attempts.score',
      ])
      .select((eb) =>
        eb
          .selectFrom('answers')
          .whereRef('answers.attempt_id', '=', 'attempts.id')
          .where('answers.chosen', 'is not', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('answered'),
      )
      .where('exam_assignments.session_id', '=', sessionId)
      .orderBy('exam_assignments.seat')
      .execute(),
  attemptOfForUpdate: (ex: Executor, sessionId: string, applicationId: string) =>
    ex
      .selectFrom('attempts')
      .select(['id', 'status'])
      .where('session_id', '=', sessionId)
      .where('application_id', '=', applicationId)
      .forUpdate()
      .executeTakeFirst(),
  /** The account behind a participant seated in the session. */
  seatedApplicant: (ex: Executor, sessionId: string, applicationId: string) =>
    ex
      .selectFrom('exam_assignments')
      .innerJoin('applications', 'applications.id', 'exam_assignments.application_id')
      .select(['applications.applicant_id'])
      .where('exam_assignments.session_id', '=', sessionId)
      .where('exam_assignments.application_id', '=', applicationId)
      .executeTakeFirst(),

  // ── time grants ──
  grantedMinutes: async (ex: Executor, attemptId: string) =>
    (await ex.selectFrom('time_grants').select('minutes').where('attempt_id', '=', attemptId).execute()).map(
      (g) => g.minutes,
    ),
  insertGrant: (
    ex: Executor,
    row: { attempt_id: string; minutes: number; reason: string; granted_by: string; at: Date },
  ) => ex.insertInto('time_grants').values(row).execute(),
  deadlineInputs: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('attempts')
      .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
      .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
      .select(['attempts.started_at', 'attempts.extra_minutes', 'blueprints.content'])
      .where('attempts.id', '=', attemptId)
      .executeTakeFirstOrThrow(),
  setDeadline: (ex: Executor, attemptId: string, deadline: Date) =>
    ex.updateTable('attempts').set({ deadline_at: deadline }).where('id', '=', attemptId).execute(),

  // ── devices and incidents ──
  insertDeviceApproval: (ex: Executor, row: { attempt_id: string; approved_by: string; approved_at: Date }) =>
    ex.insertInto('device_approvals').values(row).execute(),
  /** The addresses that signed in or tried to, to a session (attempts.repository notes them). */
  signInSources: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('cat_sign_in_sources')
      .select(['address', 'first_at'])
      .where('session_id', '=', sessionId)
      .orderBy('first_at')
      .limit(1000)
      .execute(),

  incidents: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('incidents')
      .leftJoin('applications', 'applications.id', 'incidents.application_id')
      .select([
        'incidents.id',
        'incidents.kind',
        'incidents.detail',
        'incidents.at',
        'incidents.attempt_id',
        'incidents.application_id',
        'applications.participant_no',
      ])
      .where('incidents.session_id', '=', sessionId)
      .orderBy('incidents.id', 'desc')
      .limit(500)
      .execute(),

  // ── item analysis ──
  submittedAttempts: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('attempts')
      .select(['id', 'form', 'score'])
      .where('session_id', '=', sessionId)
      .where('status', '=', 'submitted')
      .execute(),
  answersOfAttempts: (ex: Executor, attemptIds: readonly string[]) =>
    attemptIds.length > 0
      ? ex
          .selectFrom('answers')
          .select(['attempt_id', 'item_id', 'chosen'])
          .where('attempt_id', 'in', attemptIds)
          .execute()
      : Promise.resolve([]),
};
