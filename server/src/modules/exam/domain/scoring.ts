/**
 * Scoring a CAT attempt (RULES.md §2.1). Scores are integers, so an archived attempt re-scores to
 * the same number years later. Passing grades are the selection module's rule sets (one source).
 */
import type { ItemScoring, OptionKey, Subtest } from './items.ts';

/** One item of a taken form with its scoring rule. */
export interface ScoredItem {
  itemId: string;
  subtest: Subtest;
  scoring: ItemScoring;
}

/**
 * Points one answer earns: the key's points when the chosen option is the key, else 0 (TWK/TIU);
 * the chosen option's weight (TKP 1–5, PPPK 1–4); a blank answer earns 0 (RULES.md §2.1, §2.7).
 */
export function scoreAnswer(scoring: ItemScoring, chosen: OptionKey | null): number {
  if (chosen === null) return 0;
  if (scoring.kind === 'key') return chosen === scoring.correct ? scoring.points : 0;
  return scoring.weights[chosen] ?? 0;
}

export interface AttemptScore {
  /** Points per subtest present on the form (0 when present but unanswered). */
  bySubtest: Partial<Record<Subtest, number>>;
  twk: number;
  tiu: number;
  tkp: number;
  total: number;
  /** Items with a non-blank answer. */
  answered: number;
}

/**
 * Scores an attempt: each form item's answer (keyed by itemId; missing = blank) through scoreAnswer,
 * summed per subtest and in total. A blank TKP item is 0, not 1 (RULES.md §2.1); twk/tiu/tkp are 0
 * when the subtest is not on the form; answers to items not on the form are ignored.
 */
export function scoreAttempt(
  items: readonly ScoredItem[],
  answers: ReadonlyMap<string, OptionKey | null>,
): AttemptScore {
  const bySubtest: Partial<Record<Subtest, number>> = {};
  let total = 0;
  let answered = 0;
  for (const item of items) {
    const chosen = answers.get(item.itemId) ?? null;
    const points = scoreAnswer(item.scoring, chosen);
    if (chosen !== null) answered++;
    bySubtest[item.subtest] = (bySubtest[item.subtest] ?? 0) + points;
    total += points;
  }
  return { bySubtest, twk: bySubtest.TWK ?? 0, tiu: bySubtest.TIU ?? 0, tkp: bySubtest.TKP ?? 0, total, answered };
}
