import { describe, expect, it } from 'vitest';
import { thresholdRuleSet } from '../../selection/index.ts';
import type { ItemScoring, OptionKey, Subtest } from './items.ts';
import { NEWEST_THRESHOLD_YEAR, passesThreshold, scoreAnswer, scoreAttempt, SKD_NEED_TYPES, thresholdFor, type AttemptScore, type ScoredItem } from './scoring.ts';

const key = (correct: OptionKey): ItemScoring => ({ kind: 'key', correct, points: 5 });
const tkp: ItemScoring = { kind: 'weights', weights: { A: 2, B: 5, C: 1, D: 4, E: 3 } };

describe('scoreAnswer (RULES.md §2.1)', () => {
  it.each<[string, ItemScoring, OptionKey | null, number]>([
    ['key, correct → 5', key('C'), 'C', 5],
    ['key, wrong → 0', key('C'), 'A', 0],
    ['key, blank → 0', key('C'), null, 0],
    ['key worth 3 points', { kind: 'key', correct: 'A', points: 3 }, 'A', 3],
    ['TKP best option → 5', tkp, 'B', 5],
    ['TKP worst option → 1', tkp, 'C', 1],
    ['TKP blank → 0, not 1', tkp, null, 0],
    ['weights, option without weight → 0', { kind: 'weights', weights: { A: 4, B: 3, C: 2, D: 1 } }, 'E', 0],
  ])('%s', (_n, scoring, chosen, expected) => {
    expect(scoreAnswer(scoring, chosen)).toBe(expected);
  });
});

/** A full SKD form: TWK 30, TIU 35 (key A), TKP 45 (weights as `tkp`). */
function skdForm(): ScoredItem[] {
  const items: ScoredItem[] = [];
  const add = (subtest: Subtest, n: number, scoring: ItemScoring) => {
    for (let i = 0; i < n; i++) items.push({ itemId: `${subtest}-${i}`, subtest, scoring });
  };
  add('TWK', 30, key('A'));
  add('TIU', 35, key('A'));
  add('TKP', 45, tkp);
  return items;
}

const answerAll = (items: ScoredItem[], pick: (it: ScoredItem) => OptionKey | null) => new Map(items.map((it) => [it.itemId, pick(it)]));

describe('scoreAttempt', () => {
  const form = skdForm();

  it('scores a perfect SKD 150 + 175 + 225 = 550', () => {
    const s = scoreAttempt(form, answerAll(form, (it) => (it.subtest === 'TKP' ? 'B' : 'A')));
    expect(s).toEqual({ bySubtest: { TWK: 150, TIU: 175, TKP: 225 }, twk: 150, tiu: 175, tkp: 225, total: 550, answered: 110 });
  });

  it('scores all-wrong TWK/TIU and the lowest TKP option: 0 + 0 + 45', () => {
    const s = scoreAttempt(form, answerAll(form, (it) => (it.subtest === 'TKP' ? 'C' : 'E')));
    expect([s.twk, s.tiu, s.tkp, s.total, s.answered]).toEqual([0, 0, 45, 45, 110]);
  });

  it('scores an empty answer sheet 0 everywhere, TKP included, with the subtests still present', () => {
    const s = scoreAttempt(form, new Map());
    expect(s).toEqual({ bySubtest: { TWK: 0, TIU: 0, TKP: 0 }, twk: 0, tiu: 0, tkp: 0, total: 0, answered: 0 });
  });

  it('counts explicit nulls as blank and ignores answers to items not on the form', () => {
    const answers = new Map<string, OptionKey | null>([['TWK-0', 'A'], ['TWK-1', null], ['TKP-0', 'D'], ['bukan-di-form', 'A']]);
    const s = scoreAttempt(form, answers);
    expect([s.twk, s.tiu, s.tkp, s.total, s.answered]).toEqual([5, 0, 4, 9, 2]);
  });

  it('reports 0 for SKD subtests absent from the form (e.g. PPPK) and keeps the others in bySubtest', () => {
    const items: ScoredItem[] = [
      { itemId: 't', subtest: 'TEKNIS', scoring: key('B') },
      { itemId: 'm', subtest: 'MANAJERIAL', scoring: { kind: 'weights', weights: { A: 4, B: 3, C: 2, D: 1 } } },
    ];
    const s = scoreAttempt(items, new Map<string, OptionKey>([['t', 'B'], ['m', 'B']]));
    expect(s).toEqual({ bySubtest: { TEKNIS: 5, MANAJERIAL: 3 }, twk: 0, tiu: 0, tkp: 0, total: 8, answered: 2 });
  });
});

