/** SQL for completion: meetings and attendance, test scores, certificates and feedback (migration 0013). */
import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { TrainingCertificatesTable, TrainingFeedbackTable, TrainingMeetingsTable } from '../../db/schema.ts';

export const completionRepository = {
  // ── meetings ──
  meetings: (ex: Executor, batchId: string) =>
    ex.selectFrom('training_meetings').selectAll().where('batch_id', '=', batchId).orderBy('seq').execute(),
  meeting: (ex: Executor, id: string) =>
    ex
      .selectFrom('training_meetings as m')
      .innerJoin('training_batches as b', 'b.id', 'm.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select([
        'm.id',
        'm.batch_id',
        'm.seq',
        'm.title',
        'm.starts_at',
        'm.ends_at',
        'b.name as batch_name',
        'p.title as program_title',
      ])
      .where('m.id', '=', id)
      .executeTakeFirst(),
  nextMeetingSeq: async (ex: Executor, batchId: string) =>
    Number(
      (
        await ex
          .selectFrom('training_meetings')
          .select((eb) => eb.fn.coalesce(eb.fn.max('seq'), eb.lit(0)).as('n'))
          .where('batch_id', '=', batchId)
          .executeTakeFirstOrThrow()
      ).n,
    ) + 1,
  insertMeeting: (ex: Executor, row: Insertable<TrainingMeetingsTable>) =>
    ex.insertInto('training_meetings').values(row).execute(),

  // ── attendance ──
  /** The scanning person's seat in a batch: their enrolment, if any, and whether it counts. */
  seatOfAccount: (ex: Executor, batchId: string, accountId: string) =>
    ex
      .selectFrom('enrollments as e')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .select(['e.id', 'e.status', 'm.full_name'])
      .where('e.batch_id', '=', batchId)
      .where('m.account_id', '=', accountId)
      .executeTakeFirst(),
  /** Records a presence once; returns false when it was already recorded. */
  recordAttendance: async (
    ex: Executor,
    row: {
      meeting_id: string;
      enrollment_id: string;
      method: 'scan' | 'manual';
      attended_at: Date;
      recorded_at: Date;
      recorded_by: string | null;
    },
  ) =>
    (await ex
      .insertInto('training_attendance')
      .values(row)
      .onConflict((oc) => oc.columns(['meeting_id', 'enrollment_id']).doNothing())
      .returning('meeting_id')
      .executeTakeFirst()) !== undefined,
  removeAttendance: async (ex: Executor, meetingId: string, enrollmentId: string) =>
    (await ex
      .deleteFrom('training_attendance')
      .where('meeting_id', '=', meetingId)
      .where('enrollment_id', '=', enrollmentId)
      .returning('meeting_id')
      .executeTakeFirst()) !== undefined,
  /** Every presence at a batch's meetings. */
  attendanceOfBatch: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('training_attendance as a')
      .innerJoin('training_meetings as m', 'm.id', 'a.meeting_id')
      .select(['a.meeting_id', 'a.enrollment_id', 'a.method', 'a.attended_at'])
      .where('m.batch_id', '=', batchId)
      .execute(),
  /** Per enrolment of a batch: the meetings attended, the test scores and the assignment. */
  facts: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('enrollments as e')
      .select(['e.id', 'e.employee_id', 'e.status', 'e.pre_test_score', 'e.post_test_score', 'e.assignment_done'])
      .select((eb) =>
        eb
          .selectFrom('training_attendance as a')
          .innerJoin('training_meetings as m', 'm.id', 'a.meeting_id')
          .whereRef('a.enrollment_id', '=', 'e.id')
          .where('m.batch_id', '=', batchId)
          .select((x) => x.fn.countAll<number>().as('n'))
          .as('attended'),
      )
      .where('e.batch_id', '=', batchId)
      .execute(),
  meetingCount: async (ex: Executor, batchId: string) =>
    Number(
      (
        await ex
          .selectFrom('training_meetings')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('batch_id', '=', batchId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  completionRule: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('training_batches as b')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .leftJoin('training_partners as t', 't.id', 'p.partner_id')
      .select([
        'p.id as program_id',
        'p.code',
        'p.min_attendance_pct',
        'p.post_test_pass',
        'p.assignment_required',
        't.name as partner_name',
      ])
      .where('b.id', '=', batchId)
      .executeTakeFirstOrThrow(),

  /** Phases of a batch scored on the CAT engine (batch_tests, migration 0018): never typed in by hand. */
  enginePhases: async (ex: Executor, batchId: string) =>
    new Set(
      (await ex.selectFrom('batch_tests').select('phase').where('batch_id', '=', batchId).execute()).map(
        (r) => r.phase,
      ),
    ),
  setScores: (
    ex: Executor,
    enrollmentId: string,
    patch: {
      pre_test_score: number | null;
      post_test_score: number | null;
      assignment_done: boolean;
      updated_at: Date;
    },
  ) => ex.updateTable('enrollments').set(patch).where('id', '=', enrollmentId).execute(),

  // ── certificates ──
  /** Reserves `n` numbers for a programme's year; returns the first. */
  reserveNumbers: async (ex: Executor, programId: string, year: number, n: number) => {
    const row = await ex
      .insertInto('training_certificate_counters')
      .values({ program_id: programId, year, last: n })
      .onConflict((oc) =>
        oc.columns(['program_id', 'year']).doUpdateSet({ last: sql`training_certificate_counters.last + ${n}` }),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last - n + 1;
  },
  insertCertificate: (ex: Executor, row: Insertable<TrainingCertificatesTable>) =>
    ex.insertInto('training_certificates').values(row).execute(),
  certificatesOfBatch: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('training_certificates as c')
      .innerJoin('enrollments as e', 'e.id', 'c.enrollment_id')
      .selectAll('c')
      .where('e.batch_id', '=', batchId)
      .execute(),
  certificate: (ex: Executor, id: string) =>
    ex
      .selectFrom('training_certificates as c')
      .innerJoin('enrollments as e', 'e.id', 'c.enrollment_id')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .selectAll('c')
      .select(['e.employee_id', 'e.batch_id', 'm.account_id', 'm.nip'])
      .where('c.id', '=', id)
      .executeTakeFirst(),
  certificatesOfEmployee: (ex: Executor, employeeId: string) =>
    ex
      .selectFrom('training_certificates as c')
      .innerJoin('enrollments as e', 'e.id', 'c.enrollment_id')
      .select(['c.id', 'c.enrollment_id', 'c.number', 'c.revoked_at', 'c.revoke_reason', 'c.issued_at'])
      .where('e.employee_id', '=', employeeId)
      .execute(),
  revokeCertificate: (
    ex: Executor,
    id: string,
    patch: { revoked_at: Date; revoked_by: string; revoke_reason: string },
  ) =>
    ex.updateTable('training_certificates').set(patch).where('id', '=', id).where('revoked_at', 'is', null).execute(),
  lockCertificate: (ex: Executor, id: string) =>
    ex.selectFrom('training_certificates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(),

  // ── feedback ──
  insertFeedback: async (ex: Executor, row: Insertable<TrainingFeedbackTable>) =>
    (await ex
      .insertInto('training_feedback')
      .values(row)
      .onConflict((oc) => oc.column('enrollment_id').doNothing())
      .returning('enrollment_id')
      .executeTakeFirst()) !== undefined,
  feedbackOfBatch: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('training_feedback as f')
      .innerJoin('enrollments as e', 'e.id', 'f.enrollment_id')
      .select(['f.facilitator', 'f.material', 'f.venue', 'f.usefulness', 'f.comment', 'f.submitted_at'])
      .where('e.batch_id', '=', batchId)
      .orderBy('f.submitted_at')
      .execute(),
  /** Every feedback with its batch's partner (null = BKPSDM's own). */
  feedbackByPartner: (ex: Executor) =>
    ex
      .selectFrom('training_feedback as f')
      .innerJoin('enrollments as e', 'e.id', 'f.enrollment_id')
      .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .leftJoin('training_partners as t', 't.id', 'p.partner_id')
      .select([
        'f.facilitator',
        'f.material',
        'f.venue',
        'f.usefulness',
        'b.id as batch_id',
        'p.partner_id',
        't.name as partner_name',
      ])
      .execute(),
  feedbackGiven: async (ex: Executor, enrollmentIds: readonly string[]) =>
    enrollmentIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ex
              .selectFrom('training_feedback')
              .select('enrollment_id')
              .where('enrollment_id', 'in', [...enrollmentIds])
              .execute()
          ).map((r) => r.enrollment_id),
        ),
  attendedOf: async (ex: Executor, enrollmentIds: readonly string[]) =>
    enrollmentIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await ex
              .selectFrom('training_attendance')
              .select('enrollment_id')
              .distinct()
              .where('enrollment_id', 'in', [...enrollmentIds])
              .execute()
          ).map((r) => r.enrollment_id),
        ),
  attendedAny: async (ex: Executor, enrollmentId: string) =>
    (await ex
      .selectFrom('training_attendance')
      .select('meeting_id')
      .where('enrollment_id', '=', enrollmentId)
      .limit(1)
      .executeTakeFirst()) !== undefined,
  enrollmentOfEmployee: (ex: Executor, enrollmentId: string) =>
    ex
      .selectFrom('enrollments as e')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .select(['e.id', 'e.batch_id', 'e.status', 'm.account_id'])
      .where('e.id', '=', enrollmentId)
      .executeTakeFirst(),
  /** Meetings in [from, to) of the batches where the account's employee holds a seat (their "today"). */
  meetingsOfAccountBetween: (ex: Executor, accountId: string, from: Date, to: Date) =>
    ex
      .selectFrom('training_meetings as m')
      .innerJoin('enrollments as e', 'e.batch_id', 'm.batch_id')
      .innerJoin('employees as p', 'p.id', 'e.employee_id')
      .select(['m.id', 'm.batch_id', 'm.starts_at', 'm.ends_at'])
      .where('p.account_id', '=', accountId)
      .where('e.status', '=', 'enrolled')
      .where('m.starts_at', '>=', from)
      .where('m.starts_at', '<', to)
      .orderBy('m.starts_at')
      .execute(),
};
