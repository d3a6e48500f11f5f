/**
 * The participant's attempt while it runs: the exam view (one pre-serialised buffer), answer saves
 * (group-committed by the answer writer), the "last seen" stamps, and the per-participant cache of
 * what a save needs. Hot: bench/exam.ts and the chaos test measure these paths.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { batched } from '../../db/batched.ts';
import { AppError, notFound } from '../../errors.ts';
import { createTouchBuffer } from '../../platform/touch-buffer.ts';
import type { Actor } from '../identity/index.ts';
import { attemptsRepository, type SavedAnswer } from './attempts.repository.ts';
import { orderCode } from './cat-delivered-items.ts';
import { type AttemptViewJson, type CatCore, conflict, hashDevice, presentScore, type Score } from './cat-shared.ts';
import { type FormItem, type OptionKey, remainingMs } from './domain/index.ts';

const PRESENCE_EVERY_MS = 15_000;
const CONTEXT_TTL_MS = 10 * 60_000;

/** An attempt row as the exam view renders it. */
export interface ViewableAttempt {
  id: string;
  session_id: string;
  form: unknown;
  status: string;
  started_at: Date;
  deadline_at: Date;
  extra_minutes: number;
  submitted_at: Date | null;
  score: unknown;
  grace_seconds: number;
  saved?: SavedAnswer[];
}

export interface SaveContext {
  id: string;
  sessionId: string;
  applicationId: string;
  deviceHash: string;
  options: Map<string, readonly string[]>;
  expiresAt: number;
  matchedDevice?: string | undefined;
}

/**
 * What a save needs, per signed-in participant, kept in memory: the newest attempt's ids, its
 * device and its form as item → option keys (a drawn form never changes). It is only a filter:
 * the answer writer re-checks status, deadline and device under a lock in the committing batch,
 * so a change made on another instance (submit, device move, time grant) is never missed. A
 * save refused as closed reloads the entry once, in case a newer attempt began elsewhere; this
 * instance drops it when it signs the participant in or submits, and it expires after
 * CONTEXT_TTL_MS.
 * Built once per CAT service: the cache is state.
 */
function createSaveCache(core: CatCore) {
  const contexts = new Map<string, SaveContext>();
  const optionKeys = new Map<number, readonly string[]>(); // code of C,A,E,B,D → ['A','B','C','D','E'], shared
  const itemIds = new Map<string, string>();

  /** Reads the newest attempt of the participant into the cache. */
  async function loadContext(accountId: string): Promise<SaveContext> {
    const a = await attemptsRepository.newestForSaves(core.deps.db, accountId);
    if (!a) throw notFound();
    return remember(accountId, a);
  }

  /** Caches what a save needs from an attempt row read anyway (exam load, sign-in, loadContext). */
  function remember(
    accountId: string,
    a: { id: string; session_id: string; application_id: string; device_hash: string; form: unknown },
  ): SaveContext {
    const options = new Map<string, readonly string[]>();
    for (const f of a.form as FormItem[]) {
      // Keyed by the shuffled order (at most 5! of them): one shared sorted array per order, not per item.
      const order = orderCode(f.optionOrder);
      let keys = optionKeys.get(order);
      if (!keys) optionKeys.set(order, (keys = [...f.optionOrder].sort()));
      // One string per item id for all participants: thousands of cached forms share the bank's ids.
      let itemId = itemIds.get(f.itemId);
      if (!itemId) itemIds.set(f.itemId, (itemId = f.itemId));
      options.set(itemId, keys);
    }
    // Expiry is spread over CONTEXT_TTL_MS–2×: a hall that started together must not reload together.
    const ctx = {
      id: a.id,
      sessionId: a.session_id,
      applicationId: a.application_id,
      deviceHash: a.device_hash,
      options,
      expiresAt: Date.now() + CONTEXT_TTL_MS * (1 + Math.random()),
    };
    if (contexts.size >= 50_000) contexts.clear();
    contexts.set(accountId, ctx);
    return ctx;
  }

  /** The cached entry for a save, checked against the device cookie (reloaded when stale or for an unknown device). */
  async function saveContext(actor: Actor, device: string | undefined) {
    let ctx = contexts.get(actor.accountId);
    // The device cookie that last matched needs no hashing (a hall saves thousands of times a minute).
    if (ctx && device !== undefined && device === ctx.matchedDevice && Date.now() <= ctx.expiresAt) return ctx;
    if (!ctx || Date.now() > ctx.expiresAt) ctx = await loadContext(actor.accountId);
    // A device the cache does not know may be one the attempt moved to on another instance.
    else if (device && hashDevice(device) !== ctx.deviceHash) ctx = await loadContext(actor.accountId);
    await core.checkDevice(
      { device_hash: ctx.deviceHash, session_id: ctx.sessionId, id: ctx.id, application_id: ctx.applicationId },
      device,
    );
    ctx.matchedDevice = device;
    return ctx;
  }

  return { remember, loadContext, saveContext, forget: (accountId: string) => contexts.delete(accountId) };
}
type SaveCache = ReturnType<typeof createSaveCache>;

