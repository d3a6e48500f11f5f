/**
 * The exam's request bodies with their write rules (RULES.md §2.1, §2.7): an item as the bank stores
 * it and a blueprint (kisi-kisi). They live in common so the endpoint declarations
 * (exam.endpoints.ts) validate with them; the server's domain re-exports them.
 */
import { z } from 'zod';
import {
  CATEGORIES,
  EXAM_SUBTESTS,
  EXAM_TYPES,
  type ItemScoring,
  OPTION_KEYS,
  type OptionKey,
  SUBTESTS,
  type Subtest,
} from './exam.ts';

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
      issue(
        ['category'],
        `Kategori "${item.category}" bukan kategori subtes ${item.subtest}: pilih salah satu dari ${CATEGORIES[item.subtest].join(', ')}.`,
      );
    }
    item.options.forEach((o, i) => {
      if (o.key !== OPTION_KEYS[i])
        issue(['options', i, 'key'], `Pilihan ke-${i + 1} harus berkunci ${OPTION_KEYS[i]} (A, B, C, … berurutan).`);
    });
    const keys = item.options.map((o) => o.key);
    if (SUBTEST_SCORING[item.subtest] !== item.scoring.kind) {
      issue(
        ['scoring', 'kind'],
        `Subtes ${item.subtest} dinilai dengan cara "${SUBTEST_SCORING[item.subtest]}", bukan "${item.scoring.kind}".`,
      );
    }
    const s = item.scoring;
    if (s.kind === 'key') {
      if (!keys.includes(s.correct))
        issue(['scoring', 'correct'], `Kunci jawaban ${s.correct} tidak ada di antara pilihan.`);
      return;
    }
    const weightKeys = Object.keys(s.weights) as OptionKey[];
    for (const k of keys)
      if (s.weights[k] === undefined) issue(['scoring', 'weights', k], `Pilihan ${k} belum diberi bobot.`);
    for (const k of weightKeys)
      if (!keys.includes(k)) issue(['scoring', 'weights', k], `Bobot untuk ${k} tidak punya pilihan.`);
    const values = keys.map((k) => s.weights[k]).filter((v): v is number => v !== undefined);
    if (item.subtest === 'TKP') {
      // TKP: lowest option 1, highest 5, each weight exactly once (RULES.md §2.1).
      const sorted = [...values].sort((a, b) => a - b);
      if (keys.length !== TKP_WEIGHT_MAX || sorted.join(',') !== '1,2,3,4,5') {
        issue(
          ['scoring', 'weights'],
          'Soal TKP harus punya 5 pilihan berbobot 1, 2, 3, 4, 5 (masing-masing tepat sekali).',
        );
      }
    } else {
      for (const k of keys) {
        const v = s.weights[k];
        if (v !== undefined && (v < 1 || v > PPPK_WEIGHT_MAX))
          issue(['scoring', 'weights', k], `Bobot pilihan ${k} harus 1–${PPPK_WEIGHT_MAX}.`);
      }
    }
  });

export const BlueprintSectionSchema = z.object({
  subtest: z.enum(SUBTESTS),
  category: z.string().min(1).nullable(),
  count: z.number().int().min(1).max(1000),
});

export const BlueprintSchema = z
  .object({
    examType: z.enum(EXAM_TYPES),
    name: z.string().trim().min(1).max(200),
    durationMinutes: z.number().int().min(1).max(1440),
    accommodatedMinutes: z.number().int().min(1).max(1440),
    sections: z.array(BlueprintSectionSchema).min(1).max(200),
    thresholdsRef: z.string().trim().min(1).max(200),
    maxGrantMinutes: z.number().int().min(0).max(240).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.accommodatedMinutes < b.durationMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['accommodatedMinutes'],
        message: 'Durasi akomodasi disabilitas tidak boleh lebih pendek dari durasi biasa.',
      });
    }
    const seen = new Set<string>();
    b.sections.forEach((s, i) => {
      if (!EXAM_SUBTESTS[b.examType].includes(s.subtest)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'subtest'],
          message: `Subtes ${s.subtest} bukan bagian dari ujian ${b.examType}.`,
        });
      }
      if (s.category !== null && !CATEGORIES[s.subtest].includes(s.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i, 'category'],
          message: `Kategori "${s.category}" bukan kategori subtes ${s.subtest}.`,
        });
      }
      const id = `${s.subtest}/${s.category ?? '*'}`;
      if (seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['sections', i],
          message: `Bagian ${id} tertulis dua kali: gabungkan jumlahnya.`,
        });
      seen.add(id);
    });
  });
