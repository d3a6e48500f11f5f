import { describe, expect, it } from 'vitest';
import { maskNik, nikMatchesPerson, parseNik } from './nik';

const known = (code: string) => ['72.71', '72.03', '31.71'].includes(code);

describe('parseNik', () => {
  it.each([
    [
      '7271041203950001',
      { gender: 'L', birthDay: 12, birthMonth: 3, birthYearTwoDigits: 95, districtCode: '72.71.04' },
    ],
    ['7271045203950002', { gender: 'P', birthDay: 12, birthMonth: 3, birthYearTwoDigits: 95 }],
    ['7271047112000003', { gender: 'P', birthDay: 31, birthMonth: 12, birthYearTwoDigits: 0 }],
    ['3171010101010001', { gender: 'L', birthDay: 1, birthMonth: 1, birthYearTwoDigits: 1 }],
  ])('decodes %s', (nik, expected) => {
    const r = parseNik(nik, known);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.parts).toMatchObject(expected);
  });

  it.each([
    ['727104120395000', 'format'],
    ['72710412039500011', 'format'],
    ['72710412039500a1', 'format'],
    ['9971041203950001', 'region'],
    ['7271001203950001', 'region'],
    ['7271043203950001', 'birth_date'], // day 32
    ['7271040013950001', 'birth_date'], // month 13 and day 0
    ['7271043002950001', 'birth_date'], // 30 February
    ['7271047202950001', 'birth_date'], // woman, day 32
    ['7271041203950000', 'serial'],
  ])('rejects %s as %s', (nik, problem) => {
    expect(parseNik(nik, known)).toEqual({ ok: false, problem });
  });
});

describe('nikMatchesPerson', () => {
  const parsed = parseNik('7271045203950002', known);
  if (!parsed.ok) throw new Error('fixture');
  it('accepts the same date and gender', () => {
    expect(nikMatchesPerson(parsed.parts, '1995-03-12', 'P')).toBe(true);
  });
  it.each([
    ['1995-03-13', 'P'],
    ['1996-03-12', 'P'],
    ['1995-03-12', 'L'],
    ['12-03-1995', 'P'],
  ] as const)('refuses %s / %s', (date, gender) => {
    expect(nikMatchesPerson(parsed.parts, date, gender)).toBe(false);
  });
});

describe('maskNik', () => {
  it('never shows the personal digits', () => {
    expect(maskNik('7271045203950002')).toBe('727104**********');
    expect(maskNik('123')).not.toContain('123');
  });
});
