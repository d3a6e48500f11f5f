/**
 * CAT items (butir soal): exam types, subtests and their categories, option keys and how an item is
 * scored, plus the zod schema every stored item passes (RULES.md §2.1, §2.7).
 */
import { z } from 'zod';
import { CATEGORIES, EXAM_SUBTESTS, EXAM_TYPES, type ExamType, OPTION_KEYS, type OptionKey, SUBTESTS, type Subtest } from '../../../../../common/contracts/exam.ts';

// The vocabulary is the contract's, shared with the web.
export { CATEGORIES, EXAM_SUBTESTS, EXAM_TYPES, type ExamType, OPTION_KEYS, type OptionKey, SUBTESTS, type Subtest };

/**
 * How each subtest is scored: `key` = one correct option (TWK, TIU, teknis: 5 points, else 0);
 * `weights` = every option carries points (TKP 1–5; PPPK manajerial, sosio-kultural, wawancara 1–4).
 */
export const SUBTEST_SCORING: Readonly<Record<Subtest, ItemScoring['kind']>> = Object.freeze({
  TWK: 'key',
  TIU: 'key',
  TKP: 'weights',
  TEKNIS: 'key',
  MANAJERIAL: 'weights',
  SOSIO_KULTURAL: 'weights',
  WAWANCARA: 'weights',
  PELATIHAN: 'key',
});


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

/** Points for the key of a TWK/TIU item (RULES.md §2.1: correct = 5, wrong/blank = 0). */
export const KEY_POINTS = 5;
/** TKP option weights run 1..5, each value once (RULES.md §2.1). */
export const TKP_WEIGHT_MAX = 5;
/** PPPK manajerial / sosio-kultural / wawancara options weigh 1..4 (KepMenPANRB 347/2024, RULES.md §2.7). */
export const PPPK_WEIGHT_MAX = 4;

const optionKeySchema = z.enum(OPTION_KEYS);

const scoringSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), correct: optionKeySchema, points: z.number().int().positive() }),
  z.object({ kind: z.literal('weights'), weights: z.partialRecord(optionKeySchema, z.number().int()) }),
]);

export const ItemContentSchema = z
  .object({
    examType: z.enum(EXAM_TYPES),
    subtest: z.enum(SUBTESTS),
    category: z.string().min(1),
    stem: z.string().trim().min(5).max(4000),
    imageKey: z.string().min(1).max(500).nullable(),
    options: z
      .array(z.object({ key: optionKeySchema, text: z.string().trim().min(1).max(1000) }))
      .min(4)
      .max(5),
    scoring: scoringSchema,
    explanation: z.string().max(4000).nullable().optional(),
  })
  .superRefine((item, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    if (!EXAM_SUBTESTS[item.examType].includes(item.subtest)) {
      issue(['subtest'], `Subtes ${item.subtest} bukan bagian dari ujian ${item.examType}.`);
    }
    if (!CATEGORIES[item.subtest].includes(item.category)) {
      issue(['category'], `Kategori "${item.category}" bukan kategori subtes ${item.subtest}: pilih salah satu dari ${CATEGORIES[item.subtest].join(', ')}.`);
    }
    item.options.forEach((o, i) => {
      if (o.key !== OPTION_KEYS[i]) issue(['options', i, 'key'], `Pilihan ke-${i + 1} harus berkunci ${OPTION_KEYS[i]} (A, B, C, … berurutan).`);
    });
    const keys = item.options.map((o) => o.key);
    if (SUBTEST_SCORING[item.subtest] !== item.scoring.kind) {
      issue(['scoring', 'kind'], `Subtes ${item.subtest} dinilai dengan cara "${SUBTEST_SCORING[item.subtest]}", bukan "${item.scoring.kind}".`);
    }
    const s = item.scoring;
    if (s.kind === 'key') {
      if (!keys.includes(s.correct)) issue(['scoring', 'correct'], `Kunci jawaban ${s.correct} tidak ada di antara pilihan.`);
      return;
    }
    const weightKeys = Object.keys(s.weights) as OptionKey[];
    for (const k of keys) if (s.weights[k] === undefined) issue(['scoring', 'weights', k], `Pilihan ${k} belum diberi bobot.`);
    for (const k of weightKeys) if (!keys.includes(k)) issue(['scoring', 'weights', k], `Bobot untuk ${k} tidak punya pilihan.`);
    const values = keys.map((k) => s.weights[k]).filter((v): v is number => v !== undefined);
    if (item.subtest === 'TKP') {
      // TKP: lowest option 1, highest 5, each weight exactly once (RULES.md §2.1).
      const sorted = [...values].sort((a, b) => a - b);
      if (keys.length !== TKP_WEIGHT_MAX || sorted.join(',') !== '1,2,3,4,5') {
        issue(['scoring', 'weights'], 'Soal TKP harus punya 5 pilihan berbobot 1, 2, 3, 4, 5 (masing-masing tepat sekali).');
      }
    } else {
      for (const k of keys) {
        const v = s.weights[k];
        if (v !== undefined && (v < 1 || v > PPPK_WEIGHT_MAX)) issue(['scoring', 'weights', k], `Bobot pilihan ${k} harus 1–${PPPK_WEIGHT_MAX}.`);
      }
    }
  });

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
