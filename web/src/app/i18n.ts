/** i18next set up with Bahasa Indonesia as default; switching also tells the server (cookie). */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../common/contracts/messages.ts';
import { FIELD_MESSAGES } from '../../../common/contracts/messages.ts';
import { langCookie, LANG_STORAGE_KEY, pickInitialLang } from './lang.ts';
import { en } from './locales/en.ts';
import { id } from './locales/id.ts';

function storedLang(): string | null {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Applies a language everywhere it matters: i18next, <html lang>, the cookie and localStorage. */
export async function setLanguage(lang: Lang): Promise<void> {
  document.cookie = langCookie(lang);
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode: the cookie alone is enough.
  }
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'id';
}

export function initI18n() {
  const lang = pickInitialLang(document.cookie, storedLang());
  // Keep the cookie in step so server messages match the UI from the first request.
  document.cookie = langCookie(lang);
  document.documentElement.lang = lang;
  void i18n.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

/**
 * Text for a client-side validation message: the shared FIELD_MESSAGES key (`nik.format`), else a
 * web key under `validation.`, else a generic hint — never zod's English default.
 */
export function validationText(message: string | undefined, lang: Lang): string {
  if (!message) return i18n.t('validation.generic');
  const shared = FIELD_MESSAGES[message];
  if (shared) return shared[lang];
  // Web keys contain dots ('consent.required'), so look them up in the object, not as a path.
  const web = i18n.getResource(lang, 'translation', 'validation') as Record<string, string> | undefined;
  return web?.[message] ?? i18n.t('validation.generic');
}
