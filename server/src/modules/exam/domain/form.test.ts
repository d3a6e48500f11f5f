import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blueprintItemCount, SKD_BLUEPRINT, type Blueprint } from './blueprint.ts';
import { deriveForm, InsufficientBankError, seededRandom, shuffled, type BankEntry } from './form.ts';
import { CATEGORIES, OPTION_KEYS, type Subtest } from './items.ts';

/** A bank with `perCategory` items in every SKD category; TKP items have 5 options, others 4 or 5. */
function skdBank(perCategory: number): BankEntry[] {
  const bank: BankEntry[] = [];
  for (const subtest of ['TWK', 'TIU', 'TKP'] as Subtest[]) {
    for (const category of CATEGORIES[subtest]) {
      for (let i = 0; i < perCategory; i++) {
        const n = subtest === 'TKP' || i % 3 !== 0 ? 5 : 4;
        bank.push({
          itemId: `${subtest}-${category}-${String(i).padStart(2, '0')}`,
          version: 1,
          subtest,
          category,
          optionKeys: OPTION_KEYS.slice(0, n),
        });
      }
    }
  }
  return bank;
}

const BANK = skdBank(14);
const small: Blueprint = {
  examType: 'SKD',
  name: 'mini',
  durationMinutes: 10,
  accommodatedMinutes: 13,
  sections: [
    { subtest: 'TIU', category: 'numerik', count: 2 },
    { subtest: 'TWK', category: null, count: 3 },
    { subtest: 'TWK', category: 'integritas', count: 2 },
  ],
  thresholdsRef: 'x',
};

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    const a = seededRandom('peserta-001');
    const b = seededRandom('peserta-001');
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
  it('gives a different sequence for a different seed', () => {
    expect(seededRandom('a')()).not.toBe(seededRandom('b')());
  });
  it('is pinned: these values must never change, or archived forms would re-derive differently', () => {
    const r = seededRandom('merit');
    expect(Array.from({ length: 3 }, () => Math.floor(r() * 1e6))).toEqual([121105, 239547, 414625]);
  });
  it('is roughly uniform (each of 10 buckets within ±10% over 100 000 draws)', () => {
    const r = seededRandom('uniform');
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(r() * 10)]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(1000);
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5];
    const out = shuffled(input, seededRandom('s'));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('deriveForm', () => {
  it('fills the SKD blueprint: 110 items, TWK 30 then TIU 35 then TKP 45', () => {
    const form = deriveForm(BANK, SKD_BLUEPRINT, 'seed-1');
    expect(form).toHaveLength(110);
    expect(form.map((f) => f.subtest)).toEqual([
      ...Array(30).fill('TWK'),
      ...Array(35).fill('TIU'),
      ...Array(45).fill('TKP'),
    ]);
  });

  it('draws per category as the blueprint says', () => {
    const byId = new Map(BANK.map((e) => [e.itemId, e]));
    const form = deriveForm(BANK, SKD_BLUEPRINT, 'seed-2');
    for (const s of SKD_BLUEPRINT.sections) {
      expect(form.filter((f) => byId.get(f.itemId)!.category === s.category)).toHaveLength(s.count);
    }
  });

  it('groups subtests in the blueprint order of first appearance', () => {
    const form = deriveForm(BANK, small, 'x');
    expect(form.map((f) => f.subtest)).toEqual(['TIU', 'TIU', 'TWK', 'TWK', 'TWK', 'TWK', 'TWK']);
    expect(new Set(form.map((f) => f.itemId)).size).toBe(7);
  });

  it('fills category sections before "any category" ones, so the latter never takes an item the former needs', () => {
    const e = (itemId: string, category: string): BankEntry => ({
      itemId,
      version: 1,
      subtest: 'TWK',
      category,
      optionKeys: ['A', 'B', 'C', 'D'],
    });
    const bank = [
      e('i1', 'integritas'),
      e('i2', 'integritas'),
      e('n1', 'nasionalisme'),
      e('n2', 'nasionalisme'),
      e('n3', 'nasionalisme'),
    ];
    const bp: Blueprint = {
      ...small,
      sections: [
        { subtest: 'TWK', category: null, count: 3 },
        { subtest: 'TWK', category: 'integritas', count: 2 },
      ],
    };
    for (let i = 0; i < 30; i++)
      expect(
        deriveForm(bank, bp, `s${i}`)
          .map((f) => f.itemId)
          .sort(),
      ).toEqual(['i1', 'i2', 'n1', 'n2', 'n3']);
  });

  it('throws InsufficientBankError naming the section and what is available', () => {
    const bank = BANK.filter((e) => !(e.category === 'figural' && e.itemId > 'TIU-figural-09')); // 10 figural, 11 needed
    try {
      deriveForm(bank, SKD_BLUEPRINT, 's');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InsufficientBankError);
      const err = e as InsufficientBankError;
      expect([err.section.category, err.section.count, err.available]).toEqual(['figural', 11, 10]);
      expect(err.message).toContain('figural');
    }
  });

  it('never repeats an itemId and uses the highest version when the bank lists an item twice', () => {
    const bank: BankEntry[] = [
      { itemId: 'a', version: 1, subtest: 'TWK', category: 'integritas', optionKeys: ['A', 'B', 'C', 'D'] },
      { itemId: 'a', version: 3, subtest: 'TWK', category: 'integritas', optionKeys: ['A', 'B', 'C', 'D', 'E'] },
      { itemId: 'b', version: 1, subtest: 'TWK', category: 'integritas', optionKeys: ['A', 'B', 'C', 'D'] },
    ];
    const bp: Blueprint = { ...small, sections: [{ subtest: 'TWK', category: 'integritas', count: 2 }] };
    const form = deriveForm(bank, bp, 'v');
    expect(form.map((f) => `${f.itemId}@${f.version}`).sort()).toEqual(['a@3', 'b@1']);
    expect(() =>
      deriveForm(bank, { ...bp, sections: [{ subtest: 'TWK', category: 'integritas', count: 3 }] }, 'v'),
    ).toThrow(InsufficientBankError);
  });

  it('gives 50 seeds 50 different forms', () => {
    const forms = new Set(
      Array.from({ length: 50 }, (_, i) => JSON.stringify(deriveForm(BANK, SKD_BLUEPRINT, `peserta-${i}`))),
    );
    expect(forms.size).toBe(50);
  });

  it('is pinned: a stored seed re-derives the very same form in later releases', () => {
    const form = deriveForm(BANK, small, 'arsip-2024');
    expect(form.map((f) => `${f.itemId}:${f.optionOrder.join('')}`)).toEqual([
      'TIU-numerik-01:DECAB',
      'TIU-numerik-13:DBCAE',
      'TWK-integritas-11:CBEAD',
      'TWK-bela_negara-13:BECAD',
      'TWK-integritas-06:BADC',
      'TWK-nasionalisme-03:BCAD',
      'TWK-integritas-10:BEADC',
    ]);
  });

  describe('properties', () => {
    const seed = fc.string({ maxLength: 40 });
    const bankArb = fc
      .integer({ min: 12, max: 16 })
      .chain((n) => fc.shuffledSubarray(skdBank(n), { minLength: skdBank(n).length }));

    it('is deterministic: same bank, blueprint and seed → same form', () => {
      fc.assert(
        fc.property(bankArb, seed, (bank, s) => {
          expect(deriveForm(bank, SKD_BLUEPRINT, s)).toEqual(deriveForm(bank, SKD_BLUEPRINT, s));
        }),
        { numRuns: 30 },
      );
    });

    it('does not depend on the order of the bank', () => {
      fc.assert(
        fc.property(bankArb, seed, fc.integer(), (bank, s, salt) => {
          const reordered = shuffled(bank, seededRandom(String(salt)));
          expect(deriveForm(reordered, SKD_BLUEPRINT, s)).toEqual(deriveForm(bank, SKD_BLUEPRINT, s));
        }),
        { numRuns: 30 },
      );
    });

    it('matches the blueprint size, repeats no item, and gives every item a permutation of its own options', () => {
      fc.assert(
        fc.property(bankArb, seed, (bank, s) => {
          const byId = new Map(bank.map((e) => [e.itemId, e]));
          const form = deriveForm(bank, SKD_BLUEPRINT, s);
          expect(form).toHaveLength(blueprintItemCount(SKD_BLUEPRINT));
          expect(new Set(form.map((f) => f.itemId)).size).toBe(form.length);
          for (const f of form) {
            const e = byId.get(f.itemId)!;
            expect(f.subtest).toBe(e.subtest);
            expect([...f.optionOrder].sort()).toEqual([...e.optionKeys].sort());
          }
        }),
        { numRuns: 30 },
      );
    });
  });
});
