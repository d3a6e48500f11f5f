/**
 * What the CAT's services share (cat.service.ts puts them together): their dependencies, the
 * hashes and messages, and one `CatCore` per process — session lookup, change notices, incidents,
 * the SKD verdict, device checks and the delivered-items cache. Internal to the exam module.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { msg } from '../../../../common/contracts/messages.ts';
import type { Executor } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import { isNeedType, passesThreshold, type SelectionService, type ThresholdRuleSet } from '../selection/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { type AnswerWriter, CAT_CHANNEL } from './answer-writer.ts';
import { attemptsRepository } from './attempts.repository.ts';
import { createDeliveredItems } from './cat-delivered-items.ts';
import type { AttemptScore, Blueprint } from './domain/index.ts';

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
export const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const hashToken = (token: string) => sha256(`cat-token:${token.toUpperCase()}`);
export const hashDevice = (device: string) => sha256(`cat-device:${device}`);
export const newDeviceId = () => randomBytes(24).toString('base64url');

export type Score = AttemptScore & { passed: boolean | null; thresholdText: string | null };
/** The exam as the participant's page gets it (see API.md), already serialized (UTF-8 JSON). */
export type AttemptViewJson = Buffer & { readonly __attemptView: unique symbol };

export const conflict = (id: string, en: string) => new AppError('CONFLICT', msg(id, en));
export const forbidden = (id: string, en: string) => new AppError('FORBIDDEN', msg(id, en));

/** Row → contract: the score fields a participant sees (a score stored before verdicts existed has none: null). */
export const presentScore = (s: Score) => ({
  twk: s.twk,
  tiu: s.tiu,
  tkp: s.tkp,
  total: s.total,
  answered: s.answered,
  bySubtest: s.bySubtest,
  passed: s.passed ?? null,
  thresholdText: s.thresholdText ?? null,
});

export type RuleSets = Map<number, Promise<ThresholdRuleSet | null>>;

/** The year's passing grades from the selection module (null when none are set), once per call site. */
const rulesOf = (skd: CatDeps['skd'], ex: Executor, year: number, cache: RuleSets) => {
  let rules = cache.get(year);
  if (!rules) {
    rules = skd.ruleSet(year, ex).catch((err: unknown) => {
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
async function skdVerdict(
  skd: CatDeps['skd'],
  ex: Executor,
  score: Pick<AttemptScore, 'twk' | 'tiu' | 'tkp'>,
  examType: string,
  app: { need_type: string; year: number } | undefined,
  cache: RuleSets,
): Promise<Pick<Score, 'passed' | 'thresholdText'>> {
  if (examType !== 'SKD' || !app) return { passed: null, thresholdText: null };
  const rules = await rulesOf(skd, ex, app.year, cache);
  const rule = rules && isNeedType(app.need_type) ? rules.rules[app.need_type] : undefined;
  if (!rules || !rule) return { passed: null, thresholdText: null };
  const text =
    rule.kind === 'subtests'
      ? `TWK ≥ ${rule.twk}, TIU ≥ ${rule.tiu}, TKP ≥ ${rule.tkp}`
      : `Total ≥ ${rule.total} dan TIU ≥ ${rule.tiu}`;
  return {
    passed: passesThreshold(rule, score.twk, score.tiu, score.tkp),
    thresholdText: `${text} (${rules.regulation})`,
  };
}

export function createCatCore(deps: CatDeps) {
  const { db, clock } = deps;
  const items = createDeliveredItems(db);

  const notify = (ex: Executor, sessionId: string) => attemptsRepository.notify(ex, CAT_CHANNEL, sessionId);

  async function incident(
    sessionId: string,
    kind: string,
    detail: string,
    refs: { attemptId?: string | null; applicationId?: string | null } = {},
  ) {
    await db.transaction().execute(async (trx) => {
      await attemptsRepository.insertIncident(trx, {
        session_id: sessionId,
        attempt_id: refs.attemptId ?? null,
        application_id: refs.applicationId ?? null,
        kind,
        detail,
        at: clock.now(),
      });
      await notify(trx, sessionId);
    });
  }

  const verdict = skdVerdict.bind(null, deps.skd);

  /** A submitted attempt's stored score with today's verdict, for the participant's result and the certificate check. */
  async function judgedAttempt(ex: Executor, attemptId: string) {
    const a = await attemptsRepository.scoredAttempt(ex, attemptId);
    if (!a || a.status !== 'submitted') return undefined;
    const stored = a.score as Score;
    return {
      ...a,
      score: { ...stored, ...(await verdict(ex, stored, (a.blueprint as Blueprint).examType, a, new Map())) },
    };
  }

  async function deviceRefused(
    a: { session_id: string; id: string; application_id: string },
    device: string | undefined,
  ) {
    // No device cookie is a signed-in page that never joined the exam: refuse, but it is no incident.
    if (device)
      await incident(a.session_id, 'device_mismatch', 'Permintaan dari perangkat yang bukan perangkat ujian peserta.', {
        attemptId: a.id,
        applicationId: a.application_id,
      });
    return conflict(
      'Ujian Anda terikat pada perangkat lain. Minta pengawas menyetujui pergantian perangkat, lalu masuk lagi dengan token.',
      'Your exam is bound to another device. Ask the proctor to approve the device change, then sign in again with the token.',
    );
  }

  async function checkDevice(
    a: { device_hash: string | null; session_id: string; id: string; application_id: string },
    device: string | undefined,
  ) {
    if (!device || hashDevice(device) !== a.device_hash) throw await deviceRefused(a, device);
  }

  return {
    deps,
    items,
    notify,
    incident,
    catSession: attemptsRepository.catSession,
    verdict,
    judgedAttempt,
    deviceRefused,
    checkDevice,
  };
}

export type CatCore = ReturnType<typeof createCatCore>;
