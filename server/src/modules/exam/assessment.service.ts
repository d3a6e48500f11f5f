/**
 * The CAT engine for tests outside recruitment (training pre/post-tests, issue 12): the bank, a
 * blueprint and a per-participant seed make the form (item versions pinned and frozen as the CAT
 * does), the server owns the deadline (start + the blueprint's duration), every answer is saved at
 * once with a sequence number (an older or late write is refused), and the participant submits —
 * or the server does once the deadline and a short grace have passed (lazily when the attempt is
 * read, and in a sweep). The caller names each attempt with a key and gets the result through the
 * hook registered for the key's prefix, inside the scoring transaction.
 */
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { type AuditActor, type AuditService, SYSTEM_ACTOR } from '../transparency/index.ts';
import { type AssessmentAttemptRow, assessmentRepository as repo } from './assessment.repository.ts';
import { drawForm } from './form-draw.ts';
import {
  acceptsAnswer,
  type AttemptScore,
  type Blueprint,
  deadlineOf,
  type FormItem,
  formMaxPoints,
  type OptionKey,
  percentOf,
  remainingMs,
  scoreAttempt,
} from './domain/index.ts';

export interface AssessmentDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  /** How long after the deadline an answer clicked in time may still arrive (network delay). */
  graceMs?: number;
}

/** What a scored attempt gives its caller. */
export interface AssessmentResult extends AttemptScore {
  max: number;
  /** Whole percent of max (0–100), rounded down. */
  percent: number;
}

/** Called inside the transaction that scores an attempt whose key starts with the prefix. */
export type ScoredHook = (trx: Executor, key: string, result: AssessmentResult, by: 'participant' | 'server') => Promise<void>;

export interface AssessmentSummary {
  id: string;
  key: string;
  status: 'in_progress' | 'submitted';
  startedAt: string;
  deadlineAt: string;
  submittedAt: string | null;
  result: AssessmentResult | null;
}

const DEFAULT_GRACE_MS = 30_000;
const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
const timeUp = () => conflict('Waktu tes sudah habis; jawaban ini tidak tersimpan. Jawaban sebelumnya sudah dinilai.', 'Time is up; this answer was not saved. Your earlier answers have been scored.');

const summaryOf = (a: AssessmentAttemptRow): AssessmentSummary => ({
  id: a.id,
  key: a.key,
  status: a.status,
  startedAt: new Date(a.started_at).toISOString(),
  deadlineAt: new Date(a.deadline_at).toISOString(),
  submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
  result: a.status === 'submitted' ? (a.score as AssessmentResult) : null,
});