const score = (twk: number, tiu: number, tkp: number): AttemptScore => ({ bySubtest: { TWK: twk, TIU: tiu, TKP: tkp }, twk, tiu, tkp, total: twk + tiu + tkp, answered: 110 });

describe('passesThreshold and thresholdFor (KepMenPANRB 651/2023, 321/2024)', () => {
  const cases: [string, number, number, number, boolean][] = [
    ['umum', 65, 80, 166, true], // exactly at every minimum
    ['umum', 60, 80, 166, false],
    ['umum', 65, 75, 166, false],
    ['umum', 65, 80, 165, false],
    ['umum', 150, 175, 165, false], // a high total does not rescue TKP
    ['kalimantan', 65, 80, 166, true],
    ['cumlaude', 100, 85, 126, true], // total 311
    ['cumlaude', 100, 85, 125, false], // 310
    ['cumlaude', 150, 80, 200, false], // TIU 80 < 85
    ['diaspora', 40, 85, 186, true], // TWK/TKP minimums do not apply
    ['diaspora', 40, 85, 185, false],
    ['disabilitas', 60, 60, 166, true], // 286
    ['disabilitas', 60, 60, 165, false], // 285
    ['disabilitas', 100, 55, 200, false], // TIU 55 < 60
    ['papua', 5, 60, 221, true],
    ['papua', 5, 60, 220, false],
    ['daerah_tertinggal', 60, 60, 166, true],
    ['daerah_tertinggal', 60, 55, 171, false],
  ];
  for (const year of [2023, 2024]) {
    it.each(cases)(`${year} %s TWK %i TIU %i TKP %i → %s`, (needType, twk, tiu, tkp, pass) => {
      expect(passesThreshold(score(twk, tiu, tkp), thresholdFor(needType, year))).toBe(pass);
    });
  }

  it('gives umum per-subtest minimums and the khusus formations total + TIU', () => {
    expect(thresholdFor('umum', 2024)).toEqual({ kind: 'per_subtest', twk: 65, tiu: 80, tkp: 166 });
    expect(thresholdFor('cumlaude', 2024)).toEqual({ kind: 'total', total: 311, tiu: 85 });
    expect(thresholdFor('papua', 2023)).toEqual({ kind: 'total', total: 286, tiu: 60 });
  });

  it('falls back to the newest recorded year for a year with no regulation', () => {
    expect(NEWEST_THRESHOLD_YEAR).toBe(2024);
    for (const y of [2019, 2025, 2030]) expect(thresholdFor('umum', y)).toEqual(thresholdFor('umum', 2024));
  });

  it('refuses an unknown need type instead of guessing', () => {
    expect(() => thresholdFor('khusus', 2024)).toThrow(RangeError);
  });

  it('agrees with the selection module’s rule sets for every need type and year', () => {
    for (const year of [2023, 2024]) {
      const set = thresholdRuleSet(year)!;
      for (const nt of SKD_NEED_TYPES) {
        const mine = thresholdFor(nt, year);
        const theirs = set.rules[nt];
        expect(mine.kind === 'per_subtest' ? { ...mine, kind: 'subtests' } : mine).toEqual(theirs);
      }
    }
  });
});
