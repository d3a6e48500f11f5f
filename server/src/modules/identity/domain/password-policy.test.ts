import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem (ASVS L2 §2.1)', () => {
  it.each([
    ['kopi tubruk di teluk palu', {}],
    ['Ümlaut-und-Sönderzeichen', {}],
    ['x'.repeat(11) + 'é', {}],
    ['a'.repeat(64) + 'b'.repeat(64), {}],
  ])('accepts %s', (pw, ctx) => {
    expect(passwordProblem(pw, ctx)).toBeNull();
  });

  it.each([
    ['short', {}, 'minimal'],
    ['x'.repeat(129), {}, 'minimal'],
    ['Bismillah123', {}, 'umum'],
    ['aaaaaaaaaaaaaaa', {}, 'umum'],
    ['12345678901234', {}, 'umum'],
    ['nik7271045203950002', { nik: '7271045203950002' }, 'NIK'],
    ['saya-siti.rahma-sekali', { email: 'siti.rahma@contoh.id' }, 'email'],
  ] as const)('refuses %s', (pw, ctx, word) => {
    expect(passwordProblem(pw, ctx)?.id).toContain(word);
  });
});
