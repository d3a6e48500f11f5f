/** SQL for a batch's pre/post-tests on the CAT engine (migration 0018: batch_tests) and their scores. */
import type { Executor } from '../../db/database.ts';

type Phase = 'pre' | 'post';

export const trainingTestsRepository = {
  batch: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('training_batches as b')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select(['b.id', 'b.name', 'b.status', 'p.title as program_title'])
      .where('b.id', '=', batchId)
      .executeTakeFirst(),
  lockBatch: (ex: Executor, batchId: string) =>
    ex.selectFrom('training_batches').select(['id', 'status']).where('id', '=', batchId).forUpdate().executeTakeFirst(),
  tests: (ex: Executor, batchId: string) =>
    ex
      .selectFrom('batch_tests as t')
      .select(['t.phase', 't.blueprint_id', 't.opens_at', 't.closes_at'])
      .where('t.batch_id', '=', batchId)
      .orderBy('t.phase', 'desc')
      .execute(),
  test: (ex: Executor, batchId: string, phase: Phase) =>
    ex
      .selectFrom('batch_tests')
      .selectAll()
      .where('batch_id', '=', batchId)
      .where('phase', '=', phase)
      .executeTakeFirst(),
  upsertTest: (
    ex: Executor,
    row: {
      batch_id: string;
      phase: Phase;
      blueprint_id: string;
      opens_at: string;
      closes_at: string;
      updated_by: string;
      updated_at: Date;
    },
  ) =>
    ex
      .insertInto('batch_tests')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['batch_id', 'phase']).doUpdateSet({
          blueprint_id: row.blueprint_id,
          opens_at: row.opens_at,
          closes_at: row.closes_at,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute(),
  deleteTest: (ex: Executor, batchId: string, phase: Phase) =>
    ex.deleteFrom('batch_tests').where('batch_id', '=', batchId).where('phase', '=', phase).execute(),

  /** An enrolment with its owner's account, its batch and programme. */
  enrollment: (ex: Executor, enrollmentId: string) =>
    ex
      .selectFrom('enrollments as e')
      .innerJoin('employees as m', 'm.id', 'e.employee_id')
      .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select([
        'e.id',
        'e.batch_id',
        'e.status',
        'e.pre_test_score',
        'e.post_test_score',
        'm.account_id',
        'b.name as batch_name',
        'p.title as program_title',
      ])
      .where('e.id', '=', enrollmentId)
      .executeTakeFirst(),
  /** Every engine test on the batches the account's employee is seated in. */
  testsOfAccount: (ex: Executor, accountId: string) =>
    ex
      .selectFrom('employees as m')
      .innerJoin('enrollments as e', 'e.employee_id', 'm.id')
      .innerJoin('batch_tests as t', 't.batch_id', 'e.batch_id')
      .innerJoin('training_batches as b', 'b.id', 'e.batch_id')
      .innerJoin('training_programs as p', 'p.id', 'b.program_id')
      .select([
        'e.id as enrollment_id',
        'e.batch_id',
        'e.status',
        't.phase',
        't.opens_at',
        't.closes_at',
        't.blueprint_id',
        'b.name as batch_name',
        'p.title as program_title',
        'b.starts_on',
      ])
      .where('m.account_id', '=', accountId)
      .where('e.status', 'in', ['enrolled', 'completed', 'not_completed'])
      .orderBy('b.starts_on', 'desc')
      .orderBy('t.phase', 'desc')
      .execute(),
  setScore: (ex: Executor, enrollmentId: string, phase: Phase, score: number, now: Date) =>
    ex
      .updateTable('enrollments')
      .set(phase === 'pre' ? { pre_test_score: score, updated_at: now } : { post_test_score: score, updated_at: now })
      .where('id', '=', enrollmentId)
      .execute(),
};