/** withItems false: the state only (clock, answers, result) for a page that already shows the form — a form never changes. */
export async function attemptView(core: CatCore, a: ViewableAttempt, withItems = true) {
  const { db, clock } = core.deps;
  const form = withItems ? (a.form as FormItem[]) : [];
  await core.items.load(db, form);
  const answers = a.saved
    ? a.saved.map(([item_id, chosen, flagged, seq, saved_at]) => ({ item_id, chosen, flagged, seq, saved_at }))
    : await attemptsRepository.answersOf(db, a.id);
  const now = clock.now();
  const deadline = new Date(a.deadline_at);
  const attempt = {
    id: a.id,
    sessionId: a.session_id,
    status: a.status as 'in_progress' | 'submitted',
    startedAt: new Date(a.started_at).toISOString(),
    deadlineAt: deadline.toISOString(),
    now: now.toISOString(),
    remainingMs: a.status === 'submitted' ? 0 : remainingMs(now, deadline),
    graceSeconds: a.grace_seconds,
    extraMinutes: a.extra_minutes,
    submittedAt: a.submitted_at ? new Date(a.submitted_at).toISOString() : null,
  };
  const answersOut = answers.map((r) => ({
    itemId: r.item_id,
    chosen: r.chosen,
    flagged: r.flagged,
    seq: r.seq,
    savedAt: new Date(r.saved_at).toISOString(),
  }));
  const result = a.status === 'submitted' && a.score ? presentScore(a.score as Score) : null;
  const parts: Buffer[] = [Buffer.from(`{"attempt":${JSON.stringify(attempt)},"items":[`)];
  form.forEach((f, i) => parts.push(core.items.itemPrefix(i), core.items.itemBytes(f)));
  parts.push(Buffer.from(`],"answers":${JSON.stringify(answersOut)},"result":${JSON.stringify(result)}}`));
  return Buffer.concat(parts) as AttemptViewJson;
}

/** One answer: validated against the form, then group-committed; acknowledged after commit. */
async function saveAnswer(
  core: CatCore,
  cache: SaveCache,
  presence: { touch(id: string): void },
  actor: Actor,
  device: string | undefined,
  body: { itemId: string; chosen: OptionKey | null; flagged: boolean; seq: number },
) {
  const { clock, writer } = core.deps;
  const a = await cache.saveContext(actor, device);
  const refs = { attemptId: a.id, applicationId: a.applicationId };
  const options = a.options.get(body.itemId);
  if (!options) {
    await core.incident(
      a.sessionId,
      'item_not_in_form',
      `Jawaban untuk soal ${body.itemId} yang tidak ada di paket peserta.`,
      refs,
    );
    throw new AppError(
      'VALIDATION_FAILED',
      msg('Soal ini tidak ada di paket soal Anda.', 'This item is not on your form.'),
      { fields: [{ field: 'itemId', message: msg('Soal tidak dikenal.', 'Unknown item.') }] },
    );
  }
  if (body.chosen !== null && !options.includes(body.chosen)) {
    await core.incident(
      a.sessionId,
      'option_out_of_range',
      `Pilihan ${body.chosen} tidak ada pada soal ${body.itemId}.`,
      refs,
    );
    throw new AppError(
      'VALIDATION_FAILED',
      msg('Pilihan jawaban tidak ada pada soal ini.', 'This option does not exist for the item.'),
      { fields: [{ field: 'chosen', message: msg('Pilihan tidak dikenal.', 'Unknown option.') }] },
    );
  }
  // Status, deadline + grace and device are decided in the committing batch, under its lock.
  const write = (c: SaveContext) =>
    writer.write({
      attemptId: c.id,
      sessionId: c.sessionId,
      deviceHash: c.deviceHash,
      itemId: body.itemId,
      chosen: body.chosen,
      flagged: body.flagged,
      seq: body.seq,
    });
  let r = await write(a);
  if (r.outcome === 'closed') {
    // A newer attempt (signed in on another instance) has a fresh form: this one is then closed.
    const fresh = await cache.loadContext(actor.accountId);
    if (fresh.id !== a.id && fresh.deviceHash === a.deviceHash && fresh.options.has(body.itemId))
      r = await write(fresh);
  }
  if (r.outcome === 'device') {
    cache.forget(actor.accountId);
    throw await core.deviceRefused({ session_id: a.sessionId, id: a.id, application_id: a.applicationId }, device);
  }
  if (r.outcome === 'closed') {
    await core.incident(
      a.sessionId,
      'late_answer',
      `Jawaban soal ${body.itemId} (seq ${body.seq}) setelah batas waktu.`,
      refs,
    );
    throw conflict('Waktu ujian sudah habis; jawaban ini tidak disimpan.', 'Time is up; this answer was not saved.');
  }
  presence.touch(a.id);
  return {
    itemId: r.itemId,
    seq: r.seq,
    chosen: r.chosen as OptionKey | null,
    flagged: r.flagged,
    savedAt: r.savedAt,
    applied: r.outcome === 'applied',
    deadlineAt: r.deadlineAt.toISOString(),
    remainingMs: remainingMs(clock.now(), r.deadlineAt),
  };
}

