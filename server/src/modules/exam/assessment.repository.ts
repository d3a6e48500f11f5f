/** SQL for assessments outside recruitment (migration 0018): attempts by key, answers with seq, the bank. */
import type { Executor } from '../../db/database.ts';
import { attemptsRepository } from './attempts.repository.ts';
import type { ItemContent } from './domain/index.ts';

const ATTEMPT_COLUMNS = [
  'id',
  'key',
  'account_id',
  'blueprint_id',
  'form',
  'started_at',
  'deadline_at',
  'status',
  'submitted_at',
  'submitted_by',
  'score',
] as const;

export const assessmentRepository = {
  blueprint: (ex: Executor, id: string) =>
    ex.selectFrom('blueprints').select(['id', 'name', 'exam_type', 'content']).where('id', '=', id).executeTakeFirst(),
  blueprintsByIds: (ex: Executor, ids: readonly string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('blueprints')
          .select(['id', 'name', 'content'])
          .where('id', 'in', [...ids])
          .execute(),
  blueprintsOfType: (ex: Executor, examType: string) =>
    ex
      .selectFrom('blueprints')
      .select(['id', 'name', 'exam_type', 'content'])
      .where('exam_type', '=', examType)
      .orderBy('name')
      .execute(),

  /** Freezes the form's versions exactly as the CAT does (one ordered, locking statement). */
  markDelivered: attemptsRepository.markDelivered,

  /** The pinned versions' contents, by item id. */
  contents: async (ex: Executor, form: readonly { itemId: string; version: number }[]) => {
    const out = new Map<string, ItemContent>();
    if (form.length === 0) return out;
    const want = new Map(form.map((f) => [f.itemId, f.version]));
    const rows = await ex
      .selectFrom('item_versions')
      .select(['item_id', 'version', 'content'])
      .where('item_id', 'in', [...want.keys()])
      .execute();
    for (const r of rows) if (want.get(r.item_id) === r.version) out.set(r.item_id, r.content as ItemContent);
    return out;
  },

  insertAttempt: (
    ex: Executor,
    row: {
      id: string;
      key: string;
      account_id: string;
      blueprint_id: string;
      form_seed: string;
      form: string;
      started_at: Date;
      deadline_at: Date;
    },
  ) =>
    ex
      .insertInto('assessment_attempts')
      .values({ ...row, status: 'in_progress' })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('id')
      .executeTakeFirst(),
  attempt: (ex: Executor, id: string) =>
    ex.selectFrom('assessment_attempts').select(ATTEMPT_COLUMNS).where('id', '=', id).executeTakeFirst(),
  lockAttempt: (ex: Executor, id: string) =>
    ex.selectFrom('assessment_attempts').select(ATTEMPT_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst(),
  attemptsByKeys: (ex: Executor, keys: readonly string[]) =>
    keys.length === 0
      ? Promise.resolve([])
      : ex
          .selectFrom('assessment_attempts')
          .select(ATTEMPT_COLUMNS)
          .where('key', 'in', [...keys])
          .execute(),
  countWithPrefix: async (ex: Executor, prefix: string) =>
    Number(
      (
        await ex
          .selectFrom('assessment_attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('key', 'like', `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
          .executeTakeFirstOrThrow()
      ).n,
    ),
  /** In-progress attempts whose deadline passed before `before`, locked; others' locks are skipped. */
  lockDue: (ex: Executor, before: Date, limit: number) =>
    ex
      .selectFrom('assessment_attempts')
      .select(ATTEMPT_COLUMNS)
      .where('status', '=', 'in_progress')
      .where('deadline_at', '<', before)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute(),
  finish: (
    ex: Executor,
    id: string,
    patch: { submitted_at: Date; submitted_by: 'participant' | 'server'; score: string },
  ) =>
    ex
      .updateTable('assessment_attempts')
      .set({ ...patch, status: 'submitted' })
      .where('id', '=', id)
      .where('status', '=', 'in_progress')
      .execute(),

  answers: (ex: Executor, attemptId: string) =>
    ex
      .selectFrom('assessment_answers')
      .select(['item_id', 'chosen', 'seq', 'saved_at'])
      .where('attempt_id', '=', attemptId)
      .execute(),
  /** Saves an answer unless a newer one (higher seq) is stored; returns false for a stale write. */
  saveAnswer: async (
    ex: Executor,
    row: { attempt_id: string; item_id: string; chosen: string | null; seq: number; saved_at: Date },
  ) =>
    (await ex
      .insertInto('assessment_answers')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['attempt_id', 'item_id'])
          .doUpdateSet({
            chosen: (eb) => eb.ref('excluded.chosen'),
            seq: (eb) => eb.ref('excluded.seq'),
            saved_at: (eb) => eb.ref('excluded.saved_at'),
          })
          .where('assessment_answers.seq', '<', (eb) => eb.ref('excluded.seq')),
      )
      .returning('item_id')
      .executeTakeFirst()) !== undefined,
};

export type AssessmentAttemptRow = NonNullable<Awaited<ReturnType<typeof assessmentRepository.attempt>>>;
