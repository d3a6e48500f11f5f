import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  ItemContentSchema,
  SKD_BLUEPRINT,
  deriveForm,
  maxPoints,
  scoreAttempt,
  type BankEntry,
  type ItemContent,
} from '../src/modules/exam/domain/index.ts';
import { PRACTICE_BANK } from './practice-bank.ts';

const countIn = (subtest: string, category: string) =>
  PRACTICE_BANK.filter((i) => i.subtest === subtest && i.category === category).length;
const keyText = (item: ItemContent) =>
  item.scoring.kind === 'key'
    ? item.options.find((o) => o.key === (item.scoring as { correct: string }).correct)!.text
    : null;

describe('PRACTICE_BANK', () => {
  it.each(PRACTICE_BANK.map((item, i) => [i, item.subtest, item.category, item] as const))(
    'item %i (%s/%s) passes ItemContentSchema',
    (_i, _s, _c, item) => {
      const r = ItemContentSchema.safeParse(item);
      expect(r.success ? [] : r.error.issues).toEqual([]);
    },
  );

  it('is all SKD, text only, with an explanation for every key item', () => {
    expect(PRACTICE_BANK.every((i) => i.examType === 'SKD' && i.imageKey === null)).toBe(true);
    expect(PRACTICE_BANK.filter((i) => i.scoring.kind === 'key').every((i) => (i.explanation ?? '').length > 10)).toBe(
      true,
    );
  });

  it.each([
    ...CATEGORIES.TWK.map((c) => ['TWK', c, 8] as const),
    ['TIU', 'verbal', 15],
    ['TIU', 'numerik', 15],
    ['TIU', 'figural', 14],
    ['TKP', 'pelayanan_publik', 10],
    ['TKP', 'jejaring_kerja', 9],
    ['TKP', 'sosial_budaya', 10],
    ['TKP', 'tik', 9],
    ['TKP', 'profesionalisme', 10],
    ['TKP', 'anti_radikalisme', 9],
  ] as const)('holds %s/%s × %i', (subtest, category, n) => {
    expect(countIn(subtest, category)).toBe(n);
  });

  it('has spares beyond the SKD blueprint in every category', () => {
    for (const s of SKD_BLUEPRINT.sections) expect(countIn(s.subtest, s.category!)).toBeGreaterThan(s.count);
  });

  it('repeats no stem and no option text within an item', () => {
    expect(new Set(PRACTICE_BANK.map((i) => i.stem)).size).toBe(PRACTICE_BANK.length);
    for (const i of PRACTICE_BANK) expect(new Set(i.options.map((o) => o.text)).size).toBe(i.options.length);
  });

  it('does not always put the key or the best TKP option in the same place', () => {
    const keys = new Set(
      PRACTICE_BANK.filter((i) => i.scoring.kind === 'key').map((i) =>
        i.scoring.kind === 'key' ? i.scoring.correct : '',
      ),
    );
    const best = new Set(
      PRACTICE_BANK.filter((i) => i.subtest === 'TKP').map(
        (i) => i.options.find((o) => i.scoring.kind === 'weights' && i.scoring.weights[o.key] === 5)!.key,
      ),
    );
    expect(keys.size).toBeGreaterThanOrEqual(4);
    expect(best.size).toBeGreaterThanOrEqual(3);
  });

  // The numerik keys recomputed independently of the written answers.
  const idr = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
  const numerik: [string, string][] = [
    ['3, 7, 15, 31, 63', String(63 * 2 + 1)],
    ['2, 5, 10, 17, 26', String(6 * 6 + 1)],
    ['100, 95, 85, 70, 50', String(50 - 25)],
    ['4, 12, 6, 18, 9', String(9 * 3)],
    ['Harga tiket kapal', idr(240_000 - (240_000 * 15) / 100)],
    ['0,25 × 480', String(0.25 * 480 + (3 / 8) * 64)],
    ['(2/3 + 1/4)', String((8 + 3) / 12 / (11 / 12))],
    ['√1764', String(Math.sqrt(1764))],
    ['Enam pegawai', String((6 * 15) / 9)],
    ['Sebuah bus', String(210 / 3.5)],
    ['Rata-rata nilai lima', String(6 * 82 - 5 * 80)],
    ['Dana Rp1.800.000', idr((1_800_000 / 9) * 4)],
    ['Jumlah peserta pelatihan', `${((100 - 80) / 80) * 100}%`],
    ['Jika 3x − 7', String(2 * (5 + 7) + 1)],
    [
      'Rapat dimulai',
      (() => {
        const m = 8 * 60 + 45 + 2 * 60 + 35;
        return `${Math.floor(m / 60)}.${String(m % 60).padStart(2, '0')}`;
      })(),
    ],
  ];
  it.each(numerik)('numerik "%s…" has the key %s', (prefix, expected) => {
    const items = PRACTICE_BANK.filter((i) => i.category === 'numerik' && i.stem.startsWith(prefix));
    expect(items).toHaveLength(1);
    expect(keyText(items[0]!)).toBe(expected);
  });
  it('covers every numerik item with a recomputed key', () => {
    expect(numerik).toHaveLength(countIn('TIU', 'numerik'));
  });

  const bank: BankEntry[] = PRACTICE_BANK.map((item, i) => ({
    itemId: `latihan-${String(i).padStart(3, '0')}`,
    version: 1,
    subtest: item.subtest,
    category: item.category,
    optionKeys: item.options.map((o) => o.key),
  }));

  it('fills a full SKD form for 50 different seeds, each form different', () => {
    const seen = new Set<string>();
    for (let s = 0; s < 50; s++) {
      const form = deriveForm(bank, SKD_BLUEPRINT, `latihan-${s}`);
      expect(form).toHaveLength(110);
      expect(new Set(form.map((f) => f.itemId)).size).toBe(110);
      seen.add(form.map((f) => f.itemId).join());
    }
    expect(seen.size).toBe(50);
  });

  it('scores a perfect practice form 550', () => {
    const byId = new Map(bank.map((e, i) => [e.itemId, PRACTICE_BANK[i]!]));
    const form = deriveForm(bank, SKD_BLUEPRINT, 'sempurna');
    const items = form.map((f) => ({ itemId: f.itemId, subtest: f.subtest, scoring: byId.get(f.itemId)!.scoring }));
    const best = (it: ItemContent) =>
      it.options.find((o) =>
        it.scoring.kind === 'key' ? o.key === it.scoring.correct : it.scoring.weights[o.key] === maxPoints(it.scoring),
      )!.key;
    const s = scoreAttempt(items, new Map(form.map((f) => [f.itemId, best(byId.get(f.itemId)!)])));
    expect([s.twk, s.tiu, s.tkp, s.total]).toEqual([150, 175, 225, 550]);
  });
});
