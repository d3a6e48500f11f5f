import { describe, expect, it } from 'vitest';
import { weightChecks } from './weights.ts';

describe('weightChecks', () => {
  it('accepts 60 % CAT + 40 % practical', () => {
    expect(
      weightChecks([
        { kind: 'cat', weight: 60 },
        { kind: 'tambahan', weight: 40 },
      ]),
    ).toEqual({ sum: 100, cat: 60, sumOk: true, catOk: true });
  });
  it('flags a sum that is not 100 and CAT under 50 %', () => {
    expect(
      weightChecks([
        { kind: 'cat', weight: 40 },
        { kind: 'tambahan', weight: 40 },
      ]),
    ).toMatchObject({ sum: 80, sumOk: false, catOk: false });
  });
});
