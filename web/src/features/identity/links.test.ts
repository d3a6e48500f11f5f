import { describe, expect, it } from 'vitest';
import { safeNext } from './links.ts';

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
