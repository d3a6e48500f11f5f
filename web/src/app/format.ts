/** Date-time display in Palu's own time zone (WITA, UTC+8), whatever the phone's setting. */
import type { Lang } from '../../../common/contracts/messages.ts';
import { localeOf } from './lang.ts';

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat(localeOf(lang), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Makassar',
  }).format(d);
  return `${text} WITA`;
}

/** Calendar date only (Palu time), for lists where the hour adds nothing. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'Asia/Makassar' }).format(d);
}
