/** What the assessment use-cases share: their context, the result types, and settling an overdue attempt. */
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import { AppError, notFound } from '../../errors.ts';
import { type AuditActor, SYSTEM_ACTOR } from '../transparency/index.ts';
import { type AssessmentAttemptRow, assessmentRepository as repo } from './assessment.repository.ts';
import {
  acceptsAnswer,
  type AttemptScore,
  type FormItem,
  formMaxPoints,
  type OptionKey,
  percentOf,
  scoreAttempt,
} from './domain/index.ts';
import type { ExamContext } from './exam.shared.ts';

/** What a scored attempt gives its caller. */
export interface AssessmentResult extends AttemptScore {
  max: number;
  /** Whole percent of max (0–100), rounded down. */
  percent: number;
}

/** Called inside the transaction that scores an attempt whose key starts with the prefix. */
export type ScoredHook = (
  trx: Executor,
  key: string,
  result: AssessmentResult,
  by: 'participant' | 'server',
) => Promise<void>;

export interface AssessmentSummary {
  id: string;
  key: string;
  status: 'in_progress' | 'submitted';
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  result: AssessmentResult | null;
}

/** The exam context with the assessment's grace period and the scoring hooks registered by prefix. */
export type AssessmentContext = ExamContext & { graceMs: number; hooks: Map<string, ScoredHook> };

export const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
export const timeUp = () =>
  conflict(
    'Waktu tes sudah habis; jawaban ini tidak tersimpan. Jawaban sebelumnya sudah dinilai.',
    'Time is up; this answer was not saved. Your earlier answers have been scored.',
  );

export const summaryOf = (a: AssessmentAttemptRow): AssessmentSummary => ({
  id: a.id,
  key: a.key,
  status: a.status,
  startedAt: new Date(a.started_at).toISOString(),
  deadlineAt: new Date(a.deadline_at).toISOString(),
  submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
  result: a.status === 'submitted' ? (a.score as AssessmentResult) : null,
});

const hookOf = (ctx: AssessmentContext, key: string) => [...ctx.hooks].find(([prefix]) => key.startsWith(prefix))?.[1];
/** Whether an attempt still runs although its deadline and grace have passed. */
export const overdue = (ctx: AssessmentContext, a: { status: string; deadline_at: Date }, now: Date) =>
  a.status === 'in_progress' && !acceptsAnswer(now, new Date(a.deadline_at), ctx.graceMs);

/** Scores a locked in-progress attempt, stores the result and calls the caller's hook, all in trx. */
export async function finalise(
  ctx: AssessmentContext,
  trx: Executor,
  a: AssessmentAttemptRow,
  by: 'participant' | 'server',
  actor: AuditActor,
): Promise<AssessmentResult> {
  const form = a.form as FormItem[];
  const content = await repo.contents(trx, form);
  const items = form.map((f) => ({ itemId: f.itemId, subtest: f.subtest, scoring: content.get(f.itemId)!.scoring }));
  const answers = new Map((await repo.answers(trx, a.id)).map((r) => [r.item_id, r.chosen as OptionKey | null]));
  const score = scoreAttempt(items, answers);
  const max = formMaxPoints(items);
  const result: AssessmentResult = { ...score, max, percent: percentOf(score.total, max) };
  const now = ctx.clock.now();
  await repo.finish(trx, a.id, { submitted_at: now, submitted_by: by, score: JSON.stringify(result) });
  await ctx.audit.record(trx, {
    actor,
    action: by === 'participant' ? 'assessment.submit' : 'assessment.auto_submit',
    subjectType: 'assessment_attempt',
    subjectId: a.id,
    after: { key: a.key, total: result.total, max, percent: result.percent, answered: result.answered },
  });
  await hookOf(ctx, a.key)?.(trx, a.key, result, by);
  return result;
}

/** Finalises an attempt whose time is up, if it still runs; returns the fresh row. */
export async function settle(ctx: AssessmentContext, a: AssessmentAttemptRow): Promise<AssessmentAttemptRow> {
  if (!overdue(ctx, a, ctx.clock.now())) return a;
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockAttempt(trx, a.id);
    if (locked && overdue(ctx, locked, ctx.clock.now())) await finalise(ctx, trx, locked, 'server', SYSTEM_ACTOR);
    return (await repo.attempt(trx, a.id))!;
  });
}

/** The caller's own attempt; anyone else's is NOT_FOUND. */
export async function own(ctx: AssessmentContext, accountId: string, attemptId: string, prefix: string) {
  const a = await repo.attempt(ctx.db, attemptId);
  if (!a || a.account_id !== accountId || !a.key.startsWith(prefix)) throw notFound();
  return a;
}