export function createAssessmentService(deps: AssessmentDeps) {
  const { db, clock, ids, audit } = deps;
  const graceMs = deps.graceMs ?? DEFAULT_GRACE_MS;
  const hooks = new Map<string, ScoredHook>();
  const hookOf = (key: string) => [...hooks].find(([prefix]) => key.startsWith(prefix))?.[1];
  const overdue = (a: { status: string; deadline_at: Date }, now: Date) => a.status === 'in_progress' && !acceptsAnswer(now, new Date(a.deadline_at), graceMs);

  /** Scores a locked in-progress attempt, stores the result and calls the caller's hook, all in trx. */
  async function finalise(trx: Executor, a: AssessmentAttemptRow, by: 'participant' | 'server', actor: AuditActor): Promise<AssessmentResult> {
    const form = a.form as FormItem[];
    const content = await repo.contents(trx, form);
    const items = form.map((f) => ({ itemId: f.itemId, subtest: f.subtest, scoring: content.get(f.itemId)!.scoring }));
    const answers = new Map((await repo.answers(trx, a.id)).map((r) => [r.item_id, r.chosen as OptionKey | null]));
    const score = scoreAttempt(items, answers);
    const max = formMaxPoints(items);
    const result: AssessmentResult = { ...score, max, percent: percentOf(score.total, max) };
    const now = clock.now();
    await repo.finish(trx, a.id, { submitted_at: now, submitted_by: by, score: JSON.stringify(result) });
    await audit.record(trx, { actor, action: by === 'participant' ? 'assessment.submit' : 'assessment.auto_submit', subjectType: 'assessment_attempt', subjectId: a.id, after: { key: a.key, total: result.total, max, percent: result.percent, answered: result.answered } });
    await hookOf(a.key)?.(trx, a.key, result, by);
    return result;
  }

  /** Finalises an attempt whose time is up, if it still runs; returns the fresh row. */
  async function settle(a: AssessmentAttemptRow): Promise<AssessmentAttemptRow> {
    if (!overdue(a, clock.now())) return a;
    return db.transaction().execute(async (trx) => {
      const locked = await repo.lockAttempt(trx, a.id);
      if (locked && overdue(locked, clock.now())) await finalise(trx, locked, 'server', SYSTEM_ACTOR);
      return (await repo.attempt(trx, a.id))!;
    });
  }

  /** The caller's own attempt, settled; anyone else's is NOT_FOUND. */
  async function own(accountId: string, attemptId: string, prefix: string) {
    const a = await repo.attempt(db, attemptId);
    if (!a || a.account_id !== accountId || !a.key.startsWith(prefix)) throw notFound();
    return a;
  }

  return {
    /** Registers the scoring hook for keys starting with `prefix` (compose wires it once). */
    onScored(prefix: string, hook: ScoredHook) {
      hooks.set(prefix, hook);
    },

    /** Blueprints of one exam type, for callers choosing one (name, duration and item count only). */
    async blueprints(examType: Blueprint['examType']) {
      return (await repo.blueprintsOfType(db, examType)).map((b) => {
        const c = b.content as Blueprint;
        return { id: b.id, name: b.name, examType: c.examType, durationMinutes: c.durationMinutes, itemCount: c.sections.reduce((n, s) => n + s.count, 0) };
      });
    },

    async blueprintName(ex: Executor, id: string) {
      return (await repo.blueprint(ex, id))?.name ?? null;
    },

    /** Whether a blueprint exists and is of the exam type. */
    async isBlueprintOf(ex: Executor, id: string, examType: Blueprint['examType']) {
      return (await repo.blueprint(ex, id))?.exam_type === examType;
    },

    /** How many attempts carry a key with the prefix. */
    countStarted: (ex: Executor, prefix: string) => repo.countWithPrefix(ex, prefix),

    /**
     * Starts the attempt named `key` in the caller's transaction: the form from the bank, the
     * blueprint and a fresh seed; the deadline from the blueprint's duration. One attempt per key:
     * returns null when the key already has one.
     */
    async start(trx: Executor, input: { key: string; accountId: string; blueprintId: string; actor: AuditActor }): Promise<string | null> {
      const bp = await repo.blueprint(trx, input.blueprintId);
      if (!bp) throw notFound();
      const blueprint = bp.content as Blueprint;
      const seed = ids.secret();
      const form = await drawForm(trx, blueprint, seed, bp.name);
      const now = clock.now();
      const id = ids.uuid();
      const deadline = deadlineOf({ startedAt: now, durationMinutes: blueprint.durationMinutes, extraMinutes: 0, grantsMinutes: [] });
      const made = await repo.insertAttempt(trx, { id, key: input.key, account_id: input.accountId, blueprint_id: bp.id, form_seed: seed, form: JSON.stringify(form), started_at: now, deadline_at: deadline });
      if (!made) return null;
      await repo.markDelivered(trx, form, now);
      await audit.record(trx, { actor: input.actor, action: 'assessment.start', subjectType: 'assessment_attempt', subjectId: id, after: { key: input.key, blueprintId: bp.id, items: form.length, deadlineAt: deadline.toISOString() } });
      return id;
    },

    /** Attempts by key (settled first when their time is up), for the caller's lists. */
    async byKeys(keys: readonly string[]): Promise<Map<string, AssessmentSummary>> {
      const rows = await repo.attemptsByKeys(db, keys);
      const out = new Map<string, AssessmentSummary>();
      for (const r of rows) out.set(r.key, summaryOf(await settle(r)));
      return out;
    },

    /**
     * The participant's page: items with options in the form's order (stem and option texts only —
     * keys and weights never leave), saved answers, the server's clock, and the result once submitted.
     */
    async view(accountId: string, attemptId: string, prefix: string) {
      const a = await settle(await own(accountId, attemptId, prefix));
      const form = a.form as FormItem[];
      const content = await repo.contents(db, form);
      const answers = await repo.answers(db, a.id);
      const now = clock.now();
      const deadline = new Date(a.deadline_at);
      return {
        attempt: { ...summaryOf(a), now: now.toISOString(), remainingMs: a.status === 'submitted' ? 0 : remainingMs(now, deadline), graceSeconds: Math.floor(graceMs / 1000) },
        items: form.map((f, i) => {
          const c = content.get(f.itemId)!;
          const text = new Map(c.options.map((o) => [o.key, o.text]));
          return { number: i + 1, itemId: f.itemId, stem: c.stem, imageKey: c.imageKey ?? null, options: f.optionOrder.map((k) => ({ key: k, text: text.get(k) ?? '' })) };
        }),
        answers: answers.map((r) => ({ itemId: r.item_id, chosen: r.chosen as OptionKey | null, seq: r.seq, savedAt: new Date(r.saved_at).toISOString() })),
        key: a.key,
      };
    },

    /**
     * Saves one answer at once. Refused: after submission, after the deadline (+ grace; the attempt
     * is then submitted by the server), for an item not on the form, or when a newer answer (higher
     * seq) to the item is stored already.
     */
    async answer(actor: { id: string; role: string | null }, attemptId: string, prefix: string, body: { itemId: string; chosen: OptionKey | null; seq: number }) {
      const a = await own(actor.id, attemptId, prefix);
      if (a.status === 'submitted') throw conflict('Tes ini sudah dikumpulkan; jawaban tidak dapat diubah lagi.', 'This test was already submitted; answers can no longer change.');
      if (overdue(a, clock.now())) {
        await settle(a);
        throw timeUp();
      }
      return db.transaction().execute(async (trx) => {
        const locked = (await repo.lockAttempt(trx, a.id))!;
        if (locked.status === 'submitted') throw conflict('Tes ini sudah dikumpulkan; jawaban tidak dapat diubah lagi.', 'This test was already submitted; answers can no longer change.');
        const now = clock.now();
        if (!acceptsAnswer(now, new Date(locked.deadline_at), graceMs)) {
          throw timeUp();
        }
        const f = (locked.form as FormItem[]).find((x) => x.itemId === body.itemId);
        if (!f) throw new AppError('VALIDATION_FAILED', msg('Soal ini bukan bagian dari tes Anda.', 'This item is not part of your test.'), { fields: [{ field: 'itemId', message: msg('Soal ini bukan bagian dari tes Anda.', 'This item is not part of your test.') }] });
        if (body.chosen !== null && !f.optionOrder.includes(body.chosen)) throw new AppError('VALIDATION_FAILED', msg(`Soal ini tidak punya pilihan ${body.chosen}.`, `This item has no option ${body.chosen}.`), { fields: [{ field: 'chosen', message: msg(`Soal ini tidak punya pilihan ${body.chosen}.`, `This item has no option ${body.chosen}.`) }] });
        const fresh = await repo.saveAnswer(trx, { attempt_id: a.id, item_id: body.itemId, chosen: body.chosen, seq: body.seq, saved_at: now });
        if (!fresh) throw conflict('Jawaban yang lebih baru untuk soal ini sudah tersimpan; muat ulang halaman untuk melihatnya.', 'A newer answer to this item is already saved; reload the page to see it.');
        await audit.record(trx, { actor, action: 'assessment.answer', subjectType: 'assessment_attempt', subjectId: a.id, after: { itemId: body.itemId, seq: body.seq, answered: body.chosen !== null } });
        return { itemId: body.itemId, chosen: body.chosen, seq: body.seq, savedAt: now.toISOString(), remainingMs: remainingMs(now, new Date(locked.deadline_at)) };
      });
    },

    /** The participant submits; a second submit answers the stored result. */
    async submit(actor: { id: string; role: string | null }, attemptId: string, prefix: string): Promise<AssessmentSummary> {
      const a = await settle(await own(actor.id, attemptId, prefix));
      if (a.status === 'submitted') return summaryOf(a);
      return db.transaction().execute(async (trx) => {
        const locked = (await repo.lockAttempt(trx, a.id))!;
        if (locked.status === 'in_progress') {
          const late = overdue(locked, clock.now());
          await finalise(trx, locked, late ? 'server' : 'participant', late ? SYSTEM_ACTOR : actor);
        }
        return summaryOf((await repo.attempt(trx, a.id))!);
      });
    },

    /** Submits every attempt whose deadline + grace has passed; returns how many. Safe on several instances. */
    async sweep(limit = 200): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const due = await repo.lockDue(trx, new Date(clock.now().getTime() - graceMs), limit);
        for (const a of due) await finalise(trx, a, 'server', SYSTEM_ACTOR);
        return due.length;
      });
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;

/** Submits overdue assessments every `intervalMs` (default 15 s); returns the stop function. */
export function startAssessmentSweeper(assessment: Pick<AssessmentService, 'sweep'>, opts: { intervalMs?: number; onError?: (err: unknown) => void } = {}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    assessment
      .sweep()
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs ?? 15_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
