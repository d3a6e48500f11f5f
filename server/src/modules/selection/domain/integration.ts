/**
 * Final integration of SKD and SKB (RULES.md §2.5–2.6): nilai akhir = 40 % × (SKD / 550 × 100)
 * + 60 % × SKB, ranked per formation with the PermenPANRB 6/2024 Pasal 45(4) tie-breaks.
 *
 * Exact arithmetic: SKB arrives in hundredths (0–10000), so the final score is the fraction
 * N / D with N = 40·10000·skd + 60·550·skb₁₀₀ and D = 550·10000, all integers far below 2^53.
 * Comparing N compares final scores exactly; rounding to 3 decimals is done on integers.
 */
import { compareBytes } from './byte-order.ts';
import { formationOrder, type Formation } from './ranking.ts';

/** Weights of the final score as data (PermenPANRB 6/2024; same 40/60 in 2021). */
export const INTEGRATION_WEIGHTS = Object.freeze({
  regulation: 'PermenPANRB 6/2024',
  skdPercent: 40,
  skbPercent: 60,
  skdMax: 550,
});

const HUNDREDTHS = 100;
/** Denominator D of the exact final score N / D (the score is on 0–100). */
export const FINAL_DENOMINATOR = INTEGRATION_WEIGHTS.skdMax * HUNDREDTHS * 100;

/**
 * Numerator N of the exact final score N / FINAL_DENOMINATOR for an SKD total and an SKB score in
 * hundredths: 40·(skd/550·100)/100 + 60·(skb/100)/100 brought over the common denominator.
 */
export function finalNumerator(skdTotal: number, skbHundredths: number): number {
  const { skdPercent, skbPercent, skdMax } = INTEGRATION_WEIGHTS;
  return skdPercent * HUNDREDTHS * 100 * skdTotal + skbPercent * skdMax * skbHundredths;
}

/** The final score in thousandths rounded half up: floor((2000·N + D) / 2D), exact on integers. */
export function roundFinalThousandths(numerator: number): number {
  const a = 2000 * numerator + FINAL_DENOMINATOR;
  const b = 2 * FINAL_DENOMINATOR;
  return (a - (a % b)) / b;
}

/** One participant who advanced to SKB, with the SKB outcome and the tie-break data. */
export interface IntegrationEntry {
  /** Index into the formations array. */
  readonly formation: number;
  readonly participantNo: string;
  readonly twk: number;
  readonly tiu: number;
  readonly tkp: number;
  /** SKB score in hundredths (0–10000), null when absent from SKB (TH). */
  readonly skbHundredths: number | null;
  /** The SKB score exactly as given in skb.csv, published unchanged. */
  readonly skbText: string;
  /** IPK or rata-rata nilai ijazah in hundredths; only compared when SKB is present. */
  readonly ipkHundredths: number;
  /**
   * The last tie-break as a string whose byte order is "first": a birth date YYYY-MM-DD (older
   * first; skb.csv files with ipk and birth_date), or the published `tie_order` zero-padded, with
   * ipkHundredths then 0 for everyone (see tieOrderWithinScores). One skb.csv holds one kind only.
   */
  readonly ageKey: string;
}

export type FinalResult = 'L' | 'TL' | 'TH';

/** One published line of final.csv, typed. */
export interface FinalRow {
  readonly formationId: string;
  readonly participantNo: string;
  readonly skdTotal: number;
  readonly skbText: string;
  /** Final score in thousandths, rounded half up; null for TH. */
  readonly finalThousandths: number | null;
  readonly rank: number | null;
  readonly result: FinalResult;
}

interface Keyed {
  readonly e: IntegrationEntry;
  readonly pos: number;
  readonly present: boolean;
  readonly skd: number;
  readonly n: number;
}

/**
 * Compares two present candidates of a formation by PermenPANRB 6/2024 Pasal 45(4) as cited in
 * RULES.md §2.6: final score, SKD total, TKP, TIU, TWK, IPK (higher first), then the older
 * candidate (earlier birth date) first; zero means fully equal, so they share a rank.
 */
export function compareFinal(a: IntegrationEntry, b: IntegrationEntry): number {
  const sa = a.twk + a.tiu + a.tkp;
  const sb = b.twk + b.tiu + b.tkp;
  const na = finalNumerator(sa, a.skbHundredths ?? 0);
  const nb = finalNumerator(sb, b.skbHundredths ?? 0);
  return (
    nb - na ||
    sb - sa ||
    b.tkp - a.tkp ||
    b.tiu - a.tiu ||
    b.twk - a.twk ||
    b.ipkHundredths - a.ipkHundredths ||
    (a.ageKey < b.ageKey ? -1 : a.ageKey > b.ageKey ? 1 : 0)
  );
}

