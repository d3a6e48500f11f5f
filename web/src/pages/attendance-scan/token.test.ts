import { describe, expect, it } from 'vitest';
import { tokenOf } from './token.ts';

describe('tokenOf', () => {
  it.each([
    ['https://merit.palukota.go.id/hadir?t=abc.123.XYZ', 'abc.123.XYZ'],
    ['  http://localhost:3000/hadir?t=a%2Eb ', 'a.b'],
    ['abc.123.XYZ', 'abc.123.XYZ'],
    ['https://contoh.id/lain', 'https://contoh.id/lain'],
  ])('%s → %s', (text, token) => {
    expect(tokenOf(text)).toBe(token);
  });
});
