/** Turns react-hook-form errors into text in the current language (client keys or server text). */
import type { FieldErrors, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationText } from './i18n.ts';

export function useFieldErrors<T extends FieldValues>(errors: FieldErrors<T>) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (name: keyof T & string): string | undefined => {
    const e = errors[name];
    if (!e) return undefined;
    const message = typeof e.message === 'string' ? e.message : undefined;
    return e.type === 'server' ? message : validationText(message, lang);
  };
}
