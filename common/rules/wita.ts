/**
 * Dates and times as Palu reads them (WITA, UTC+8, no daylight saving; RULES.md §7), through Intl
 * with the Asia/Makassar zone, so neither the server's nor the phone's own zone ever shows. PDFs,
 * e-mails and pages all format here.
 */
export type DisplayLang = 'id' | 'en';

export const PALU_TIME_ZONE = 'Asia/Makassar';
const LOCALE: Record<DisplayLang, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(
  lang: DisplayLang,
  options: Intl.DateTimeFormatOptions,
  timeZone = PALU_TIME_ZONE,
): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

const instant = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);

/** The Palu calendar date of an instant, spelled out: "3 Desember 2026" / "3 December 2026". */
export function formatWitaDate(at: Date | string, lang: DisplayLang = 'id'): string {
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(instant(at));
}

/** The Palu clock time of an instant, 24-hour: "08.05" (id) / "08:05" (en). */
export function formatWitaTime(at: Date | string, lang: DisplayLang = 'id'): string {
  return formatter(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant(at));
}

/** Date and time in Palu with the zone named: "3 Desember 2026, 08.05 WITA". */
export function formatWitaDateTime(at: Date | string, lang: DisplayLang = 'id'): string {
  return `${formatWitaDate(at, lang)}, ${formatWitaTime(at, lang)} WITA`;
}

/** A calendar date with no time of day (a birth date, `YYYY-MM-DD`), spelled out; "-" when missing. */
export function formatCalendarDate(isoDate: string | null | undefined, lang: DisplayLang = 'id'): string {
  if (!isoDate) return '-';
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return formatter(lang, { day: 'numeric', month: 'long', year: 'numeric' }, 'UTC').format(d);
}

/** An instant as the value of a `datetime-local` input in Palu: "2026-05-01T08:00"; '' when invalid. */
export function witaDateTimeLocal(at: Date | string): string {
  const when = instant(at);
  if (Number.isNaN(when.getTime())) return '';
  const options = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  } as const;
  const part = Object.fromEntries(
    formatter('en', options)
      .formatToParts(when)
      .map((p) => [p.type, p.value]),
  );
  return `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}`;
}
