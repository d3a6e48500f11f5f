/** The item editor's draft: form strings ⇄ the API's ItemContent (pure, unit-tested). */
import {
  CATEGORIES,
  EXAM_SUBTESTS,
  type ExamType,
  type ItemContent,
  OPTION_KEYS,
  type Subtest,
  WEIGHTED,
} from './api.ts';
import type { OptionKey } from './queue.ts';

export interface ItemDraft {
  examType: ExamType;
  subtest: Subtest;
  category: string;
  stem: string;
  /** The uploaded picture the item shows under its text, if any. */
  imageKey: string | null;
  options: Record<OptionKey, string>;
  correct: OptionKey;
  points: string;
  weights: Record<OptionKey, string>;
  explanation: string;
}

const blank = (): Record<OptionKey, string> => ({ A: '', B: '', C: '', D: '', E: '' });

export function emptyDraft(examType: ExamType = 'SKD', subtest: Subtest = 'TWK'): ItemDraft {
  return {
    examType,
    subtest,
    category: CATEGORIES[subtest][0]!,
    stem: '',
    imageKey: null,
    options: blank(),
    correct: 'A',
    points: '5',
    weights: blank(),
    explanation: '',
  };
}

export function draftFromItem(c: ItemContent): ItemDraft {
  const d = emptyDraft(c.examType, c.subtest);
  d.category = c.category;
  d.stem = c.stem;
  d.imageKey = c.imageKey;
  for (const o of c.options) d.options[o.key] = o.text;
  if (c.scoring.kind === 'key') {
    d.correct = c.scoring.correct;
    d.points = String(c.scoring.points);
  } else {
    for (const k of OPTION_KEYS) d.weights[k] = c.scoring.weights[k] === undefined ? '' : String(c.scoring.weights[k]);
  }
  d.explanation = c.explanation ?? '';
  return d;
}

/** Keeps subtest and category valid when the exam type or subtest changes. */
export function withType(d: ItemDraft, examType: ExamType, subtest?: Subtest): ItemDraft {
  const subs = EXAM_SUBTESTS[examType];
  const s = subtest && subs.includes(subtest) ? subtest : subs[0]!;
  const category = CATEGORIES[s].includes(d.category) ? d.category : CATEGORIES[s][0]!;
  return { ...d, examType, subtest: s, category };
}

/** The body for the API: options A–D always, E when filled; key or weights by subtest. Server validation decides the rest. */
export function draftToContent(d: ItemDraft): ItemContent {
  const keys = OPTION_KEYS.filter((k) => k !== 'E' || d.options.E.trim() !== '');
  const options = keys.map((k) => ({ key: k, text: d.options[k].trim() }));
  const scoring: ItemContent['scoring'] = WEIGHTED.has(d.subtest)
    ? {
        kind: 'weights',
        weights: Object.fromEntries(keys.map((k) => [k, Number(d.weights[k])])) as Partial<Record<OptionKey, number>>,
      }
    : { kind: 'key', correct: d.correct, points: Number(d.points) };
  return {
    examType: d.examType,
    subtest: d.subtest,
    category: d.category,
    stem: d.stem.trim(),
    imageKey: d.imageKey,
    options,
    scoring,
    explanation: d.explanation.trim() || null,
  };
}
