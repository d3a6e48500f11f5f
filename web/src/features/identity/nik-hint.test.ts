import { describe, expect, it } from 'vitest';
import { nikDisagrees, nikHint } from './nik-hint.ts';

describe('nikHint', () => {
  it('reads a woman’s NIK with day + 40 back to her real birth day', () => {
    expect(nikHint('7271045203990002')).toEqual({ day: 12, month: 3, yy: '99', gender: 'P', isPlusForty: true });
  });

  it('reads a man’s NIK as written', () => {
    expect(nikHint('7271041203990002')).toEqual({ day: 12, month: 3, yy: '99', gender: 'L', isPlusForty: false });
  });

  it('gives nothing for an incomplete or impossible NIK', () => {
    expect(nikHint('727104520399')).toBeNull();
    expect(nikHint('7271047203990002')).toBeNull(); // day 72 − 40 = 32
    expect(nikHint('7271045213990002')).toBeNull(); // month 13
  });
});

describe('nikDisagrees', () => {
  const hint = nikHint('7271045203990002');

  it('is null until both the NIK and the date are complete', () => {
    expect(nikDisagrees(null, '1999-03-12', 'P')).toBeNull();
    expect(nikDisagrees(hint, '', 'P')).toBeNull();
  });

  it('agrees with the real birth date and sex', () => {
    expect(nikDisagrees(hint, '1999-03-12', 'P')).toBe(false);
    expect(nikDisagrees(hint, '1999-03-12', undefined)).toBe(false);
  });

  it('flags a different date or sex', () => {
    expect(nikDisagrees(hint, '1999-03-13', 'P')).toBe(true);
    expect(nikDisagrees(hint, '1998-03-12', 'P')).toBe(true);
    expect(nikDisagrees(hint, '1999-03-12', 'L')).toBe(true);
  });
});
