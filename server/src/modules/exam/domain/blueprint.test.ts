import { describe, expect, it } from 'vitest';
import {
  BlueprintSchema,
  blueprintItemCount,
  blueprintSubtests,
  PPPK_BLUEPRINT,
  SKD_BLUEPRINT,
  type Blueprint,
} from './blueprint.ts';

const countOf = (b: Blueprint, subtest: string) =>
  b.sections.filter((s) => s.subtest === subtest).reduce((n, s) => n + s.count, 0);

describe('SKD_BLUEPRINT (RULES.md §2.1)', () => {
  it('holds 110 items: TWK 30, TIU 35, TKP 45, in that order', () => {
    expect(blueprintItemCount(SKD_BLUEPRINT)).toBe(110);
    expect([countOf(SKD_BLUEPRINT, 'TWK'), countOf(SKD_BLUEPRINT, 'TIU'), countOf(SKD_BLUEPRINT, 'TKP')]).toEqual([
      30, 35, 45,
    ]);
    expect(blueprintSubtests(SKD_BLUEPRINT)).toEqual(['TWK', 'TIU', 'TKP']);
  });
  it('runs 100 minutes, 130 with the disability accommodation, under KepMenPANRB 321/2024', () => {
    expect([SKD_BLUEPRINT.durationMinutes, SKD_BLUEPRINT.accommodatedMinutes, SKD_BLUEPRINT.thresholdsRef]).toEqual([
      100,
      130,
      'KepMenPANRB 321/2024',
    ]);
  });
  it('names a category for every section and passes its own schema', () => {
    expect(SKD_BLUEPRINT.sections.every((s) => s.category !== null)).toBe(true);
    expect(BlueprintSchema.safeParse(SKD_BLUEPRINT).success).toBe(true);
  });
  it('is frozen so no caller can change the exam for everyone', () => {
    expect(Object.isFrozen(SKD_BLUEPRINT) && Object.isFrozen(SKD_BLUEPRINT.sections)).toBe(true);
  });
});

describe('PPPK_BLUEPRINT (RULES.md §2.7)', () => {
  it('holds 145 items (90 + 25 + 20 + 10) and passes the schema', () => {
    expect(blueprintItemCount(PPPK_BLUEPRINT)).toBe(145);
    expect(BlueprintSchema.safeParse(PPPK_BLUEPRINT).success).toBe(true);
  });
});

describe('BlueprintSchema', () => {
  const base: Blueprint = {
    examType: 'SKD',
    name: 'Latihan',
    durationMinutes: 30,
    accommodatedMinutes: 40,
    sections: [{ subtest: 'TWK', category: null, count: 5 }],
    thresholdsRef: 'KepMenPANRB 321/2024',
  };
  const cases: [string, Blueprint, string | null][] = [
    ['a valid one-section blueprint', base, null],
    ['no sections', { ...base, sections: [] }, 'sections'],
    ['count 0', { ...base, sections: [{ subtest: 'TWK', category: null, count: 0 }] }, 'sections.0.count'],
    ['count 1.5', { ...base, sections: [{ subtest: 'TWK', category: null, count: 1.5 }] }, 'sections.0.count'],
    [
      'category of another subtest',
      { ...base, sections: [{ subtest: 'TWK', category: 'numerik', count: 1 }] },
      'sections.0.category',
    ],
    [
      'subtest outside the exam type',
      { ...base, sections: [{ subtest: 'MANAJERIAL', category: null, count: 1 }] },
      'sections.0.subtest',
    ],
    ['a section twice', { ...base, sections: [base.sections[0]!, base.sections[0]!] }, 'sections.1'],
    ['accommodation shorter than the duration', { ...base, accommodatedMinutes: 20 }, 'accommodatedMinutes'],
    ['empty thresholdsRef', { ...base, thresholdsRef: '' }, 'thresholdsRef'],
  ];
  it.each(cases)('%s', (_n, b, path) => {
    const r = BlueprintSchema.safeParse(b);
    if (path === null) expect(r.success).toBe(true);
    else expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
