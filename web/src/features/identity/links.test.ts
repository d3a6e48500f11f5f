import { describe, expect, it } from 'vitest';
import { safeNext, tokenFromInput } from './links.ts';

describe('tokenFromInput', () => {
  it('keeps a bare code', () => {
    expect(tokenFromInput('  abcDEF_123-xyzabcdefghij ')).toBe('abcDEF_123-xyzabcdefghij');
  });
  it('takes the token out of a pasted link', () => {
    expect(tokenFromInput('http://127.0.0.1:3000/verifikasi-email?token=abc_DEF-1234567890abcd')).toBe('abc_DEF-1234567890abcd');
    expect(tokenFromInput('https://x.id/atur-ulang-sandi?lang=id&token=t0k3n#top')).toBe('t0k3n');
  });
});

describe('safeNext', () => {
  it('follows a same-site path', () => {
    expect(safeNext('/admin/akun')).toBe('/admin/akun');
  });
  it('refuses other sites, protocol-relative URLs and missing values', () => {
    for (const bad of [null, undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'beranda']) {
      expect(safeNext(bad)).toBe('/beranda');
    }
  });
  it('does not send a signed-in person back to the login or register page', () => {
    expect(safeNext('/masuk')).toBe('/beranda');
    expect(safeNext('/daftar')).toBe('/beranda');
  });
});
