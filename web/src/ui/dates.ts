/**
 * Dates as people in Palu write them: `12/03/1999` and `08.00` (24-hour), whatever language the
 * browser is set to — Chromium's own date inputs follow the browser's locale (mm/dd/yyyy, AM/PM).
 * Pure: the form keeps ISO values (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`), the input shows these.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`; anything else is returned as it is. */
export function isoToIdDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * What a person typed → `YYYY-MM-DD`, or null when it is not a real day. Accepts `12/3/1999`,
 * `12-03-1999`, `12.03.1999` and an ISO date pasted as is.
 */
export function idDateToIso(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const id = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (id) [d, m, y] = [Number(id[1]), Number(id[2]), Number(id[3])];
  else return null;
  return validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** `YYYY-MM-DDTHH:MM` → `DD/MM/YYYY HH.MM`; anything else is returned as it is. */
export function isoToIdDateTime(local: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(local);
  return m ? `${isoToIdDate(m[1]!)} ${m[2]}.${m[3]}` : local;
}

/** `12/03/2026 08.00` (or `08:00`, or an ISO local date-time) → `YYYY-MM-DDTHH:MM`, or null. */
export function idDateTimeToIso(text: string): string | null {
  const t = text.trim().replace('T', ' ');
  const m = /^(\S+)\s+(\d{1,2})[.:](\d{2})$/.exec(t);
  if (!m) return null;
  const day = idDateToIso(m[1]!);
  const [h, min] = [Number(m[2]), Number(m[3])];
  if (!day || h > 23 || min > 59) return null;
  return `${day}T${pad(h)}:${pad(min)}`;
}
