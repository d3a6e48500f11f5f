import { describe, expect, it } from 'vitest';
import { TMS_REASONS, TMS_REASON_CODES, isTmsReasonCode, tmsReason } from './tms-reasons.ts';

describe('TMS reasons (RULES.md §1.5)', () => {
  it('lists every code exactly once, in code order', () => {
    expect(TMS_REASONS.map((r) => r.code)).toEqual([...TMS_REASON_CODES]);
  });

  it.each(TMS_REASON_CODES)('%s has both labels and, unless OTHER, a source', (code) => {
    const r = tmsReason(code);
    expect(r.id.length).toBeGreaterThan(5);
    expect(r.en.length).toBeGreaterThan(5);
    if (code !== 'OTHER') expect(r.sources.length).toBeGreaterThan(0);
  });

  it.each([
    ['AGE', true],
    ['METERAI', true],
    ['age', false],
    ['', false],
    ['TOO_OLD', false],
  ])('isTmsReasonCode(%j) is %s', (code, ok) => expect(isTmsReasonCode(code)).toBe(ok));
});
