/**
 * Days to a deadline in words, for tables: "sisa 12 hari", "hari ini", "terlambat 189 hari" —
 * never a bare negative number a reader has to decode.
 */
export type DaysLeftLang = 'id' | 'en';

/** `daysLeft` is the deadline minus today in calendar days (negative = past it). */
export function daysLeftWords(daysLeft: number, lang: DaysLeftLang = 'id'): string {
  if (daysLeft === 0) return lang === 'id' ? 'berakhir hari ini' : 'ends today';
  if (daysLeft < 0)
    return lang === 'id' ? `terlambat ${-daysLeft} hari` : `${-daysLeft} ${-daysLeft === 1 ? 'day' : 'days'} late`;
  return lang === 'id' ? `sisa ${daysLeft} hari` : `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left`;
}
