/** The question navigator's pure parts: each number's state, the counts, and option labels. */
import type { AnswerMap } from './queue.ts';

export type NavState = 'answered' | 'flagged' | 'unanswered';

/** Ragu-ragu shows whether or not an option is chosen (as CAT BKN); otherwise answered/unanswered. */
export function navState(answer: { chosen: string | null; flagged: boolean } | undefined): NavState {
  if (answer?.flagged) return 'flagged';
  return answer?.chosen ? 'answered' : 'unanswered';
}

export interface NavSummary {
  answered: number;
  flagged: number;
  unanswered: number;
  total: number;
}

/** Counts over the form: `answered` counts every item with an option chosen (flagged or not). */
export function navSummary(itemIds: readonly string[], answers: AnswerMap): NavSummary {
  let answered = 0;
  let flagged = 0;
  for (const id of itemIds) {
    const a = answers[id];
    if (a?.chosen) answered++;
    if (a?.flagged) flagged++;
  }
  return { answered, flagged, unanswered: itemIds.length - answered, total: itemIds.length };
}

/** A, B, C … by position on screen (the option's own key is what is sent). */
export function positionLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

/** Keeps a question index inside the form. */
export function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, index));
}

/** Font scale steps for A−/A+ (rem); `step` is clamped into range. */
export const FONT_STEPS = [0.9, 1, 1.15, 1.3, 1.5, 1.75] as const;
export function fontStep(step: number): number {
  return Math.min(FONT_STEPS.length - 1, Math.max(0, Math.round(step)));
}
