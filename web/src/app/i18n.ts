/**
 * i18next set up with Bahasa Indonesia as default; switching also tells the server (cookie).
 * Only the active language is loaded: the Indonesian core texts ship with the app, English comes
 * on demand, and each feature's texts come with its pages (app/texts.ts).
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../common/contracts/messages.ts';
import { FIELD_MESSAGES } from '../../../common/contracts/messages.ts';
import { langCookie, LANG_STORAGE_KEY, pickInitialLang } from './lang.ts';
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
  await Promise.all([loadCoreTexts(lang), loadFeatureTexts(lang)]);
  await i18n.changeLanguage(lang);
}

async function loadCoreTexts(lang: Lang): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation') && i18n.exists('app.name', { lng: lang })) return;
  const texts = lang === 'en' ? (await import('./locales/en.ts')).en : id;
  i18n.addResourceBundle(lang, 'translation', texts, true, true);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'id';
}

// ── Feature texts: loaded with the page that needs them, only in the active language. A feature's
// `i18n.ts` calls `featureTexts` with a loader per language; its top-level await holds the page's
// module until the texts are in, so nothing renders a raw key. Switching language first loads the
// other language of every feature seen so far.

/** A translation with exactly the keys of the Indonesian original (checked by tsc). */
export type Texts<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? Texts<U>[]
    : { [K in keyof T]: Texts<T[K]> };

type Loader = Record<Lang, () => Promise<{ default: object }>>;
const loaders = new Map<string, Loader>();
const loaded = new Set<string>();

async function ensure(key: string, lang: Lang): Promise<void> {
  const loader = loaders.get(key);
  if (!loader || loaded.has(`${key}:${lang}`)) return;
  const texts = (await loader[lang]()).default;
  // Deep merge: the core bundle may already hold a subtree (e.g. menu labels) under the same key.
  i18n.addResourceBundle(lang, 'translation', { [key]: texts }, true, true);
  loaded.add(`${key}:${lang}`);
}

/** Registers a feature's texts under `key.` and loads them in the active language. */
export async function featureTexts(key: string, loader: Loader): Promise<void> {
  loaders.set(key, loader);
  // Unit tests import pages' modules without a browser: nothing to load into.
  if (!i18n.isInitialized) return;
  await ensure(key, i18n.language === 'en' ? 'en' : 'id');
}

/** Loads every registered feature's texts in a language (before switching to it). */
export async function loadFeatureTexts(lang: Lang): Promise<void> {
  await Promise.all([...loaders.keys()].map((key) => ensure(key, lang)));
}

/**
 * Starts i18next in the chosen language; resolves once its core texts are in. Runs when this module
 * is first imported, before any page module (whose feature texts wait for it) is evaluated.
 */
async function initI18n(): Promise<void> {
  const lang = pickInitialLang(document.cookie, storedLang());
  // Keep the cookie in step so server messages match the UI from the first request.
  document.cookie = langCookie(lang);
  document.documentElement.lang = lang;
  await i18n.use(initReactI18next).init({
    resources: { id: { translation: id } },
    lng: lang,
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (lang === 'en') await loadCoreTexts('en');
}

// Unit tests import modules that import this one without a browser.
if (typeof document !== 'undefined') await initI18n();

/**
 * Text for a client-side validation message: the shared FIELD_MESSAGES key (`nik.format`), else a
 * web key under `validation.`, else the message itself: zod's wording is replaced by ours
 * (zod-messages.ts), already in the person's language.
 */
export function validationText(message: string | undefined, lang: Lang): string {
  if (!message) return i18n.t('validation.generic');
  const shared = FIELD_MESSAGES[message];
  if (shared) return shared[lang];
  // Web keys contain dots ('consent.required'), so look them up in the object, not as a path.
  const web = i18n.getResource(lang, 'translation', 'validation') as Record<string, string> | undefined;
  return web?.[message] ?? message;
}
