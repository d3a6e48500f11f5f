/** Language choice: Bahasa Indonesia unless the person picked English (cookie or localStorage). */
import type { Lang } from '../../../common/contracts/messages.ts';
import { readCookie } from './api.ts';

export const LANG_COOKIE = 'merit_lang';
export const LANG_STORAGE_KEY = 'merit_lang';
export const DEFAULT_LANG: Lang = 'id';

const isLang = (v: unknown): v is Lang => v === 'id' || v === 'en';

/**
 * The cookie wins because the server reads it for its messages; localStorage is the fallback
 * when the cookie was cleared. The browser's own language is deliberately ignored: the service
 * speaks Indonesian first.
 */
export function pickInitialLang(cookieString: string, stored: string | null): Lang {
  const fromCookie = readCookie(cookieString, LANG_COOKIE);
  if (isLang(fromCookie)) return fromCookie;
  if (isLang(stored)) return stored;
  return DEFAULT_LANG;
}

/** The Set-Cookie-style string the SPA writes so the server answers in the same language. */
export function langCookie(lang: Lang): string {
  return `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
}

/** BCP 47 locale used for dates and numbers. */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}
