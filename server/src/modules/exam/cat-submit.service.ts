/**
 * Submitting and scoring (RULES.md §2.2): the participant's submit (a hall's submits are batched
 * into one transaction) and the sweeper's, which submits attempts whose deadline + grace passed.
 * Scoring runs only here; an SKD attempt becomes the participant's SKD result in the same commit.
 */
import { batched } from '../../db/batched.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../identity/index.ts';
import { type AuditActor, SYSTEM_ACTOR } from '../transparency/index.ts';
import { attemptsRepository } from './attempts.repository.ts';
import type { CatAttempts } from './cat-attempt.service.ts';
import { actorOf, type CatCore, presentScore, type RuleSets, type Score } from './cat-shared.ts';
import { type Blueprint, type OptionKey, scoreAttempt } from './domain/index.ts';

interface SubmitRequest {
  attemptId: string;
  actor: AuditActor;
}

/**
 * Scores and closes attempts in the caller's transaction, any number at once: the attempts are
 * locked for update (in id order, as answer batches lock them), their answers, blueprints and
 * thresholds read with one statement each, the scores written with one, and the audit events
 * appended together. An attempt already submitted keeps its stored score. When a hall submits
 * together, this is one commit and one audit-chain lock for dozens of participants.
 */
async function submitLocked(
  core: CatCore,
  trx: Executor,
  requests: readonly SubmitRequest[],
  by: 'participant' | 'server',
): Promise<Map<string, Score>> {
  const { clock, audit } = core.deps;
  const rows = await attemptsRepository.lockForSubmit<Score>(trx, [...new Set(requests.map((r) => r.attemptId))]);
  const scores = new Map<string, Score>();
  const open = rows.filter((a) => a.status !== 'submitted');
  for (const a of rows) if (a.status === 'submitted') scores.set(a.id, a.score as Score);
  if (open.length === 0) return scores;

  const blueprints = new Map<string, Blueprint>();
  for (const sessionId of new Set(open.map((a) => a.session_id)))
    blueprints.set(sessionId, (await core.catSession(trx, sessionId))!.blueprint as Blueprint);
  const openIds = open.map((a) => a.id);
  const answers = await attemptsRepository.chosenOf(trx, openIds);
  const chosenBy = new Map<string, Map<string, OptionKey | null>>(openIds.map((id) => [id, new Map()]));
  for (const r of answers) chosenBy.get(r.attempt_id)!.set(r.item_id, r.chosen as OptionKey | null);
  const apps = await attemptsRepository.applicationsForVerdict(
    trx,
    open.map((a) => a.application_id),
  );
  const appById = new Map(apps.map((r) => [r.id, r]));

  const rules: RuleSets = new Map();
  for (const a of open) {
    const content = await core.items.contents(trx, a.form);
    const blueprint = blueprints.get(a.session_id)!;
    const score = scoreAttempt(
      a.form.map((f) => ({ itemId: f.itemId, subtest: f.subtest, scoring: content.get(f.itemId)!.scoring })),
      chosenBy.get(a.id)!,
    );
    scores.set(a.id, {
      ...score,
      ...(await core.verdict(trx, score, blueprint.examType, appById.get(a.application_id), rules)),
    });
  }
  await attemptsRepository.markSubmitted(
    trx,
    openIds.map((id) => ({ id, score: JSON.stringify(scores.get(id)) })),
    clock.now(),
    by,
  );
  // An SKD attempt is the participant's SKD result: the ranking reads it from the same commit.
  const skdRows = open
    .filter((a) => blueprints.get(a.session_id)!.examType === 'SKD' && appById.has(a.application_id))
    .map((a) => {
      const s = scores.get(a.id)!;
      return {
        applicationId: a.application_id,
        periodId: appById.get(a.application_id)!.period_id,
        sessionId: a.session_id,
        scores: { twk: s.twk, tiu: s.tiu, tkp: s.tkp },
      };
    });
  if (skdRows.length > 0) await core.deps.skd.recordSkdFromCat(trx, skdRows);
  const actorOfAttempt = new Map<string, AuditActor>();
  for (const r of requests) if (!actorOfAttempt.has(r.attemptId)) actorOfAttempt.set(r.attemptId, r.actor);
  await audit.recordMany(
    trx,
    open.map((a) => ({
      actor: actorOfAttempt.get(a.id)!,
      action: by === 'server' ? 'cat.attempt.auto_submit' : 'cat.attempt.submit',
      subjectType: 'attempt',
      subjectId: a.id,
      after: scores.get(a.id),
    })),
  );
  for (const sessionId of blueprints.keys()) await core.notify(trx, sessionId);
  return scores;
}

export function createCatSubmit(core: CatCore, attempts: CatAttempts['internal']) {
  const { db, clock, writer } = core.deps;

  /**
   * Participants' submits that arrive together: pending saves written first, then one transaction
   * for all. One batch at a time: they would only queue on the audit chain's lock, each holding a
   * pooled connection, and a storm of small batches starved every other query (bench:exam).
   */
  const submitTogether = batched(
    async (requests: readonly SubmitRequest[]) => {
      await writer.flush();
      const scores = await db.transaction().execute((trx) => submitLocked(core, trx, requests, 'participant'));
      return new Map(requests.map((r) => [r, scores.get(r.attemptId)!]));
    },
    { oneAtATime: true },
  );

  return {
    async submit(actor: Actor, device: string | undefined) {
      const a = await attempts.ownAttempt(actor, device);
      const score = await submitTogether({ attemptId: a.id, actor: actorOf(actor) });
      attempts.forget(actor.accountId);
      return presentScore(score!);
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
          const due = await attemptsRepository.dueForSweep(trx, now, limit);
          await submitLocked(
            core,
            trx,
            due.map((d) => ({ attemptId: d.id, actor: SYSTEM_ACTOR })),
            'server',
          );
          return due.length;
        });
        total += done;
        if (done < limit) return total;
      }
    },
  };
}
