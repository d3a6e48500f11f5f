import { describe, expect, it } from 'vitest';
import { daysLeftWords } from './days-left.ts';

describe('days to a deadline in words', () => {
  it.each([
    [189, 'id', 'sisa 189 hari'],
    [1, 'en', '1 day left'],
    [0, 'id', 'berakhir hari ini'],
    [-189, 'id', 'terlambat 189 hari'],
    [-1, 'en', '1 day late'],
    [-189, 'en', '189 days late'],
  ] as const)('%i days in %s reads "%s"', (days, lang, want) => {
    expect(daysLeftWords(days, lang)).toBe(want);
  });
});