/** Zero-pads a published `tie_order` so that byte order is numeric order (ageKey). */
export const tieOrderKey = (n: number) => String(n).padStart(10, '0');

/**
 * What the published skb.csv says instead of IPK and birth date (personal data): per participant
 * with an SKB score, their order among the candidates of the same formation tied with them on
 * final score, SKD total, TKP, TIU and TWK — by IPK (higher first), then age (older first); equal
 * on both share a number; 1 for a candidate tied with nobody. Ranking on it (IPK equal for all,
 * the order as the age key) gives exactly the ranking on IPK and birth dates. `entries`' ageKey
 * must be birth dates. Returns a number per entry (null for TH), in the entries' order.
 */
export function tieOrderWithinScores(entries: readonly IntegrationEntry[]): (number | null)[] {
  const out: (number | null)[] = entries.map(() => null);
  const present = entries.map((e, i) => ({ e, i })).filter((x) => x.e.skbHundredths !== null);
  const scoresOnly = (a: IntegrationEntry, b: IntegrationEntry) =>
    compareFinal({ ...a, ipkHundredths: 0, ageKey: '' }, { ...b, ipkHundredths: 0, ageKey: '' });
  const personal = (a: IntegrationEntry, b: IntegrationEntry) =>
    b.ipkHundredths - a.ipkHundredths || (a.ageKey < b.ageKey ? -1 : a.ageKey > b.ageKey ? 1 : 0);
  present.sort((x, y) => x.e.formation - y.e.formation || scoresOnly(x.e, y.e) || personal(x.e, y.e));
  let order = 0;
  for (let k = 0; k < present.length; k++) {
    const cur = present[k]!;
    const prev = k > 0 ? present[k - 1]! : null;
    if (prev === null || prev.e.formation !== cur.e.formation || scoresOnly(prev.e, cur.e) !== 0) order = 1;
    else if (personal(prev.e, cur.e) !== 0) order++;
    out[cur.i] = order;
  }
  return out;
}

/**
 * Ranks SKB participants per formation on the integrated score; rank ≤ quota → L, otherwise TL,
 * and a participant with no SKB score is TH without a rank. Rows come in publication order:
 * formation_id (bytes), ranked rows by rank then participant_no, then TH rows by participant_no.
 */
export function integrate(formations: readonly Formation[], entries: readonly IntegrationEntry[]): FinalRow[] {
  const fOrder = formationOrder(formations);
  const position = new Int32Array(formations.length);
  for (let p = 0; p < fOrder.length; p++) position[fOrder[p]!] = p;
  const keyed: Keyed[] = entries.map((e) => {
    const skd = e.twk + e.tiu + e.tkp;
    return {
      e,
      pos: position[e.formation]!,
      present: e.skbHundredths !== null,
      skd,
      n: e.skbHundredths === null ? 0 : finalNumerator(skd, e.skbHundredths),
    };
  });
  keyed.sort(
    (a, b) =>
      a.pos - b.pos ||
      (a.present === b.present ? 0 : a.present ? -1 : 1) ||
      (a.present ? compareFinal(a.e, b.e) : 0) ||
      compareBytes(a.e.participantNo, b.e.participantNo),
  );
  const out: FinalRow[] = [];
  let pos = -1;
  let seen = 0;
  let rank = 0;
  let prev: IntegrationEntry | null = null;
  for (const k of keyed) {
    const f = formations[k.e.formation]!;
    if (k.pos !== pos) {
      pos = k.pos;
      seen = 0;
      prev = null;
    }
    if (!k.present) {
      out.push({
        formationId: f.id,
        participantNo: k.e.participantNo,
        skdTotal: k.skd,
        skbText: '',
        finalThousandths: null,
        rank: null,
        result: 'TH',
      });
      continue;
    }
    seen++;
    if (prev === null || compareFinal(prev, k.e) !== 0) rank = seen;
    prev = k.e;
    out.push({
      formationId: f.id,
      participantNo: k.e.participantNo,
      skdTotal: k.skd,
      skbText: k.e.skbText,
      finalThousandths: roundFinalThousandths(k.n),
      rank,
      result: rank <= f.quota ? 'L' : 'TL',
    });
  }
  return out;
}
