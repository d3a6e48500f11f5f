import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('returns plain text as one piece', () => {
    expect(linkify('Halo, Siti.')).toEqual([{ kind: 'text', text: 'Halo, Siti.' }]);
  });

  it('finds a verification link inside an e-mail body, keeping the query string', () => {
    const body = 'Klik tautan ini:\nhttp://127.0.0.1:3000/verifikasi-email?token=abc_DEF-123\nTerima kasih.';
    expect(linkify(body)).toEqual([
      { kind: 'text', text: 'Klik tautan ini:\n' },
      { kind: 'link', href: 'http://127.0.0.1:3000/verifikasi-email?token=abc_DEF-123' },
      { kind: 'text', text: '\nTerima kasih.' },
    ]);
  });

  it('leaves sentence punctuation after a URL as text', () => {
    expect(linkify('Buka https://merit.palukota.go.id/masuk.')).toEqual([
      { kind: 'text', text: 'Buka ' },
      { kind: 'link', href: 'https://merit.palukota.go.id/masuk' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('does not turn javascript: or other schemes into links', () => {
    expect(linkify('javascript:alert(1) mailto:a@b.c')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) mailto:a@b.c' },
    ]);
  });
});
