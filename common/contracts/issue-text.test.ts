import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText } from './issue-text.ts';

/** Parses with the shared wording as zod's error map and returns each field's message. */
function messages(schema: z.ZodType, input: unknown, lang: 'id' | 'en' = 'id') {
  const r = schema.safeParse(input, { error: (iss) => issueText(iss as never, lang) });
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('issueText', () => {
  const schema = z.object({
    name: z.string().min(1).max(5),
    code: z.string().min(3),
    jp: z.number().int().min(1).max(40),
    kind: z.enum(['a', 'b']),
    email: z.email(),
    nik: z.string().regex(/^\d{16}$/, { message: 'nik.format' }),
    tags: z.array(z.string()).min(1),
  });

  it('says what to do in Indonesian, and leaves a schema key to its caller', () => {
    expect(messages(schema, { name: '', code: 'ab', jp: 0, kind: 'c', email: 'x', nik: '1', tags: [] })).toEqual({
      name: 'Wajib diisi.',
      code: 'Minimal 3 karakter.',
      jp: 'Minimal 1.',
      kind: 'Pilih salah satu pilihan.',
      email: 'Alamat email tidak valid. Contoh: nama@contoh.id',
      nik: 'nik.format', // the schema's own key is kept; the web and the server translate it
      tags: 'Pilih atau isi minimal satu.',
    });
  });

  it('names limits, empty and wrong types, in English too', () => {
    expect(messages(schema.pick({ name: true, jp: true, kind: true }), { name: 'abcdefg', jp: 1.5, kind: '' })).toEqual(
      {
        name: 'Maksimal 5 karakter.',
        jp: 'Isi dengan bilangan bulat.',
        kind: 'Wajib diisi.',
      },
    );
    expect(messages(schema.pick({ name: true, jp: true }), { jp: Number.NaN }, 'en')).toEqual({
      name: 'Required.',
      jp: 'Required.',
    });
    expect(messages(schema.pick({ jp: true }), { jp: 41 }, 'en')).toEqual({ jp: 'At most 40.' });
  });
});

it('translates a schema key when the server hands the issue over', () => {
  expect(issueText({ code: 'invalid_format', message: 'nik.format' }, 'id')).toBe('NIK harus 16 angka sesuai e-KTP.');
  expect(issueText({ code: 'invalid_type', message: 'Invalid input: expected string, received undefined' }, 'en')).toBe(
    'Required.',
  );
});
