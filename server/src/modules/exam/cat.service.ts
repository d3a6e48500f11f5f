/**
 * Taking the CAT exam (RULES.md §2): a proctor opens a session with a blueprint and shows a token;
 * participants sign in with participant number, password and token; each gets a form derived from
 * a random seed stored with the attempt; the server owns the clock (deadline = start + duration +
 * accommodation + grants); answers are group-committed with per-item sequence numbers; scoring runs
 * only here; a sweeper submits attempts whose deadline + grace has passed. Also the proctor console,
 * the public live scoreboard and item analysis.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { maskName } from '../../../../common/rules/mask-name.ts';
import { formatWitaDate } from '../../../../common/rules/wita.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { batched } from '../../db/batched.ts';
import { type Executor, sql } from '../../db/database.ts';
import type { AttemptsTable, DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { createLinkSigner } from '../../platform/documents/signed-links.ts';
import { renderScoreCertificate } from '../../platform/pdf/cards.ts';
import { createTouchBuffer } from '../../platform/touch-buffer.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import { isNeedType, passesThreshold, type SelectionService, type ThresholdRuleSet } from '../selection/index.ts';
import { type AuditActor, type AuditService, SYSTEM_ACTOR } from '../transparency/index.ts';
import { type AnswerWriter, CAT_CHANNEL } from './answer-writer.ts';
import { requireProctor } from './cat-sessions.service.ts';
import {
  type AttemptScore,
  type BankEntry,
  DEFAULT_MAX_GRANT_MINUTES,
  type Blueprint,
  type FormItem,
  type ItemContent,
  type OptionKey,
  InsufficientBankError,
  analyzeItems,
  ANALYSIS_DEFAULTS,
  deadlineOf,
  deriveForm,
  maxPoints,
  remainingMs,
  scoreAnswer,
  scoreAttempt,
} from './domain/index.ts';

export interface CatDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  identity: IdentityService;
  writer: AnswerWriter;
  /** The selection module's intake of SKD results, written in the exam's own transactions. */
  skd: Pick<SelectionService, 'recordSkdFromCat' | 'ruleSet'>;
  publicUrl: string;
  cardSecret: string;
}

export const DISCONNECTED_AFTER_MS = 60_000;
const PRESENCE_EVERY_MS = 15_000;
const CONTEXT_TTL_MS = 10 * 60_000;
const TOKEN_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read aloud in a hall
const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const hashToken = (token: string) => sha256(`cat-token:${token.toUpperCase()}`);
export const hashDevice = (device: string) => sha256(`cat-device:${device}`);
export const newDeviceId = () => randomBytes(24).toString('base64url');

type Score = AttemptScore & { passed: boolean | null; thresholdText: string | null };
/** The exam as the participant's page gets it (see API.md), already serialized (UTF-8 JSON). */
export type AttemptViewJson = Buffer & { readonly __attemptView: unique symbol };

/** A shuffled option order as a number (base 8, A = 1): a map key made without building a string, 110 times per exam load. */
const orderCode = (order: readonly string[]) => {
  let code = 0;
  for (const key of order) code = code * 8 + (key.charCodeAt(0) - 64);
  return code;
};

const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
const forbidden = (id: string, en: string) => new AppError('FORBIDDEN', msg(id, en));
const wrongToken = () => forbidden('Token sesi salah, atau sesi belum dibuka pengawas. Periksa token yang ditampilkan pengawas.', 'Wrong session token, or the proctor has not opened the session. Check the token the proctor shows.');

