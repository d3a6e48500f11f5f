import { describe, expect, it } from 'vitest';
import { maskMailSecrets } from '../modules/identity/identity.service.ts';
import { unstorablePath } from './text-input.ts';

describe('unstorablePath (text no column can hold)', () => {
  it.each([
    [{ a: 'ok', b: ['fine', { c: 'x\u0000y' }] }, 'b.1.c'],
    [{ name: 'lone high \ud800 here' }, 'name'],
    [{ name: 'lone low \udc00' }, 'name'],
    [['\u0000'], '0'],
    [{ 'k\u0000': 'v' }, 'k\uFFFD'],
  ])('names the first bad string in %j', (value, path) => {
    expect(unstorablePath(value)).toBe(path);
  });
  it('accepts ordinary text, emoji (a valid surrogate pair), numbers and buffers', () => {
    expect(
      unstorablePath({ name: 'Nur Aisyah Lamarauna 🌴', n: 3, ok: true, none: null, file: Buffer.from([0, 1]) }),
    ).toBeNull();
  });
});

describe('maskMailSecrets (the admin outbox)', () => {
  it('masks one-time tokens in links and codes, and keeps the words and the address', () => {
    const token = 'Xb3_k9-Qm2ZpL0aa7YtRc4vWn8sD1fGh5jKe6uIo0Pq';
    const text = `Buka tautan https://merit.palukota.go.id/atur-ulang-sandi?token=${token}\n\nKode: ${token}`;
    const out = maskMailSecrets(text);
    expect(out).not.toContain(token);
    expect(out).toBe('Buka tautan https://merit.palukota.go.id/atur-ulang-sandi?token=••••••\n\nKode: ••••••');
  });
});