/** The participant's attempt use-cases, with the save cache and the presence buffer they share. */
export function createCatAttempts(core: CatCore) {
  const { db, clock } = core.deps;
  const cache = createSaveCache(core);

  async function newestAttempts(accountIds: readonly string[], withAnswers: boolean) {
    const rows = await attemptsRepository.newestAttempts(db, accountIds, withAnswers);
    return new Map(rows.map((r) => [r.account_id, r]));
  }
  const newestAttempt = batched((ids: readonly string[]) => newestAttempts(ids, false));
  const newestAttemptWithAnswers = batched((ids: readonly string[]) => newestAttempts(ids, true));

  /** The participant's newest attempt, refusing any device but the one it is bound to. */
  async function ownAttempt(actor: Actor, device: string | undefined, opts: { withAnswers?: boolean } = {}) {
    const a = await (opts.withAnswers === true ? newestAttemptWithAnswers : newestAttempt)(actor.accountId);
    if (!a) throw notFound();
    await core.checkDevice(a, device);
    return a;
  }

  /**
   * Participants' "last seen" (the proctor's disconnected flag, after DISCONNECTED_AFTER_MS),
   * stamped in bulk once a second, each attempt at most every PRESENCE_EVERY_MS. A stamp does not
   * wait for answer batches (their key-share lock does not conflict), and rows locked for update
   * right now (a submit, a device change) are skipped: a stamp is a hint.
   */
  const presence = createTouchBuffer({
    clock,
    minIntervalMs: PRESENCE_EVERY_MS,
    write: (keys, at) => attemptsRepository.stampSeen(db, keys, at),
  });

  return {
    /** For sign-in and submit: the cache, the device check and the view. */
    internal: {
      ownAttempt,
      remember: cache.remember,
      forget: cache.forget,
      attemptView: (a: ViewableAttempt, withItems?: boolean) => attemptView(core, a, withItems),
    },

    /** Writes pending "last seen" stamps now (shutdown, tests). */
    flushPresence: () => presence.flush(),

    async attempt(actor: Actor, device: string | undefined, opts: { items?: boolean } = {}) {
      const a = await ownAttempt(actor, device, { withAnswers: true });
      presence.touch(a.id);
      // The page saves answers next: keep what a save needs instead of reading the form again.
      if (a.status === 'in_progress') cache.remember(actor.accountId, a);
      return attemptView(core, a, opts.items ?? true);
    },

    /** One answer: validated against the form, then group-committed; acknowledged after commit. */
    saveAnswer: (
      actor: Actor,
      device: string | undefined,
      body: { itemId: string; chosen: OptionKey | null; flagged: boolean; seq: number },
    ) => saveAnswer(core, cache, presence, actor, device, body),
  };
}

export type CatAttempts = ReturnType<typeof createCatAttempts>;
