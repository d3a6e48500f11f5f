/**
 * SQL of the participant's side of the CAT (sign-in, the exam view, saves, submit, sweep, result,
 * certificate). Executor first. Most of it is hot (a hall signs in, loads and submits together;
 * bench:exam and the chaos test measure it), so the reads of recruitment's applications,
 * formations, periods and exam assignments and of identity's accounts are read-only joins here:
 * one statement per step, prepared per connection (db/prepared.ts), where an index.ts call would
 * add round trips.
 */
import type { Insertable, Selectable } from 'kysely';
import { type Executor, sql } from '../../db/database.ts';
import type { AttemptsTable } from '../../db/schema.ts';
import type { FormItem } from './domain/index.ts';

/** [item id, chosen, flagged, seq, saved at] as `json_build_array` gives it. */
export type SavedAnswer = [string, string | null, boolean, number, string];
export type NewestAttempt = Selectable<AttemptsTable> & {
  grace_seconds: number;
  blueprint_id: string;
  account_id: string;
  saved?: SavedAnswer[];
};

export const attemptsRepository = {
  // ── CAT sessions, as the exam reads them ──
  /** A CAT session with its exam session's start and its blueprint's content. */
  catSession: (ex: Executor, sessionId: string) =>
    ex
      .selectFrom('cat_sessions')
      .innerJoin('exam_sessions', 'exam_sessions.id', 'cat_sessions.session_id')
      .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
      .select([
        'cat_sessions.session_id',
        'cat_sessions.opened_at',
        'cat_sessions.closed_at',
        'cat_sessions.grace_seconds',
        'exam_sessions.starts_at',
        'blueprints.content as blueprint',
      ])
      .where('cat_sessions.session_id', '=', sessionId)
      .executeTakeFirst(),
  /** Tells the session's listeners (live.ts) that something changed, with the caller's commit. */
  notify: async (ex: Executor, channel: string, sessionId: string) => {
    await sql`select pg_notify(${channel}, ${sessionId})`.execute(ex);
  },
  insertIncident: (
    ex: Executor,
    row: {
      session_id: string;
      attempt_id: string | null;
      application_id: string | null;
      kind: string;
      detail: string;
      at: Date;
    },
  ) => ex.insertInto('incidents').values(row).execute(),

  // ── delivered item versions ──
  deliveredContents: (ex: Executor, itemIds: readonly string[]) =>
    ex
      .selectFrom('item_versions')
      .select(['item_id', 'version', 'content'])
      .where('item_id', 'in', itemIds)
      .where('first_delivered_at', 'is not', null)
      .execute(),

  // ── sign-in ──
  /** The application behind a participant number and its account's e-mail (identity's login takes it). */
  applicationByParticipantNo: (ex: Executor, participantNo: string) =>
    ex
      .selectFrom('applications')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .select(['applications.id', 'accounts.email'])
      .where('applications.participant_no', '=', participantNo)
      .executeTakeFirst(),
  openSessionsWithToken: (ex: Executor, tokenHash: string) =>
    ex
      .selectFrom('cat_sessions')
      .select(['session_id'])
      .where('token_hash', '=', tokenHash)
      .where('closed_at', 'is', null)
      .execute(),
  /** Remembers that `address` tried to sign in to the session (once; nothing locked on a repeat). */
  noteSignInSource: (ex: Executor, sessionId: string, address: string, at: Date) =>
    ex
      .insertInto('cat_sign_in_sources')
      .values({ session_id: sessionId, address, first_at: at })
      .onConflict((oc) => oc.columns(['session_id', 'address']).doNothing())
      .execute(),
  assignmentOf: (ex: Executor, applicationId: string) =>
    ex.selectFrom('exam_assignments').selectAll().where('application_id', '=', applicationId).executeTakeFirst(),
  attemptForUpdate: (ex: Executor, sessionId: string, applicationId: string) =>
    ex
      .selectFrom('attempts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('application_id', '=', applicationId)
      .forUpdate()
      .executeTakeFirst(),
  /** The bank's current, unretired versions for an exam type (a form is drawn from them). */
  bankOf: (ex: Executor, examType: string) =>
    ex
      .selectFrom('items')
      .innerJoin('item_versions', (j) =>
        j.onRef('item_versions.item_id', '=', 'items.id').onRef('item_versions.version', '=', 'items.current_version'),
      )
      .select([
        'items.id',
        'items.current_version',
        'item_versions.subtest',
        'item_versions.category',
        'item_versions.content',
      ])
      .where('items.retired_at', 'is', null)
      .where('item_versions.exam_type', '=', examType)
      .execute(),
  insertAttempt: (ex: Executor, row: Insertable<AttemptsTable>) => ex.insertInto('attempts').values(row).execute(),
  /**
   * Marks a form's versions delivered (frozen from here on). One statement that locks the
   * still-unmarked rows in (item, version) order: participants whose first sign-ins arrive together
   * draw the same items in different orders, and row-by-row updates deadlocked on Postgres.
   */
  markDelivered: async (ex: Executor, form: readonly Pick<FormItem, 'itemId' | 'version'>[], at: Date) => {
    await sql`
      update item_versions v set first_delivered_at = ${at}
      from (
        select item_id, version from item_versions
        where (item_id, version) in (select * from unnest(${form.map((f) => f.itemId)}::uuid[], ${form.map((f) => f.version)}::integer[]))
          and first_delivered_at is null
        order by item_id, version
        for update
      ) as pending
      where v.item_id = pending.item_id and v.version = pending.version
    `.execute(ex);
  },
  unusedDeviceApproval: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('device_approvals')
      .select('id')
      .where('attempt_id', '=', attemptId)
      .where('used_at', 'is', null)
      .orderBy('id')
      .forUpdate()
      .executeTakeFirst(),
  /** Uses a proctor's approval to bind the attempt to a new device. */
  moveDevice: async (ex: Executor, approvalId: number, attemptId: string, deviceHash: string, at: Date) => {
    await ex.updateTable('device_approvals').set({ used_at: at }).where('id', '=', approvalId).execute();
    await ex
      .updateTable('attempts')
      .set({ device_hash: deviceHash, last_seen_at: at })
      .where('id', '=', attemptId)
      .execute();
  },
  attemptWithGrace: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('attempts')
      .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
      .selectAll('attempts')
      .select('cat_sessions.grace_seconds')
      .where('attempts.id', '=', attemptId)
      .executeTakeFirstOrThrow(),

  // ── the exam view and saves ──
  /**
   * Each account's newest attempt, for many accounts in one statement (a hall loads the exam
   * together; see db/batched.ts). For the exam view the saved answers ride along: loading the exam
   * is one round trip, not two.
   */
  newestAttempts: async (ex: Executor, accountIds: readonly string[], withAnswers: boolean) => {
    const { rows } = await sql<NewestAttempt>`
      select a.* ${withAnswers ? sql`, (select coalesce(json_agg(json_build_array(item_id, chosen, flagged, seq, saved_at)), '[]') from answers where answers.attempt_id = a.id) as saved` : sql``}
      from unnest(${accountIds}::uuid[]) as k (account_id)
      cross join lateral (
        select attempts.*, cat_sessions.grace_seconds, cat_sessions.blueprint_id, k.account_id
        from attempts
        join applications on applications.id = attempts.application_id
        join cat_sessions on cat_sessions.session_id = attempts.session_id
        where applications.applicant_id = k.account_id
        order by attempts.started_at desc
        limit 1
      ) a
    `.execute(ex);
    return rows;
  },
  /** What a save needs of the account's newest attempt. */
  newestForSaves: (ex: Executor, accountId: string) =>
    ex
      .selectFrom('attempts')
      .innerJoin('applications', 'applications.id', 'attempts.application_id')
      .select([
        'attempts.id',
        'attempts.session_id',
        'attempts.application_id',
        'attempts.device_hash',
        'attempts.form',
      ])
      .where('applications.applicant_id', '=', accountId)
      .orderBy('attempts.started_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  answersOf: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('answers')
      .select(['item_id', 'chosen', 'flagged', 'seq', 'saved_at'])
      .where('attempt_id', '=', attemptId)
      .execute(),
  /** "Last seen" stamps; rows locked for update right now are skipped (a stamp is a hint). */
  stampSeen: (ex: Executor, attemptIds: readonly string[], at: Date) =>
    ex
      .updateTable('attempts')
      .set({ last_seen_at: at })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('attempts')
          .select('id')
          .where('id', 'in', attemptIds)
          .orderBy('id')
          .forNoKeyUpdate()
          .skipLocked(),
      )
      .execute(),

  // ── submit and sweep ──
  /** Locks attempts for update in id order, as answer batches lock them. */
  lockForSubmit: async <Score>(ex: Executor, attemptIds: readonly string[]) => {
    const { rows } = await sql<{
      id: string;
      session_id: string;
      application_id: string;
      form: FormItem[];
      status: string;
      score: Score | null;
    }>`
      select id, session_id, application_id, form, status, score from attempts where id = any(${attemptIds}::uuid[]) order by id for update
    `.execute(ex);
    return rows;
  },
  chosenOf: (ex: Executor, attemptIds: readonly string[]) =>
    ex
      .selectFrom('answers')
      .select(['attempt_id', 'item_id', 'chosen'])
      .where(sql<boolean>`attempt_id = any(${attemptIds}::uuid[])`)
      .execute(),
  /** The applications' period, need type and year: what the SKD verdict and the SKD intake need. */
  applicationsForVerdict: (ex: Executor, applicationIds: readonly string[]) =>
    ex
      .selectFrom('applications')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .innerJoin('recruitment_periods', 'recruitment_periods.id', 'applications.period_id')
      .select(['applications.id', 'applications.period_id', 'formations.need_type', 'recruitment_periods.year'])
      .where(sql<boolean>`applications.id = any(${applicationIds}::uuid[])`)
      .execute(),
  markSubmitted: async (
    ex: Executor,
    scores: readonly { id: string; score: string }[],
    at: Date,
    by: 'participant' | 'server',
  ) => {
    await sql`
      update attempts set status = 'submitted', submitted_at = ${at}, submitted_by = ${by}, score = v.score::jsonb
      from unnest(${scores.map((s) => s.id)}::uuid[], ${scores.map((s) => s.score)}::text[]) as v (id, score)
      where attempts.id = v.id
    `.execute(ex);
  },
  /** Open attempts whose deadline + grace has passed, locked; `skip locked` lets instances sweep together. */
  dueForSweep: (ex: Executor, now: Date, limit: number) =>
    ex
      .selectFrom('attempts')
      .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
      .select(['attempts.id'])
      .where('attempts.status', '=', 'in_progress')
      .where(sql<boolean>`attempts.deadline_at + make_interval(secs => cat_sessions.grace_seconds) < ${now}`)
      .orderBy('attempts.deadline_at')
      .limit(limit)
      .forUpdate('attempts')
      .skipLocked()
      .execute(),

  // ── result and certificate ──
  newestSubmittedOf: (ex: Executor, accountId: string) =>
    ex
      .selectFrom('attempts')
      .innerJoin('applications', 'applications.id', 'attempts.application_id')
      .select(['attempts.id'])
      .where('applications.applicant_id', '=', accountId)
      .where('attempts.status', '=', 'submitted')
      .orderBy('attempts.submitted_at', 'desc')
      .executeTakeFirst(),
  /** An attempt's stored score with what its verdict needs (need type, year, blueprint). */
  scoredAttempt: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('attempts')
      .innerJoin('applications', 'applications.id', 'attempts.application_id')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .innerJoin('recruitment_periods', 'recruitment_periods.id', 'applications.period_id')
      .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
      .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
      .select([
        'attempts.id',
        'attempts.status',
        'attempts.score',
        'attempts.submitted_at',
        'attempts.submitted_by',
        'applications.participant_no',
        'formations.need_type',
        'recruitment_periods.year',
        'blueprints.content as blueprint',
      ])
      .where('attempts.id', '=', attemptId)
      .executeTakeFirst(),
  /** What the certificate prints besides the scores: the name, the exam, the year and the date. */
  certificateFacts: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('attempts')
      .innerJoin('applications', 'applications.id', 'attempts.application_id')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
      .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
      .innerJoin('recruitment_periods', 'recruitment_periods.id', 'applications.period_id')
      .select(['accounts.full_name', 'blueprints.name as exam_name', 'recruitment_periods.year', 'attempts.started_at'])
      .where('attempts.id', '=', attemptId)
      .executeTakeFirstOrThrow(),
};
