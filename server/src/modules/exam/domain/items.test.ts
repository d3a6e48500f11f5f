import { describe, expect, it } from 'vitest';
import { CATEGORIES, EXAM_SUBTESTS, ItemContentSchema, maxPoints, SUBTESTS, type ItemContent } from './items.ts';

const twk: ItemContent = {
  examType: 'SKD',
  subtest: 'TWK',
  category: 'pilar_negara',
  stem: 'Semboyan Bhinneka Tunggal Ika tercantum pada ….',
  imageKey: null,
  options: [
    { key: 'A', text: 'lambang negara Garuda Pancasila' },
    { key: 'B', text: 'bendera negara' },
    { key: 'C', text: 'lagu kebangsaan' },
    { key: 'D', text: 'teks proklamasi' },
    { key: 'E', text: 'mata uang' },
  ],
  scoring: { kind: 'key', correct: 'A', points: 5 },
  explanation: 'Pasal 36A UUD 1945.',
};

const tkp: ItemContent = {
  ...twk,
  subtest: 'TKP',
  category: 'pelayanan_publik',
  stem: 'Warga datang lima menit sebelum loket tutup. Sikap Anda …',
  scoring: { kind: 'weights', weights: { A: 5, B: 1, C: 3, D: 2, E: 4 } },
};

const pppk: ItemContent = {
  examType: 'PPPK',
  subtest: 'MANAJERIAL',
  category: 'manajerial',
  stem: 'Target tim Anda tertinggal dari jadwal. Anda …',
  imageKey: null,
  options: twk.options.slice(0, 4),
  scoring: { kind: 'weights', weights: { A: 4, B: 3, C: 1, D: 1 } },
};

const errorsOf = (x: unknown) => {
  const r = ItemContentSchema.safeParse(x);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('ItemContentSchema', () => {
  it('accepts a TWK key item, a TKP 1–5 item and a PPPK 1–4 item, and yields an ItemContent', () => {
    for (const item of [twk, tkp, pppk]) {
      const parsed: ItemContent = ItemContentSchema.parse(item);
      expect(parsed).toEqual(item);
    }
  });

  const rejects: [string, unknown, string][] = [
    ['category of another subtest', { ...twk, category: 'verbal' }, 'category'],
    ['subtest not in the exam type', { ...twk, examType: 'PPPK' }, 'subtest'],
    ['three options', { ...twk, options: twk.options.slice(0, 3) }, 'options'],
    ['six options', { ...twk, options: [...twk.options, { key: 'E', text: 'x' }] }, 'options'],
    [
      'keys out of order',
      { ...twk, options: [twk.options[1], twk.options[0], ...twk.options.slice(2)] },
      'options.0.key',
    ],
    ['duplicate keys', { ...twk, options: [...twk.options.slice(0, 4), { key: 'D', text: 'x' }] }, 'options.4.key'],
    [
      'correct key not an option',
      { ...twk, options: twk.options.slice(0, 4), scoring: { kind: 'key', correct: 'E', points: 5 } },
      'scoring.correct',
    ],
    ['zero points', { ...twk, scoring: { kind: 'key', correct: 'A', points: 0 } }, 'scoring.points'],
    ['weights on a TWK item', { ...twk, scoring: tkp.scoring }, 'scoring.kind'],
    ['key on a TKP item', { ...tkp, scoring: twk.scoring }, 'scoring.kind'],
    [
      'TKP weight repeated',
      { ...tkp, scoring: { kind: 'weights', weights: { A: 5, B: 5, C: 3, D: 2, E: 1 } } },
      'scoring.weights',
    ],
    [
      'TKP weight missing for an option',
      { ...tkp, scoring: { kind: 'weights', weights: { A: 5, B: 4, C: 3, D: 2 } } },
      'scoring.weights.E',
    ],
    [
      'TKP non-integer weight',
      { ...tkp, scoring: { kind: 'weights', weights: { A: 5, B: 4, C: 3, D: 2, E: 1.5 } } },
      'scoring.weights.E',
    ],
    [
      'TKP with 4 options',
      { ...tkp, options: twk.options.slice(0, 4), scoring: { kind: 'weights', weights: { A: 4, B: 3, C: 2, D: 1 } } },
      'scoring.weights',
    ],
    [
      'PPPK weight 5',
      { ...pppk, scoring: { kind: 'weights', weights: { A: 5, B: 3, C: 1, D: 1 } } },
      'scoring.weights.A',
    ],
    [
      'PPPK weight 0',
      { ...pppk, scoring: { kind: 'weights', weights: { A: 4, B: 3, C: 0, D: 1 } } },
      'scoring.weights.C',
    ],
    [
      'weight for a missing option',
      { ...pppk, scoring: { kind: 'weights', weights: { A: 4, B: 3, C: 2, D: 1, E: 1 } } },
      'scoring.weights.E',
    ],
    ['stem too short', { ...twk, stem: 'Apa?' }, 'stem'],
    ['stem too long', { ...twk, stem: 'x'.repeat(4001) }, 'stem'],
    ['empty option text', { ...twk, options: [{ key: 'A', text: ' ' }, ...twk.options.slice(1)] }, 'options.0.text'],
  ];
  it.each(rejects)('rejects %s', (_name, item, path) => {
    expect(errorsOf(item)).toContain(path);
  });
});

describe('CATEGORIES and EXAM_SUBTESTS', () => {
  it('give every subtest at least one category and place every subtest in some exam type', () => {
    for (const s of SUBTESTS) {
      expect(CATEGORIES[s].length).toBeGreaterThan(0);
      expect(Object.values(EXAM_SUBTESTS).some((l) => l.includes(s))).toBe(true);
    }
  });
});

describe('maxPoints', () => {
  it.each([
    ['key item → its points', twk.scoring, 5],
    ['TKP → 5', tkp.scoring, 5],
    ['PPPK → 4', pppk.scoring, 4],
    ['no weights → 0', { kind: 'weights', weights: {} } as const, 0],
  ])('%s', (_n, scoring, expected) => {
    expect(maxPoints(scoring)).toBe(expected);
  });
});
