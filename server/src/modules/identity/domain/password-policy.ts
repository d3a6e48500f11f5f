/**
 * Password rules per OWASP ASVS 4.0 L2 §2.1: at least 12 characters, at most 128, any
 * characters, no composition rules, and not a commonly used or context-derived password.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';

// A short list of the most common passwords, Indonesian ones included; ASVS 2.1.7 asks for a
// breached-password check, and these are the ones attackers try first.
const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'password1234',
  'passwordpassword',
  'qwertyuiop12',
  'qwerty123456',
  'iloveyou1234',
  'admin1234567',
  'administrator',
  'indonesia123',
  'indonesia1945',
  'merdeka17845',
  'bismillah123',
  'bismillah1234',
  'sayangku1234',
  'rahasia12345',
  'katasandi123',
  'palu12345678',
  'sulawesitengah',
  'cpns20242024',
  'asnbangga123',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123abc123',
  'welcome12345',
  'letmein12345',
  'superman1234',
  'football1234',
  'sandi1234567',
]);

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: { email?: string; nik?: string; name?: string },
): Msg | null {
  const length = [...password].length;
  if (length < 12 || length > 128) {
    return msg('Kata sandi minimal 12 dan maksimal 128 karakter.', 'Password must be 12 to 128 characters long.');
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890)+\d*$/.test(password)) {
    return msg(
      'Kata sandi ini terlalu umum dan mudah ditebak. Gunakan kalimat yang mudah Anda ingat, mis. "kopi tubruk di teluk palu".',
      'This password is too common. Use a phrase you can remember instead.',
    );
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if ((context.nik && password.includes(context.nik)) || (local && local.length >= 4 && lower.includes(local))) {
    return msg(
      'Kata sandi tidak boleh memuat NIK atau alamat email Anda.',
      'Password must not contain your NIK or e-mail address.',
    );
  }
  return null;
}
