import { describe, expect, it } from 'vitest';
import type { ItemScoring, OptionKey, Subtest } from './items.ts';
import { scoreAnswer, scoreAttempt, type ScoredItem } from './scoring.ts';

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

const answerAll = (items: ScoredItem[], pick: (it: ScoredItem) => OptionKey | null) =>
  new Map(items.map((it) => [it.itemId, pick(it)]));

describe('scoreAttempt', () => {
  const form = skdForm();

  it('scores a perfect SKD 150 + 175 + 225 = 550', () => {
    const s = scoreAttempt(
      form,
      answerAll(form, (it) => (it.subtest === 'TKP' ? 'B' : 'A')),
    );
    expect(s).toEqual({
      bySubtest: { TWK: 150, TIU: 175, TKP: 225 },
      twk: 150,
      tiu: 175,
      tkp: 225,
      total: 550,
      answered: 110,
    });
  });

  it('scores all-wrong TWK/TIU and the lowest TKP option: 0 + 0 + 45', () => {
    const s = scoreAttempt(
      form,
      answerAll(form, (it) => (it.subtest === 'TKP' ? 'C' : 'E')),
    );
    expect([s.twk, s.tiu, s.tkp, s.total, s.answered]).toEqual([0, 0, 45, 45, 110]);
  });

  it('scores an empty answer sheet 0 everywhere, TKP included, with the subtests still present', () => {
    const s = scoreAttempt(form, new Map());
    expect(s).toEqual({ bySubtest: { TWK: 0, TIU: 0, TKP: 0 }, twk: 0, tiu: 0, tkp: 0, total: 0, answered: 0 });
  });

  it('counts explicit nulls as blank and ignores answers to items not on the form', () => {
    const answers = new Map<string, OptionKey | null>([
      ['TWK-0', 'A'],
      ['TWK-1', null],
      ['TKP-0', 'D'],
      ['bukan-di-form', 'A'],
    ]);
    const s = scoreAttempt(form, answers);
    expect([s.twk, s.tiu, s.tkp, s.total, s.answered]).toEqual([5, 0, 4, 9, 2]);
  });

  it('reports 0 for SKD subtests absent from the form (e.g. PPPK) and keeps the others in bySubtest', () => {
    const items: ScoredItem[] = [
      { itemId: 't', subtest: 'TEKNIS', scoring: key('B') },
      { itemId: 'm', subtest: 'MANAJERIAL', scoring: { kind: 'weights', weights: { A: 4, B: 3, C: 2, D: 1 } } },
    ];
    const s = scoreAttempt(
      items,
      new Map<string, OptionKey>([
        ['t', 'B'],
        ['m', 'B'],
      ]),
    );
    expect(s).toEqual({ bySubtest: { TEKNIS: 5, MANAJERIAL: 3 }, twk: 0, tiu: 0, tkp: 0, total: 8, answered: 2 });
  });
});
