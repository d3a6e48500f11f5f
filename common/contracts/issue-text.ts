/**
 * One wording for a failed schema check, used by the server's validation errors and by the web's
 * forms, so a field says the same thing before and after the round trip. The words are
 * instructions ("Wajib diisi.", "Maksimal 120 karakter.") rather than zod's type talk; anything
 * not covered falls back to zod's own Indonesian or English locale.
 */
import { z } from 'zod';
import { FIELD_MESSAGES, type Lang, type Msg, msg } from './messages.ts';

/** The parts of a zod issue the wording needs (a raw issue, or fastify's `{ keyword, params }` flattened). */
export interface IssueLike {
  code: string;
  message?: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  [key: string]: unknown;
}

const localeError = { id: z.locales.id().localeError, en: z.locales.en().localeError };

export const REQUIRED: Msg = FIELD_MESSAGES.required!;
const UNKNOWN_FIELD = msg(
  'Kolom ini tidak dikenal; hapus dari permintaan.',
  'Unknown field; remove it from the request.',
);
const CHOOSE = msg('Pilih salah satu pilihan.', 'Choose one of the options.');
const NUMBER = msg('Isi dengan angka.', 'Enter a number.');
const WHOLE = msg('Isi dengan bilangan bulat.', 'Enter a whole number.');
const URL = msg('Alamat tautan tidak valid. Awali dengan https://', 'Invalid link. Start it with https://');
const FORMAT = msg('Isian tidak sesuai format yang diminta.', 'This does not match the required format.');

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v));

function sizeText(issue: IssueLike, lang: Lang): string | undefined {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  const exclusive = issue.inclusive === false;
  switch (issue.origin) {
    case 'string':
      if (small && n <= 1) return REQUIRED[lang];
      return small
        ? msg(`Minimal ${n} karakter.`, `At least ${n} characters.`)[lang]
        : msg(`Maksimal ${n} karakter.`, `At most ${n} characters.`)[lang];
    case 'number':
    case 'int':
    case 'bigint':
      if (small)
        return exclusive
          ? msg(`Harus lebih dari ${n}.`, `Must be more than ${n}.`)[lang]
          : msg(`Minimal ${n}.`, `At least ${n}.`)[lang];
      return exclusive
        ? msg(`Harus kurang dari ${n}.`, `Must be less than ${n}.`)[lang]
        : msg(`Maksimal ${n}.`, `At most ${n}.`)[lang];
    case 'array':
    case 'set':
      if (small && n <= 1) return msg('Pilih atau isi minimal satu.', 'Choose or enter at least one.')[lang];
      return small
        ? msg(`Minimal ${n} butir.`, `At least ${n} items.`)[lang]
        : msg(`Paling banyak ${n} butir.`, `At most ${n} items.`)[lang];
    default:
      return undefined;
  }
}

/** The message for one issue in a language. A schema's own key (`nik.format`) wins. */
export function issueText(issue: IssueLike, lang: Lang): string {
  const known = issue.message ? FIELD_MESSAGES[issue.message] : undefined;
  if (known) return known[lang];
  switch (issue.code) {
    case 'invalid_type':
      if (isEmpty(issue.input) || issue.message?.endsWith('received undefined')) return REQUIRED[lang];
      if (issue.expected === 'number') return NUMBER[lang];
      if (issue.expected === 'int') return WHOLE[lang];
      break;
    case 'too_small':
    case 'too_big': {
      const text = sizeText(issue, lang);
      if (text) return text;
      break;
    }
    case 'invalid_value':
      return (isEmpty(issue.input) ? REQUIRED : CHOOSE)[lang];
    case 'invalid_format':
      if (issue.format === 'email') return FIELD_MESSAGES['email.format']![lang];
      if (issue.format === 'url') return URL[lang];
      if (issue.format === 'regex' && isEmpty(issue.input)) return REQUIRED[lang];
      if (issue.format === 'regex') return FORMAT[lang];
      break;
    case 'not_multiple_of':
      if (Number(issue.divisor) === 1) return WHOLE[lang];
      break;
    case 'unrecognized_keys':
      return UNKNOWN_FIELD[lang];
  }
  const out = localeError[lang](issue as unknown as Parameters<(typeof localeError)['id']>[0]);
  return typeof out === 'string' ? out : (out?.message ?? issue.message ?? FORMAT[lang]);
}