export function createCatService(deps: CatDeps) {
  const { db, clock, ids, audit, writer } = deps;
  const certificateLinks = createLinkSigner(deps.cardSecret, 'cat-cert');
  /**
   * Delivered versions never change, so each one's content — and its JSON for participants per
   * option order (itemBytes) — is kept for the process's life, by item id then version (an exam
   * load looks up 110 items: no key strings to build).
   */
  interface Delivered { content: ItemContent; bytesByOrder: Map<number, Buffer> }
  const delivered = new Map<string, Map<number, Delivered>>();
  const deliveredOf = (f: { itemId: string; version: number }) => delivered.get(f.itemId)?.get(f.version);
  let renderedCount = 0;
  /** Fetches on their way, by version: a hall's first loads all miss together and share them. */
  const contentFetches = new Map<string, Promise<void>>();
  const versionKey = (f: { itemId: string; version: number }) => `${f.itemId}:${f.version}`;

  async function fetchContents(ex: Executor, missing: FormItem[]) {
    const rows = await ex
      .selectFrom('item_versions')
      .select(['item_id', 'version', 'content'])
      .where('item_id', 'in', [...new Set(missing.map((m) => m.itemId))])
      .where('first_delivered_at', 'is not', null)
      .execute();
    for (const r of rows) {
      let versions = delivered.get(r.item_id);
      if (!versions) delivered.set(r.item_id, (versions = new Map()));
      if (!versions.has(r.version)) versions.set(r.version, { content: r.content as ItemContent, bytesByOrder: new Map() });
    }
  }

  /** Makes sure the form's versions are in `delivered` (those that are delivered). */
  async function loadDelivered(ex: Executor, form: FormItem[]) {
    const missing = form.filter((f) => !deliveredOf(f));
    if (missing.length === 0) return;
    if (ex !== db) return fetchContents(ex, missing); // in a transaction: never wait on another query
    const waits = new Set<Promise<void>>();
    const unfetched = missing.filter((f) => {
      const fetching = contentFetches.get(versionKey(f));
      if (fetching) waits.add(fetching);
      return !fetching;
    });
    if (unfetched.length > 0) {
      const fetching = fetchContents(db, unfetched).finally(() => {
        for (const f of unfetched) contentFetches.delete(versionKey(f));
      });
      for (const f of unfetched) contentFetches.set(versionKey(f), fetching);
      waits.add(fetching);
    }
    await Promise.all(waits);
  }

  async function contents(ex: Executor, form: FormItem[]): Promise<Map<string, ItemContent>> {
    await loadDelivered(ex, form);
    const out = new Map<string, ItemContent>();
    for (const f of form) {
      const d = deliveredOf(f);
      if (d) out.set(f.itemId, d.content);
    }
    return out;
  }

  /**
   * A delivered version as the participant's page gets it, with its options in one shuffled order,
   * made once as bytes: a whitelist of stem, image and option texts — keys, weights and
   * explanations never leave the server. A hall loads the same texts in different orders (at most
   * 5! per version), and rendering ~50 KB per participant was most of an exam load's work.
   * The bytes are the item's JSON after its opening brace; the number goes in front (itemPrefix).
   */
  function itemBytes(f: FormItem, d: Delivered): Buffer {
    const order = orderCode(f.optionOrder);
    let bytes = d.bytesByOrder.get(order);
    if (!bytes) {
      const c = d.content;
      const text = new Map(c.options.map((o) => [o.key, o.text]));
      const options = f.optionOrder.map((k) => ({ key: k, text: text.get(k) ?? '' }));
      bytes = Buffer.from(JSON.stringify({ itemId: f.itemId, subtest: f.subtest, stem: c.stem, imageKey: c.imageKey, options }).slice(1));
      // A bank of thousands of items could fill memory with orders: start afresh past 50,000.
      if (++renderedCount > 50_000) {
        for (const versions of delivered.values()) for (const v of versions.values()) v.bytesByOrder.clear();
        renderedCount = 1;
      }
      d.bytesByOrder.set(order, bytes);
    }
    return bytes;
  }
  /** `{"number":1,` then `,{"number":2,` …: one buffer per position, shared by every view. */
  const itemPrefixes: Buffer[] = [];
  const itemPrefix = (i: number) => (itemPrefixes[i] ??= Buffer.from(`${i > 0 ? ',' : ''}{"number":${i + 1},`));

  async function notify(ex: Executor, sessionId: string) {
    await sql`select pg_notify(${CAT_CHANNEL}, ${sessionId})`.execute(ex);
  }

  async function incident(sessionId: string, kind: string, detail: string, refs: { attemptId?: string | null; applicationId?: string | null } = {}) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('incidents').values({ session_id: sessionId, attempt_id: refs.attemptId ?? null, application_id: refs.applicationId ?? null, kind, detail, at: clock.now() }).execute();
      await notify(trx, sessionId);
    });
  }

  async function catSession(ex: Executor, sessionId: string) {
    return ex
      .selectFrom('cat_sessions')
      .innerJoin('exam_sessions', 'exam_sessions.id', 'cat_sessions.session_id')
      .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
      .select(['cat_sessions.session_id', 'cat_sessions.opened_at', 'cat_sessions.closed_at', 'cat_sessions.grace_seconds', 'exam_sessions.starts_at', 'blueprints.content as blueprint'])
      .where('cat_sessions.session_id', '=', sessionId)
      .executeTakeFirst();
  }

  type RuleSets = Map<number, Promise<ThresholdRuleSet | null>>;
  /** The year's passing grades from the selection module (null when none are set), once per call site. */
  const rulesOf = (ex: Executor, year: number, cache: RuleSets) => {
    let rules = cache.get(year);
    if (!rules) {
      rules = deps.skd.ruleSet(year, ex).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'CONFLICT') return null;
        throw err;
      });
      cache.set(year, rules);
    }
    return rules;
  };

  /**
   * Pass/fail of an SKD score against the passing grades the ranking uses (RULES.md §2.2), read
   * when asked, so an admin's edit reaches the result page, the certificate and the ranking alike;
   * null when the exam is not an SKD or the year has no grades.
   */
  async function verdict(ex: Executor, score: Pick<AttemptScore, 'twk' | 'tiu' | 'tkp'>, examType: string, app: { need_type: string; year: number } | undefined, cache: RuleSets): Promise<Pick<Score, 'passed' | 'thresholdText'>> {
    if (examType !== 'SKD' || !app) return { passed: null, thresholdText: null };
    const rules = await rulesOf(ex, app.year, cache);
    const rule = rules && isNeedType(app.need_type) ? rules.rules[app.need_type] : undefined;
    if (!rules || !rule) return { passed: null, thresholdText: null };
    const text = rule.kind === 'subtests' ? `TWK ≥ ${rule.twk}, TIU ≥ ${rule.tiu}, TKP ≥ ${rule.tkp}` : `Total ≥ ${rule.total} dan TIU ≥ ${rule.tiu}`;
    return { passed: passesThreshold(rule, score.twk, score.tiu, score.tkp), thresholdText: `${text} (${rules.regulation})` };
  }

  /** A submitted attempt's stored score with today's verdict, for the participant's result and the certificate check. */
  async function judgedAttempt(ex: Executor, attemptId: string) {
    const a = await ex
      .selectFrom('attempts')
      .innerJoin('applications', 'applications.id', 'attempts.application_id')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .innerJoin('recruitment_periods', 'recruitment_periods.id', 'applications.period_id')
      .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
      .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
      .select(['attempts.id', 'attempts.status', 'attempts.score', 'attempts.submitted_at', 'attempts.submitted_by', 'applications.participant_no', 'formations.need_type', 'recruitment_periods.year', 'blueprints.content as blueprint'])
      .where('attempts.id', '=', attemptId)
      .executeTakeFirst();
    if (!a || a.status !== 'submitted') return undefined;
    const stored = a.score as Score;
    return { ...a, score: { ...stored, ...(await verdict(ex, stored, (a.blueprint as Blueprint).examType, a, new Map())) } };
  }

  interface SubmitRequest { attemptId: string; actor: AuditActor }

  /**
   * Scores and closes attempts in the caller's transaction, any number at once: the attempts are
   * locked for update (in id order, as answer batches lock them), their answers, blueprints and
   * thresholds read with one statement each, the scores written with one, and the audit events
   * appended together. An attempt already submitted keeps its stored score. When a hall submits
   * together, this is one commit and one audit-chain lock for dozens of participants.
   */
  async function submitLocked(trx: Executor, requests: readonly SubmitRequest[], by: 'participant' | 'server'): Promise<Map<string, Score>> {
    const ids = [...new Set(requests.map((r) => r.attemptId))];
    const { rows } = await sql<{ id: string; session_id: string; application_id: string; form: FormItem[]; status: string; score: Score | null }>`
      select id, session_id, application_id, form, status, score from attempts where id = any(${ids}::uuid[]) order by id for update
    `.execute(trx);
    const scores = new Map<string, Score>();
    const open = rows.filter((a) => a.status !== 'submitted');
    for (const a of rows) if (a.status === 'submitted') scores.set(a.id, a.score as Score);
    if (open.length === 0) return scores;

    const blueprints = new Map<string, Blueprint>();
    for (const sessionId of new Set(open.map((a) => a.session_id))) blueprints.set(sessionId, (await catSession(trx, sessionId))!.blueprint as Blueprint);
    const openIds = open.map((a) => a.id);
    const answers = await trx.selectFrom('answers').select(['attempt_id', 'item_id', 'chosen']).where(sql<boolean>`attempt_id = any(${openIds}::uuid[])`).execute();
    const chosenBy = new Map<string, Map<string, OptionKey | null>>(openIds.map((id) => [id, new Map()]));
    for (const r of answers) chosenBy.get(r.attempt_id)!.set(r.item_id, r.chosen as OptionKey | null);
    const apps = await trx
      .selectFrom('applications')
      .innerJoin('formations', 'formations.id', 'applications.formation_id')
      .innerJoin('recruitment_periods', 'recruitment_periods.id', 'applications.period_id')
      .select(['applications.id', 'applications.period_id', 'formations.need_type', 'recruitment_periods.year'])
      .where(sql<boolean>`applications.id = any(${open.map((a) => a.application_id)}::uuid[])`)
      .execute();
    const appById = new Map(apps.map((r) => [r.id, r]));

    const rules: RuleSets = new Map();
    for (const a of open) {
      const content = await contents(trx, a.form);
      const blueprint = blueprints.get(a.session_id)!;
      const score = scoreAttempt(a.form.map((f) => ({ itemId: f.itemId, subtest: f.subtest, scoring: content.get(f.itemId)!.scoring })), chosenBy.get(a.id)!);
      scores.set(a.id, { ...score, ...(await verdict(trx, score, blueprint.examType, appById.get(a.application_id), rules)) });
    }
    await sql`
      update attempts set status = 'submitted', submitted_at = ${clock.now()}, submitted_by = ${by}, score = v.score::jsonb
      from unnest(${openIds}::uuid[], ${openIds.map((id) => JSON.stringify(scores.get(id)))}::text[]) as v (id, score)
      where attempts.id = v.id
    `.execute(trx);
    // An SKD attempt is the participant's SKD result: the ranking reads it from the same commit.
    const skdRows = open
      .filter((a) => blueprints.get(a.session_id)!.examType === 'SKD' && appById.has(a.application_id))
      .map((a) => {
        const s = scores.get(a.id)!;
        return { applicationId: a.application_id, periodId: appById.get(a.application_id)!.period_id, sessionId: a.session_id, scores: { twk: s.twk, tiu: s.tiu, tkp: s.tkp } };
      });
    if (skdRows.length > 0) await deps.skd.recordSkdFromCat(trx, skdRows);
    const actorOfAttempt = new Map<string, AuditActor>();
    for (const r of requests) if (!actorOfAttempt.has(r.attemptId)) actorOfAttempt.set(r.attemptId, r.actor);
    await audit.recordMany(trx, open.map((a) => ({
      actor: actorOfAttempt.get(a.id)!,
      action: by === 'server' ? 'cat.attempt.auto_submit' : 'cat.attempt.submit',
      subjectType: 'attempt',
      subjectId: a.id,
      after: scores.get(a.id),
    })));
    for (const sessionId of blueprints.keys()) await notify(trx, sessionId);
    return scores;
  }

  /**
   * Participants' submits that arrive together: pending saves written first, then one transaction
   * for all. One batch at a time: they would only queue on the audit chain's lock, each holding a
   * pooled connection, and a storm of small batches starved every other query (bench:exam).
   */
  const submitTogether = batched(async (requests: readonly SubmitRequest[]) => {
    await writer.flush();
    const scores = await db.transaction().execute((trx) => submitLocked(trx, requests, 'participant'));
    return new Map(requests.map((r) => [r, scores.get(r.attemptId)!]));
  }, { oneAtATime: true });

  const presentScore = (s: Score) => ({ twk: s.twk, tiu: s.tiu, tkp: s.tkp, total: s.total, answered: s.answered, bySubtest: s.bySubtest, passed: s.passed, thresholdText: s.thresholdText });

  /** [item id, chosen, flagged, seq, saved at] as `json_build_array` gives it. */
  type SavedAnswer = [string, string | null, boolean, number, string];
  type NewestAttempt = Selectable<AttemptsTable> & { grace_seconds: number; blueprint_id: string; account_id: string; saved?: SavedAnswer[] };

  /**
   * Each account's newest attempt, for many accounts in one statement (a hall loads the exam
   * together; see db/batched.ts). For the exam view the saved answers ride along: loading the exam
   * is one round trip, not two.
   */
  async function newestAttempts(accountIds: readonly string[], withAnswers: boolean) {
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
    `.execute(db);
    return new Map(rows.map((r) => [r.account_id, r]));
  }
  const newestAttempt = batched((ids: readonly string[]) => newestAttempts(ids, false));
  const newestAttemptWithAnswers = batched((ids: readonly string[]) => newestAttempts(ids, true));

  /** The participant's newest attempt, refusing any device but the one it is bound to. */
  async function ownAttempt(actor: Actor, device: string | undefined, opts: { withAnswers?: boolean } = {}) {
    const a = await (opts.withAnswers === true ? newestAttemptWithAnswers : newestAttempt)(actor.accountId);
    if (!a) throw notFound();
    await checkDevice(a, device);
    return a;
  }

  async function checkDevice(a: { device_hash: string | null; session_id: string; id: string; application_id: string }, device: string | undefined) {
    if (!device || hashDevice(device) !== a.device_hash) throw await deviceRefused(a, device);
  }

  async function deviceRefused(a: { session_id: string; id: string; application_id: string }, device: string | undefined) {
    // No device cookie is a signed-in page that never joined the exam: refuse, but it is no incident.
    if (device) await incident(a.session_id, 'device_mismatch', 'Permintaan dari perangkat yang bukan perangkat ujian peserta.', { attemptId: a.id, applicationId: a.application_id });
    return conflict('Ujian Anda terikat pada perangkat lain. Minta pengawas menyetujui pergantian perangkat, lalu masuk lagi dengan token.', 'Your exam is bound to another device. Ask the proctor to approve the device change, then sign in again with the token.');
  }

  /**
   * What a save needs, per signed-in participant, kept in memory: the newest attempt's ids, its
   * device and its form as item → option keys (a drawn form never changes). It is only a filter:
   * the answer writer re-checks status, deadline and device under a lock in the committing batch,
   * so a change made on another instance (submit, device move, time grant) is never missed. A
   * save refused as closed reloads the entry once, in case a newer attempt began elsewhere; this
   * instance drops it when it signs the participant in or submits, and it expires after
   * CONTEXT_TTL_MS.
   */
  interface SaveContext { id: string; sessionId: string; applicationId: string; deviceHash: string; options: Map<string, readonly string[]>; expiresAt: number; matchedDevice?: string | undefined }
  const contexts = new Map<string, SaveContext>();
  const optionKeys = new Map<number, readonly string[]>(); // code of C,A,E,B,D → ['A','B','C','D','E'], shared
  const itemIds = new Map<string, string>();

  async function loadContext(accountId: string): Promise<SaveContext> {
    const a = await db
      .selectFrom('attempts')
      .innerJoin('applications', 'applications.id', 'attempts.application_id')
      .select(['attempts.id', 'attempts.session_id', 'attempts.application_id', 'attempts.device_hash', 'attempts.form'])
      .where('applications.applicant_id', '=', accountId)
      .orderBy('attempts.started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!a) throw notFound();
    return remember(accountId, a);
  }

  /** Caches what a save needs from an attempt row read anyway (exam load, sign-in, loadContext). */
  function remember(accountId: string, a: { id: string; session_id: string; application_id: string; device_hash: string; form: unknown }): SaveContext {
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
    const ctx = { id: a.id, sessionId: a.session_id, applicationId: a.application_id, deviceHash: a.device_hash, options, expiresAt: Date.now() + CONTEXT_TTL_MS * (1 + Math.random()) };
    if (contexts.size >= 50_000) contexts.clear();
    contexts.set(accountId, ctx);
    return ctx;
  }

  async function saveContext(actor: Actor, device: string | undefined) {
    let ctx = contexts.get(actor.accountId);
    // The device cookie that last matched needs no hashing (a hall saves thousands of times a minute).
    if (ctx && device !== undefined && device === ctx.matchedDevice && Date.now() <= ctx.expiresAt) return ctx;
    if (!ctx || Date.now() > ctx.expiresAt) ctx = await loadContext(actor.accountId);
    // A device the cache does not know may be one the attempt moved to on another instance.
    else if (device && hashDevice(device) !== ctx.deviceHash) ctx = await loadContext(actor.accountId);
    await checkDevice({ device_hash: ctx.deviceHash, session_id: ctx.sessionId, id: ctx.id, application_id: ctx.applicationId }, device);
    ctx.matchedDevice = device;
    return ctx;
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
    write: (keys, at) =>
      db.updateTable('attempts').set({ last_seen_at: at })
        .where('id', 'in', (eb) => eb.selectFrom('attempts').select('id').where('id', 'in', keys).orderBy('id').forNoKeyUpdate().skipLocked())
        .execute(),
  });

  /** withItems false: the state only (clock, answers, result) for a page that already shows the form — a form never changes. */
  async function attemptView(a: { id: string; session_id: string; form: unknown; status: string; started_at: Date; deadline_at: Date; extra_minutes: number; submitted_at: Date | null; score: unknown; grace_seconds: number; saved?: SavedAnswer[] }, withItems = true) {
    const form = withItems ? (a.form as FormItem[]) : [];
    await loadDelivered(db, form);
    const answers = a.saved
      ? a.saved.map(([item_id, chosen, flagged, seq, saved_at]) => ({ item_id, chosen, flagged, seq, saved_at }))
      : await db.selectFrom('answers').select(['item_id', 'chosen', 'flagged', 'seq', 'saved_at']).where('attempt_id', '=', a.id).execute();
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
    const answersOut = answers.map((r) => ({ itemId: r.item_id, chosen: r.chosen, flagged: r.flagged, seq: r.seq, savedAt: new Date(r.saved_at).toISOString() }));
    const result = a.status === 'submitted' && a.score ? presentScore(a.score as Score) : null;
    const parts: Buffer[] = [Buffer.from(`{"attempt":${JSON.stringify(attempt)},"items":[`)];
    form.forEach((f, i) => parts.push(itemPrefix(i), itemBytes(f, deliveredOf(f)!)));
    parts.push(Buffer.from(`],"answers":${JSON.stringify(answersOut)},"result":${JSON.stringify(result)}}`));
    return Buffer.concat(parts) as AttemptViewJson;
  }

  async function createAttempt(trx: Executor, sessionId: string, applicationId: string, extraMinutes: number, blueprint: Blueprint, deviceHash: string) {
    const bankRows = await trx
      .selectFrom('items')
      .innerJoin('item_versions', (j) => j.onRef('item_versions.item_id', '=', 'items.id').onRef('item_versions.version', '=', 'items.current_version'))
      .select(['items.id', 'items.current_version', 'item_versions.subtest', 'item_versions.category', 'item_versions.content'])
      .where('items.retired_at', 'is', null)
      .where('item_versions.exam_type', '=', blueprint.examType)
      .execute();
    const bank: BankEntry[] = bankRows.map((r) => ({
      itemId: r.id,
      version: r.current_version,
      subtest: r.subtest as BankEntry['subtest'],
      category: r.category,
      optionKeys: (r.content as ItemContent).options.map((o) => o.key),
    }));
    const seed = ids.secret();
    let form: FormItem[];
    try {
      form = deriveForm(bank, blueprint, seed);
    } catch (err) {
      if (err instanceof InsufficientBankError) {
        throw conflict(`Bank soal belum cukup untuk kisi-kisi (${err.section.subtest}${err.section.category ? `/${err.section.category}` : ''}: ${err.available} soal). Hubungi admin bank soal.`, `The item bank cannot fill the blueprint (${err.section.subtest}: ${err.available} items). Contact the exam admin.`);
      }
      throw err;
    }
    const now = clock.now();
    const id = ids.uuid();
    const grants: number[] = [];
    await trx
      .insertInto('attempts')
      .values({
        id,
        session_id: sessionId,
        application_id: applicationId,
        form_seed: seed,
        form: JSON.stringify(form),
        started_at: now,
        deadline_at: deadlineOf({ startedAt: now, durationMinutes: blueprint.durationMinutes, extraMinutes, grantsMinutes: grants }),
        extra_minutes: extraMinutes,
        status: 'in_progress',
        device_hash: deviceHash,
        last_seen_at: now,
      })
      .execute();
    // The versions on this form are now delivered: frozen from here on. One statement that locks the
    // still-unmarked rows in (item, version) order: participants whose first sign-ins arrive together
    // draw the same items in different orders, and row-by-row updates deadlocked on Postgres.
    await sql`
      update item_versions v set first_delivered_at = ${now}
      from (
        select item_id, version from item_versions
        where (item_id, version) in (select * from unnest(${form.map((f) => f.itemId)}::uuid[], ${form.map((f) => f.version)}::integer[]))
          and first_delivered_at is null
        order by item_id, version
        for update
      ) as pending
      where v.item_id = pending.item_id and v.version = pending.version
    `.execute(trx);
    return id;
  }

  async function recomputeDeadline(trx: Executor, attemptId: string) {
    const a = await trx.selectFrom('attempts').innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id').innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id').select(['attempts.started_at', 'attempts.extra_minutes', 'blueprints.content']).where('attempts.id', '=', attemptId).executeTakeFirstOrThrow();
    const grants = await trx.selectFrom('time_grants').select('minutes').where('attempt_id', '=', attemptId).execute();
    const deadline = deadlineOf({ startedAt: new Date(a.started_at), durationMinutes: (a.content as Blueprint).durationMinutes, extraMinutes: a.extra_minutes, grantsMinutes: grants.map((g) => g.minutes) });
    await trx.updateTable('attempts').set({ deadline_at: deadline }).where('id', '=', attemptId).execute();
    return deadline;
  }

  async function sessionParticipants(sessionId: string) {
    const rows = await db
      .selectFrom('exam_assignments')
      .innerJoin('applications', 'applications.id', 'exam_assignments.application_id')
      .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
      .leftJoin('attempts', (j) => j.onRef('attempts.application_id', '=', 'applications.id').on('attempts.session_id', '=', sessionId))
      .select([
        'applications.id as application_id', 'applications.participant_no', 'accounts.full_name', 'exam_assignments.seat', 'exam_assignments.extra_minutes',
        'attempts.id as attempt_id', 'attempts.status', 'attempts.deadline_at', 'attempts.last_seen_at', 'attempts.submitted_at', 'attempts.submitted_by', 'attempts.form', 'attempts.score',
      ])
      .select((eb) => eb.selectFrom('answers').whereRef('answers.attempt_id', '=', 'attempts.id').where('answers.chosen', 'is not', null).select(eb.fn.countAll<number>().as('n')).as('answered'))
      .where('exam_assignments.session_id', '=', sessionId)
      .orderBy('exam_assignments.seat')
      .execute();
    return rows;
  }

  return {
    // ── sessions (proctor / committee) ──
    async openSession(actor: Actor, sessionId: string, body: { blueprintId: string; graceSeconds?: number | undefined }) {
      const token = Array.from({ length: 6 }, () => TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)]).join('');
      await db.transaction().execute(async (trx) => {
        const s = await trx.selectFrom('exam_sessions').select('id').where('id', '=', sessionId).executeTakeFirst();
        if (!s) throw notFound();
        await requireProctor(trx, actor, sessionId);
        const bp = await trx.selectFrom('blueprints').select('id').where('id', '=', body.blueprintId).executeTakeFirst();
        if (!bp) throw notFound();
        const existing = await trx.selectFrom('cat_sessions').selectAll().where('session_id', '=', sessionId).forUpdate().executeTakeFirst();
        if (existing?.closed_at) throw conflict('Sesi ini sudah ditutup.', 'This session is closed.');
        const started = await trx.selectFrom('attempts').select('id').where('session_id', '=', sessionId).executeTakeFirst();
        if (existing && started && existing.blueprint_id !== body.blueprintId) throw conflict('Peserta sudah mulai: kisi-kisi sesi tidak dapat diganti. Token baru tetap dapat dibuat.', 'Participants have started: the blueprint cannot change.');
        const row = { blueprint_id: body.blueprintId, token_hash: hashToken(token), opened_at: clock.now(), opened_by: actor.accountId, grace_seconds: body.graceSeconds ?? existing?.grace_seconds ?? 30 };
        if (existing) await trx.updateTable('cat_sessions').set(row).where('session_id', '=', sessionId).execute();
        else await trx.insertInto('cat_sessions').values({ session_id: sessionId, ...row }).execute();
        await audit.record(trx, { actor: actorOf(actor), action: existing ? 'cat.session.new_token' : 'cat.session.open', subjectType: 'exam_session', subjectId: sessionId, after: { blueprintId: body.blueprintId, graceSeconds: row.grace_seconds } });
        await notify(trx, sessionId);
      });
      return { sessionId, token, graceSeconds: body.graceSeconds ?? 30 };
    },

    /**
     * Closes a session to new sign-ins. For an SKD session, everyone seated in it who never started
     * is recorded absent (TH) in the same transaction, so the ranking knows them; open attempts
     * still run to their deadline.
     */
    async closeSession(actor: Actor, sessionId: string) {
      let absent = 0;
      await db.transaction().execute(async (trx) => {
        await requireProctor(trx, actor, sessionId);
        const r = await trx.updateTable('cat_sessions').set({ closed_at: clock.now(), closed_by: actor.accountId }).where('session_id', '=', sessionId).where('closed_at', 'is', null).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound();
        const blueprint = (await catSession(trx, sessionId))!.blueprint as Blueprint;
        if (blueprint.examType === 'SKD') {
          const seated = await trx
            .selectFrom('exam_assignments')
            .innerJoin('applications', 'applications.id', 'exam_assignments.application_id')
            .leftJoin('attempts', (j) => j.onRef('attempts.application_id', '=', 'exam_assignments.application_id').onRef('attempts.session_id', '=', 'exam_assignments.session_id'))
            .select(['applications.id', 'applications.period_id', 'applications.participant_no'])
            .where('exam_assignments.session_id', '=', sessionId)
            .where('attempts.id', 'is', null)
            .execute();
          absent = seated.length;
          if (seated.length > 0) await deps.skd.recordSkdFromCat(trx, seated.map((a) => ({ applicationId: a.id, periodId: a.period_id, sessionId, scores: null })));
          await audit.record(trx, { actor: actorOf(actor), action: 'cat.session.close', subjectType: 'exam_session', subjectId: sessionId, after: { absent: seated.map((a) => a.participant_no) } });
        } else {
          await audit.record(trx, { actor: actorOf(actor), action: 'cat.session.close', subjectType: 'exam_session', subjectId: sessionId });
        }
        await notify(trx, sessionId);
      });
      return { ok: true as const, absent };
    },

    /** Participant sign-in: password (identity's own login, throttled), then token and seat, then the device. */
    async login(body: { participantNo: string; password: string; token: string }, ip: string, deviceCookie: string | undefined) {
      const app = await db
        .selectFrom('applications')
        .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
        .select(['applications.id', 'accounts.email'])
        .where('applications.participant_no', '=', body.participantNo)
        .executeTakeFirst();
      const candidates = await db.selectFrom('cat_sessions').select(['session_id']).where('token_hash', '=', hashToken(body.token)).where('closed_at', 'is', null).execute();
      // Only an attempt with a live session token counts against the participant's lockout: the
      // number is public, the token is shown only in the hall. With a wrong token the answer is
      // the same whatever the password, so it tells nothing about the password either.
      const tokenOk = candidates.length > 0;
      let session: Awaited<ReturnType<IdentityService['login']>>;
      try {
        // An unknown number fails exactly like a wrong password (same hashing work, same message).
        session = await deps.identity.login(app?.email ?? `tidak-ada.${body.participantNo}@peserta.invalid`, body.password, ip, { countAccountFailure: tokenOk });
      } catch (err) {
        if (!tokenOk && err instanceof AppError && err.code === 'INVALID_CREDENTIALS') throw wrongToken();
        throw err;
      }
      const account = { accountId: session.account.id, role: session.account.role as Actor['role'], organizationId: null };
      const revoke = () => deps.identity.logout(session.token, account).catch(() => {});
      const assignment = await db.selectFrom('exam_assignments').selectAll().where('application_id', '=', app!.id).executeTakeFirst();
      if (!assignment) {
        await revoke();
        throw forbidden('Anda tidak terjadwal di sesi ujian mana pun.', 'You are not scheduled in any exam session.');
      }
      if (candidates.length === 0) {
        await incident(assignment.session_id, 'wrong_token', `Token salah dari peserta ${body.participantNo}.`, { applicationId: app!.id });
        await revoke();
        throw wrongToken();
      }
      if (!candidates.some((c) => c.session_id === assignment.session_id)) {
        await incident(candidates[0]!.session_id, 'other_session', `Peserta ${body.participantNo} terjadwal di sesi lain mencoba masuk.`, { applicationId: app!.id });
        await revoke();
        throw forbidden('Anda tidak terjadwal di sesi ini. Lihat kartu ujian Anda untuk sesi dan lokasi yang benar.', 'You are not scheduled in this session. See your exam card for the right session.');
      }
      const device = deviceCookie && /^[A-Za-z0-9_-]{20,64}$/.test(deviceCookie) ? deviceCookie : newDeviceId();
      const deviceHash = hashDevice(device);
      const sessionId = assignment.session_id;
      let refused = false;
      const attemptId = await db.transaction().execute(async (trx) => {
        const s = await catSession(trx, sessionId);
        const existing = await trx.selectFrom('attempts').selectAll().where('session_id', '=', sessionId).where('application_id', '=', app!.id).forUpdate().executeTakeFirst();
        if (!existing) {
          const id = await createAttempt(trx, sessionId, app!.id, assignment.extra_minutes, s!.blueprint as Blueprint, deviceHash);
          await audit.record(trx, { actor: { id: account.accountId, role: 'applicant' }, action: 'cat.attempt.start', subjectType: 'attempt', subjectId: id });
          await notify(trx, sessionId);
          return id;
        }
        if (existing.device_hash === deviceHash || existing.status === 'submitted') return existing.id;
        const approval = await trx.selectFrom('device_approvals').select('id').where('attempt_id', '=', existing.id).where('used_at', 'is', null).orderBy('id').forUpdate().executeTakeFirst();
        if (!approval) {
          refused = true;
          return existing.id;
        }
        await trx.updateTable('device_approvals').set({ used_at: clock.now() }).where('id', '=', approval.id).execute();
        await trx.updateTable('attempts').set({ device_hash: deviceHash, last_seen_at: clock.now() }).where('id', '=', existing.id).execute();
        await audit.record(trx, { actor: { id: account.accountId, role: 'applicant' }, action: 'cat.device.change', subjectType: 'attempt', subjectId: existing.id });
        await notify(trx, sessionId);
        return existing.id;
      });
      if (refused) {
        await incident(sessionId, 'second_device', `Peserta ${body.participantNo} mencoba masuk dari perangkat kedua.`, { attemptId, applicationId: app!.id });
        await revoke();
        throw conflict('Ujian Anda sedang berjalan di perangkat lain. Minta pengawas menyetujui pergantian perangkat, lalu masuk lagi.', 'Your exam is running on another device. Ask the proctor to approve the device change, then sign in again.');
      }
      const a = await db.selectFrom('attempts').innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id').selectAll('attempts').select('cat_sessions.grace_seconds').where('attempts.id', '=', attemptId).executeTakeFirstOrThrow();
      if (a.status === 'in_progress') remember(account.accountId, a);
      else contexts.delete(account.accountId);
      return { sessionToken: session.token, device, view: await attemptView(a) };
    },

    /** Writes pending "last seen" stamps now (shutdown, tests). */
    flushPresence: () => presence.flush(),

    async attempt(actor: Actor, device: string | undefined, opts: { items?: boolean } = {}) {
      const a = await ownAttempt(actor, device, { withAnswers: true });
      presence.touch(a.id);
      // The page saves answers next: keep what a save needs instead of reading the form again.
      if (a.status === 'in_progress') remember(actor.accountId, a);
      return attemptView(a, opts.items ?? true);
    },

    /** One answer: validated against the form, then group-committed; acknowledged after commit. */
    async saveAnswer(actor: Actor, device: string | undefined, body: { itemId: string; chosen: OptionKey | null; flagged: boolean; seq: number }) {
      const a = await saveContext(actor, device);
      const refs = { attemptId: a.id, applicationId: a.applicationId };
      const options = a.options.get(body.itemId);
      if (!options) {
        await incident(a.sessionId, 'item_not_in_form', `Jawaban untuk soal ${body.itemId} yang tidak ada di paket peserta.`, refs);
        throw new AppError('VALIDATION_FAILED', msg('Soal ini tidak ada di paket soal Anda.', 'This item is not on your form.'), { fields: [{ field: 'itemId', message: msg('Soal tidak dikenal.', 'Unknown item.') }] });
      }
      if (body.chosen !== null && !options.includes(body.chosen)) {
        await incident(a.sessionId, 'option_out_of_range', `Pilihan ${body.chosen} tidak ada pada soal ${body.itemId}.`, refs);
        throw new AppError('VALIDATION_FAILED', msg('Pilihan jawaban tidak ada pada soal ini.', 'This option does not exist for the item.'), { fields: [{ field: 'chosen', message: msg('Pilihan tidak dikenal.', 'Unknown option.') }] });
      }
      // Status, deadline + grace and device are decided in the committing batch, under its lock.
      const write = (c: SaveContext) => writer.write({ attemptId: c.id, sessionId: c.sessionId, deviceHash: c.deviceHash, itemId: body.itemId, chosen: body.chosen, flagged: body.flagged, seq: body.seq });
      let r = await write(a);
      if (r.outcome === 'closed') {
        // A newer attempt (signed in on another instance) has a fresh form: this one is then closed.
        const fresh = await loadContext(actor.accountId);
        if (fresh.id !== a.id && fresh.deviceHash === a.deviceHash && fresh.options.has(body.itemId)) r = await write(fresh);
      }
      if (r.outcome === 'device') {
        contexts.delete(actor.accountId);
        throw await deviceRefused({ session_id: a.sessionId, id: a.id, application_id: a.applicationId }, device);
      }
      if (r.outcome === 'closed') {
        await incident(a.sessionId, 'late_answer', `Jawaban soal ${body.itemId} (seq ${body.seq}) setelah batas waktu.`, refs);
        throw conflict('Waktu ujian sudah habis; jawaban ini tidak disimpan.', 'Time is up; this answer was not saved.');
      }
      presence.touch(a.id);
      return { itemId: r.itemId, seq: r.seq, chosen: r.chosen, flagged: r.flagged, savedAt: r.savedAt, applied: r.outcome === 'applied', deadlineAt: r.deadlineAt.toISOString(), remainingMs: remainingMs(clock.now(), r.deadlineAt) };
    },

    async submit(actor: Actor, device: string | undefined) {
      const a = await ownAttempt(actor, device);
      const score = await submitTogether({ attemptId: a.id, actor: actorOf(actor) });
      contexts.delete(actor.accountId);
      return presentScore(score!);
    },

    async result(actor: Actor) {
      const newest = await db
        .selectFrom('attempts')
        .innerJoin('applications', 'applications.id', 'attempts.application_id')
        .select(['attempts.id'])
        .where('applications.applicant_id', '=', actor.accountId)
        .where('attempts.status', '=', 'submitted')
        .orderBy('attempts.submitted_at', 'desc')
        .executeTakeFirst();
      const a = newest && (await judgedAttempt(db, newest.id));
      if (!a) throw notFound();
      return { attemptId: a.id, participantNo: a.participant_no, submittedAt: new Date(a.submitted_at!).toISOString(), submittedBy: a.submitted_by, ...presentScore(a.score) };
    },

    certificateSignature: (attemptId: string) => certificateLinks.sign(attemptId),

    async certificate(actor: Actor) {
      const r = await this.result(actor);
      const a = await db
        .selectFrom('attempts')
        .innerJoin('applications', 'applications.id', 'attempts.application_id')
        .innerJoin('accounts', 'accounts.id', 'applications.applicant_id')
        .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
        .innerJoin('blueprints', 'blueprints.id', 'cat_sessions.blueprint_id')
        .innerJoin('recruitment_periods', 'recruitment_periods.id', 'applications.period_id')
        .select(['accounts.full_name', 'blueprints.name as exam_name', 'recruitment_periods.year', 'attempts.started_at'])
        .where('attempts.id', '=', r.attemptId)
        .executeTakeFirstOrThrow();
      return renderScoreCertificate({
        year: a.year,
        participantNo: r.participantNo ?? '-',
        fullName: a.full_name,
        examName: a.exam_name,
        dateText: formatWitaDate(new Date(a.started_at)),
        scores: [{ label: 'TWK', value: r.twk }, { label: 'TIU', value: r.tiu }, { label: 'TKP', value: r.tkp }],
        total: r.total,
        passed: r.passed === true,
        thresholdText: r.thresholdText ?? '-',
        verifyUrl: `${deps.publicUrl}/sertifikat-cat/${r.attemptId}?s=${this.certificateSignature(r.attemptId)}`,
      }, { now: clock.now() });
    },

    /** Public QR check of a certificate: the scores and pass/fail only, never the name. */
    async verifyCertificate(attemptId: string, signature: string) {
      if (!certificateLinks.verify(attemptId, signature)) throw notFound();
      const a = await judgedAttempt(db, attemptId);
      if (!a) throw notFound();
      const s = a.score;
      return { attemptId, participantNo: a.participant_no, submittedAt: new Date(a.submitted_at!).toISOString(), twk: s.twk, tiu: s.tiu, tkp: s.tkp, total: s.total, passed: s.passed };
    },

    /**
     * Submits every attempt whose deadline + grace has passed, as 'server'. `for update skip locked`
     * lets several instances sweep at once without taking the same attempt. Returns how many.
     */
    async sweep(limit = 50): Promise<number> {
      let total = 0;
      for (;;) {
        const now = clock.now();
        const done = await db.transaction().execute(async (trx) => {
          const due = await trx
            .selectFrom('attempts')
            .innerJoin('cat_sessions', 'cat_sessions.session_id', 'attempts.session_id')
            .select(['attempts.id'])
            .where('attempts.status', '=', 'in_progress')
            .where(sql<boolean>`attempts.deadline_at + make_interval(secs => cat_sessions.grace_seconds) < ${now}`)
            .orderBy('attempts.deadline_at')
            .limit(limit)
            .forUpdate('attempts')
            .skipLocked()
            .execute();
          await submitLocked(trx, due.map((d) => ({ attemptId: d.id, actor: SYSTEM_ACTOR })), 'server');
          return due.length;
        });
        total += done;
        if (done < limit) return total;
      }
    },

    // ── proctor console ──
    /** `participants` for a caller who must be the session's proctor (or the committee). */
    async participantsFor(actor: Actor, sessionId: string) {
      await requireProctor(db, actor, sessionId);
      return this.participants(sessionId);
    },

    async participants(sessionId: string) {
      const s = await catSession(db, sessionId);
      if (!s) throw notFound();
      const now = clock.now();
      const rows = await sessionParticipants(sessionId);
      return {
        sessionId,
        open: s.closed_at === null,
        now: now.toISOString(),
        participants: rows.map((r) => {
          const state = !r.attempt_id ? 'not_started' : r.status === 'submitted' ? 'submitted' : 'in_progress';
          const lastSeen = r.last_seen_at ? new Date(r.last_seen_at) : null;
          return {
            applicationId: r.application_id,
            participantNo: r.participant_no,
            fullName: r.full_name,
            seat: r.seat,
            extraMinutes: r.extra_minutes,
            attemptId: r.attempt_id,
            state,
            disconnected: state === 'in_progress' && lastSeen !== null && now.getTime() - lastSeen.getTime() > DISCONNECTED_AFTER_MS,
            answered: Number(r.answered ?? 0),
            itemCount: r.form ? (r.form as FormItem[]).length : 0,
            timeLeftMs: state === 'in_progress' && r.deadline_at ? remainingMs(now, new Date(r.deadline_at)) : 0,
            deadlineAt: r.deadline_at ? new Date(r.deadline_at).toISOString() : null,
            lastSeenAt: lastSeen?.toISOString() ?? null,
            submittedBy: r.submitted_by,
          };
        }),
      };
    },

    async attemptOf(ex: Executor, sessionId: string, applicationId: string) {
      const a = await ex.selectFrom('attempts').select(['id', 'status']).where('session_id', '=', sessionId).where('application_id', '=', applicationId).forUpdate().executeTakeFirst();
      if (!a) throw conflict('Peserta ini belum memulai ujian.', 'This participant has not started.');
      return a;
    },

    /**
     * A proctor's extra time for one attempt, with a reason. The total per attempt is capped by the
     * blueprint (`maxGrantMinutes`, else DEFAULT_MAX_GRANT_MINUTES); the attempt row is locked, so
     * parallel grants cannot pass the cap together.
     */
    async grantTime(actor: Actor, sessionId: string, body: { applicationId: string; minutes: number; reason: string }) {
      return db.transaction().execute(async (trx) => {
        const s = await catSession(trx, sessionId);
        if (!s) throw notFound();
        await requireProctor(trx, actor, sessionId);
        const a = await this.attemptOf(trx, sessionId, body.applicationId);
        if (a.status === 'submitted') throw conflict('Ujian peserta ini sudah selesai; waktu tidak dapat ditambah.', 'This attempt is already submitted.');
        const cap = (s.blueprint as Blueprint).maxGrantMinutes ?? DEFAULT_MAX_GRANT_MINUTES;
        const given = (await trx.selectFrom('time_grants').select('minutes').where('attempt_id', '=', a.id).execute()).reduce((n, g) => n + g.minutes, 0);
        if (given + body.minutes > cap) {
          const left = Math.max(0, cap - given);
          throw new AppError(
            'CONFLICT',
            msg(`Tambahan waktu untuk satu peserta paling banyak ${cap} menit; sudah diberikan ${given} menit, sisa ${left} menit.`, `Extra time per participant is capped at ${cap} minutes; ${given} given, ${left} left.`),
            { fields: [{ field: 'minutes', message: msg(`Paling banyak ${left} menit lagi.`, `At most ${left} more minutes.`) }] },
          );
        }
        await trx.insertInto('time_grants').values({ attempt_id: a.id, minutes: body.minutes, reason: body.reason, granted_by: actor.accountId, at: clock.now() }).execute();
        const deadline = await recomputeDeadline(trx, a.id);
        await audit.record(trx, { actor: actorOf(actor), action: 'cat.time_grant', subjectType: 'attempt', subjectId: a.id, after: body });
        await notify(trx, sessionId);
        return { attemptId: a.id, deadlineAt: deadline.toISOString() };
      });
    },

    /** A proctor lets a participant of the session sign in again at once: clears their sign-in lockouts (audited). */
    async clearLockout(actor: Actor, sessionId: string, applicationId: string) {
      if (!(await catSession(db, sessionId))) throw notFound();
      await requireProctor(db, actor, sessionId);
      const p = await db
        .selectFrom('exam_assignments')
        .innerJoin('applications', 'applications.id', 'exam_assignments.application_id')
        .select(['applications.applicant_id'])
        .where('exam_assignments.session_id', '=', sessionId)
        .where('exam_assignments.application_id', '=', applicationId)
        .executeTakeFirst();
      if (!p) throw notFound();
      const cleared = await deps.identity.clearLoginLockouts(actor, p.applicant_id, `cat session ${sessionId}`);
      return { applicationId, cleared };
    },

    async approveDevice(actor: Actor, sessionId: string, applicationId: string) {
      return db.transaction().execute(async (trx) => {
        if (!(await catSession(trx, sessionId))) throw notFound();
        await requireProctor(trx, actor, sessionId);
        const a = await this.attemptOf(trx, sessionId, applicationId);
        await trx.insertInto('device_approvals').values({ attempt_id: a.id, approved_by: actor.accountId, approved_at: clock.now() }).execute();
        await audit.record(trx, { actor: actorOf(actor), action: 'cat.device.approve', subjectType: 'attempt', subjectId: a.id });
        await notify(trx, sessionId);
        return { attemptId: a.id, approved: true };
      });
    },

    async incidents(actor: Actor, sessionId: string) {
      if (!(await catSession(db, sessionId))) throw notFound();
      await requireProctor(db, actor, sessionId);
      const rows = await db
        .selectFrom('incidents')
        .leftJoin('applications', 'applications.id', 'incidents.application_id')
        .select(['incidents.id', 'incidents.kind', 'incidents.detail', 'incidents.at', 'incidents.attempt_id', 'incidents.application_id', 'applications.participant_no'])
        .where('incidents.session_id', '=', sessionId)
        .orderBy('incidents.id', 'desc')
        .limit(500)
        .execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind, detail: r.detail, at: new Date(r.at).toISOString(), attemptId: r.attempt_id, applicationId: r.application_id, participantNo: r.participant_no }));
    },

    // ── public scoreboard ──
    /**
     * The public board: while an attempt is open it shows progress only (answered count, time
     * left), never a score — a running score moves with single answers and gives away the key in
     * at most five saves per item. Scores (the stored ones) appear once the attempt is submitted.
     */
    async scoreboard(sessionId: string) {
      const s = await catSession(db, sessionId);
      if (!s) throw notFound();
      const now = clock.now();
      const rows = await sessionParticipants(sessionId);
      const out = rows.map((r) => {
        const status = !r.attempt_id ? 'not_started' : r.status === 'submitted' ? 'submitted' : 'in_progress';
        const score = status === 'submitted' ? (r.score as Score | null) : null;
        return {
          participantNo: r.participant_no,
          name: maskName(r.full_name),
          status,
          twk: score?.twk ?? null,
          tiu: score?.tiu ?? null,
          tkp: score?.tkp ?? null,
          total: score?.total ?? null,
          answered: score?.answered ?? Number(r.answered ?? 0),
          itemCount: r.form ? (r.form as FormItem[]).length : 0,
          timeLeftMs: status === 'in_progress' && r.deadline_at ? remainingMs(now, new Date(r.deadline_at)) : 0,
          passed: score?.passed ?? null,
        };
      });
      return { sessionId, updatedAt: now.toISOString(), participants: out };
    },

    // ── item analysis (exam admin) ──
    async itemAnalysis(actor: Actor, sessionId: string) {
      if (!(await catSession(db, sessionId))) throw notFound();
      const attempts = await db.selectFrom('attempts').select(['id', 'form', 'score']).where('session_id', '=', sessionId).where('status', '=', 'submitted').execute();
      const answers = attempts.length > 0 ? await db.selectFrom('answers').select(['attempt_id', 'item_id', 'chosen']).where('attempt_id', 'in', attempts.map((a) => a.id)).execute() : [];
      const meta = new Map<string, { subtest: string; category: string; version: number; stem: string }>();
      const input = [];
      for (const a of attempts) {
        const form = a.form as FormItem[];
        const c = await contents(db, form);
        const chosen = new Map(answers.filter((x) => x.attempt_id === a.id).map((x) => [x.item_id, x.chosen as OptionKey | null]));
        input.push({
          attemptId: a.id,
          total: (a.score as Score).total,
          responses: form.map((f) => {
            const item = c.get(f.itemId)!;
            meta.set(f.itemId, { subtest: item.subtest, category: item.category, version: f.version, stem: item.stem });
            const ch = chosen.get(f.itemId) ?? null;
            return { itemId: f.itemId, chosen: ch, points: scoreAnswer(item.scoring, ch), maxPoints: maxPoints(item.scoring), weighted: item.scoring.kind !== 'key' };
          }),
        });
      }
      const stats = analyzeItems(input);
      await db.transaction().execute((trx) => audit.record(trx, { actor: actorOf(actor), action: 'cat.item_analysis.read', subjectType: 'exam_session', subjectId: sessionId }));
      return { sessionId, attempts: attempts.length, minSample: ANALYSIS_DEFAULTS.minSample, items: stats.map((s) => ({ ...s, ...meta.get(s.itemId)! })) };
    },
  };
}

export type CatService = ReturnType<typeof createCatService>;
