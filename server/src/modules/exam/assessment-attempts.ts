/** Starting an assessment attempt, listing attempts by key, and the participant's page. */
import type { Executor } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import type { AuditActor } from '../transparency/index.ts';
import { assessmentRepository as repo } from './assessment.repository.ts';
import { type AssessmentContext, type AssessmentSummary, own, settle, summaryOf } from './assessment.shared.ts';
import { type Blueprint, deadlineOf, type FormItem, type OptionKey, remainingMs } from './domain/index.ts';
import { drawForm } from './form-draw.ts';

/**
 * Starts the attempt named `key` in the caller's transaction: the form from the bank, the
 * blueprint and a fresh seed; the deadline from the blueprint's duration. One attempt per key:
 * returns null when the key already has one.
 */
export async function startAssessment(
  ctx: AssessmentContext,
  trx: Executor,
  input: { key: string; accountId: string; blueprintId: string; actor: AuditActor },
): Promise<string | null> {
  const bp = await repo.blueprint(trx, input.blueprintId);
  if (!bp) throw notFound();
  const blueprint = bp.content as Blueprint;
  const seed = ctx.ids.secret();
  const form = await drawForm(trx, blueprint, seed, bp.name);
  const now = ctx.clock.now();
  const id = ctx.ids.uuid();
  const deadline = deadlineOf({
    startedAt: now,
    durationMinutes: blueprint.durationMinutes,
    extraMinutes: 0,
    grantsMinutes: [],
  });
  const made = await repo.insertAttempt(trx, {
    id,
    key: input.key,
    account_id: input.accountId,
    blueprint_id: bp.id,
    form_seed: seed,
    form: JSON.stringify(form),
    started_at: now,
    deadline_at: deadline,
  });
  if (!made) return null;
  await repo.markDelivered(trx, form, now);
  await ctx.audit.record(trx, {
    actor: input.actor,
    action: 'assessment.start',
    subjectType: 'assessment_attempt',
    subjectId: id,
    after: { key: input.key, blueprintId: bp.id, items: form.length, deadlineAt: deadline.toISOString() },
  });
  return id;
}

/** Attempts by key (settled first when their time is up), for the caller's lists. */
export async function attemptsByKeys(
  ctx: AssessmentContext,
  keys: readonly string[],
): Promise<Map<string, AssessmentSummary>> {
  const rows = await repo.attemptsByKeys(ctx.db, keys);
  const out = new Map<string, AssessmentSummary>();
  for (const r of rows) out.set(r.key, summaryOf(await settle(ctx, r)));
  return out;
}

/**
 * The participant's page: items with options in the form's order (stem and option texts only —
 * keys and weights never leave), saved answers, the server's clock, and the result once submitted.
 */
export async function viewAssessment(ctx: AssessmentContext, accountId: string, attemptId: string, prefix: string) {
  const a = await settle(ctx, await own(ctx, accountId, attemptId, prefix));
  const form = a.form as FormItem[];
  const content = await repo.contents(ctx.db, form);
  const answers = await repo.answers(ctx.db, a.id);
  const now = ctx.clock.now();
  const deadline = new Date(a.deadline_at);
  return {
    attempt: {
      ...summaryOf(a),
      now: now.toISOString(),
      remainingMs: a.status === 'submitted' ? 0 : remainingMs(now, deadline),
      graceSeconds: Math.floor(ctx.graceMs / 1000),
    },
    items: form.map((f, i) => {
      const c = content.get(f.itemId)!;
      const text = new Map(c.options.map((o) => [o.key, o.text]));
      return {
        number: i + 1,
        itemId: f.itemId,
        stem: c.stem,
        imageKey: c.imageKey ?? null,
        options: f.optionOrder.map((k) => ({ key: k, text: text.get(k) ?? '' })),
      };
    }),
    answers: answers.map((r) => ({
      itemId: r.item_id,
      chosen: r.chosen as OptionKey | null,
      seq: r.seq,
      savedAt: new Date(r.saved_at).toISOString(),
    })),
    key: a.key,
  };
}
