import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_KINDS,
  RULE_SET_CPNS_2024,
  RULE_SET_PPPK_2024,
  RecruitmentRuleSet,
  SEEDED_RULE_SETS,
  accommodationExtraMinutes,
} from './rule-set.ts';

describe('seeded rule sets', () => {
  it.each(Object.entries(SEEDED_RULE_SETS))('%s passes its own schema', (_key, set) => {
    expect(RecruitmentRuleSet.parse(set)).toEqual(set);
  });

  it.each([
    // RULES.md §1.4, 1 KB = 1024 bytes.
    ['pas_foto', 'image/jpeg', 200 * 1024, true],
    ['swafoto', 'image/jpeg', 200 * 1024, true],
    ['ktp', 'image/jpeg', 200 * 1024, true],
    ['surat_lamaran', 'application/pdf', 300 * 1024, true],
    ['ijazah', 'application/pdf', 800 * 1024, true],
    ['transkrip', 'application/pdf', 500 * 1024, true],
    ['pendukung', 'application/pdf', 800 * 1024, false],
  ] as const)('CPNS 2024 %s: %s ≤ %i bytes, required %s', (kind, mime, maxBytes, required) => {
    expect(RULE_SET_CPNS_2024.uploadLimits[kind]).toMatchObject({ mime: [mime], maxBytes, required });
  });

  it('every document kind has a limit', () => {
    expect(Object.keys(RULE_SET_CPNS_2024.uploadLimits).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it.each([
    [RULE_SET_CPNS_2024, 18, 35, 30],
    [RULE_SET_PPPK_2024, 20, 59, 35],
  ])('rule set %# ages and accommodation', (set, min, max, extra) => {
    expect(set.ageLimits).toMatchObject({ min, max });
    expect(accommodationExtraMinutes(set)).toBe(extra);
  });

  it('CPNS 2024 exam is 100 minutes, 130 with accommodation (RULES.md §2.1)', () => {
    expect(RULE_SET_CPNS_2024.exam).toEqual({ minutes: 100, accommodatedMinutes: 130 });
  });

  it('sanggah is 3 days, re-announcement within 7, and the mode is flagged uncertain', () => {
    expect(RULE_SET_CPNS_2024.sanggah.days).toBe(3);
    expect(RULE_SET_CPNS_2024.reannounceWithinDays).toBe(7);
    expect(RULE_SET_CPNS_2024.uncertain).toContain('sanggah.mode');
    expect(RULE_SET_PPPK_2024.uncertain).toContain('ageLimits.max');
  });
});

describe('RecruitmentRuleSet schema refuses', () => {
  const { pendukung: _omit, ...withoutPendukung } = RULE_SET_CPNS_2024.uploadLimits;
  it.each([
    ['min above max', { ageLimits: { min: 36, max: 35 } }],
    ['a missing document kind', { uploadLimits: withoutPendukung }],
    [
      'an unknown MIME type',
      {
        uploadLimits: {
          ...RULE_SET_CPNS_2024.uploadLimits,
          ktp: { ...RULE_SET_CPNS_2024.uploadLimits.ktp, mime: ['image/png'] },
        },
      },
    ],
    [
      'a fractional size',
      {
        uploadLimits: {
          ...RULE_SET_CPNS_2024.uploadLimits,
          ktp: { ...RULE_SET_CPNS_2024.uploadLimits.ktp, maxBytes: 1.5 },
        },
      },
    ],
    ['a zero-day sanggah', { sanggah: { days: 0, mode: 'calendar' } }],
    ['an unknown sanggah mode', { sanggah: { days: 3, mode: 'hours' } }],
    ['an accommodated exam shorter than the standard one', { exam: { minutes: 100, accommodatedMinutes: 90 } }],
    ['an unknown selection type', { type: 'PPPK_PARUH_WAKTU' }],
    ['a fractional IPK', { cumlaude: { minIpkHundredths: 3.51 } }],
  ])('%s', (_name, patch) => {
    expect(RecruitmentRuleSet.safeParse({ ...RULE_SET_CPNS_2024, ...patch }).success).toBe(false);
  });
});
