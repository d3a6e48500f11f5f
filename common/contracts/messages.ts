/**
 * Bilingual messages. Bahasa Indonesia is the default; English is a choice. A user-facing message
 * is always a pair so that a server error can be shown in the language the person picked.
 */
export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];

export interface Msg {
  id: string;
  en: string;
}

export const msg = (id: string, en: string): Msg => ({ id, en });

/**
 * Messages for schema fields, referenced by key from zod schemas (`{ message: 'nik.format' }`),
 * so validation errors read as instructions rather than as regex dumps.
 */
export const FIELD_MESSAGES: Record<string, Msg> = {
  required: msg('Wajib diisi.', 'Required.'),
  'nik.format': msg('NIK harus 16 angka sesuai e-KTP.', 'NIK must be the 16 digits on your e-KTP.'),
  'email.format': msg(
    'Alamat email tidak valid. Contoh: nama@contoh.id',
    'Invalid email address. Example: name@example.com',
  ),
  'password.length': msg(
    'Kata sandi minimal 12 karakter dan maksimal 128 karakter.',
    'Password must be 12 to 128 characters long.',
  ),
  'date.format': msg(
    'Tanggal tidak valid. Tulis hh/bb/tttt, mis. 12/03/1995.',
    'Invalid date. Write dd/mm/yyyy, e.g. 12/03/1995.',
  ),
  'name.length': msg('Nama wajib diisi (maksimal 120 karakter).', 'Name is required (at most 120 characters).'),
  'token.format': msg('Tautan atau kode tidak valid.', 'Invalid link or code.'),
  'code.format': msg('Kode verifikasi terdiri dari 6 angka.', 'The verification code is 6 digits.'),
  'phone.format': msg(
    'Nomor HP harus 10–15 angka, mis. 081234567890.',
    'Phone number must be 10–15 digits, e.g. 081234567890.',
  ),
};
