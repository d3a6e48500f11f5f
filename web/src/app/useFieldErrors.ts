/** Turns react-hook-form errors into text in the current language (client keys or server text). */
import { type FieldErrors, type FieldValues, type Path, get } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validationText } from './i18n.ts';
import './zod-messages.ts';

export function useFieldErrors<T extends FieldValues>(errors: FieldErrors<T>) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'id';
  return (name: Path<T>): string | undefined => {
    const e = get(errors, name) as { type?: string; message?: unknown } | undefined;
    if (!e) return undefined;
    const message = typeof e.message === 'string' ? e.message : undefined;
    return e.type === 'server' ? message : validationText(message, lang);
  };
}
