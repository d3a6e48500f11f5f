/**
 * CAT items (butir soal): exam types, subtests and their categories, option keys and how an item is
 * scored, plus the zod schema every stored item passes (RULES.md §2.1, §2.7).
 */
import {
  CATEGORIES,
  EXAM_SUBTESTS,
  EXAM_TYPES,
  type ExamType,
  OPTION_KEYS,
  type OptionKey,
  SUBTESTS,
  type Subtest,
} from '../../../../../common/contracts/exam.ts';

// The vocabulary is the contract's, shared with the web.
export { CATEGORIES, EXAM_SUBTESTS, EXAM_TYPES, type ExamType, OPTION_KEYS, type OptionKey, SUBTESTS, type Subtest };

export type ItemScoring =
  | { kind: 'key'; correct: OptionKey; points: number }
  | { kind: 'weights'; weights: Partial<Record<OptionKey, number>> };

export interface ItemOption {
  key: OptionKey;
  text: string;
}

export interface ItemContent {
  examType: ExamType;
  subtest: Subtest;
  category: string;
  stem: string;
  imageKey: string | null;
  options: ItemOption[];
  scoring: ItemScoring;
  explanation?: string | null;
}

// The write rules live in common/contracts/exam-requests.ts: the endpoint declarations validate bodies with them.
export {
  ItemContentSchema,
  KEY_POINTS,
  PPPK_WEIGHT_MAX,
  SUBTEST_SCORING,
  TKP_WEIGHT_MAX,
} from '../../../../../common/contracts/exam-requests.ts';

/** The most points an item can give: the key's points, or the highest option weight (0 for none). */
export function maxPoints(scoring: ItemScoring): number {
  if (scoring.kind === 'key') return scoring.points;
  let max = 0;
  for (const v of Object.values(scoring.weights)) if (v !== undefined && v > max) max = v;
  return max;
}

/** Whether a category string is one of a subtest's categories (CATEGORIES). */
export function isCategoryOf(subtest: Subtest, category: string): boolean {
  return CATEGORIES[subtest].includes(category);
}
