/**
 * SKB components and their weights per formation (RULES.md §2.4): for instansi daerah the CAT SKB
 * carries at least 50 %, additional tests (SKB tambahan) at most 40 % in total, and there is no
 * interview; weights are whole percentages summing to 100. Pure; the weighted score is exact.
 */
import { msg, type Msg } from '../../../../../common/contracts/messages.ts';

export type SkbComponentKind = 'cat' | 'tambahan' | 'wawancara';

export interface SkbComponent {
  key: string; // e.g. 'cat', 'praktik'
  name: string;
  kind: SkbComponentKind;
  weightPct: number;
}

/** Why a weight scheme is refused (empty when it is valid for an instansi daerah). */
export function skbWeightProblems(components: readonly SkbComponent[]): Msg[] {
  const problems: Msg[] = [];
  const sum = components.reduce((s, c) => s + c.weightPct, 0);
  const cat = components.filter((c) => c.kind === 'cat').reduce((s, c) => s + c.weightPct, 0);
  const extra = components.filter((c) => c.kind === 'tambahan').reduce((s, c) => s + c.weightPct, 0);
  if (components.length === 0)
    problems.push(msg('Tentukan minimal satu komponen SKB (SKB CAT).', 'Define at least one SKB component (CAT SKB).'));
  if (new Set(components.map((c) => c.key)).size !== components.length)
    problems.push(msg('Kunci komponen SKB tidak boleh ganda.', 'SKB component keys must be unique.'));
  if (components.some((c) => !Number.isInteger(c.weightPct) || c.weightPct <= 0))
    problems.push(
      msg('Bobot komponen harus bilangan bulat persen lebih dari 0.', 'Weights must be whole percentages above 0.'),
    );
  if (sum !== 100)
    problems.push(msg(`Jumlah bobot harus 100%, sekarang ${sum}%.`, `Weights must add up to 100%, now ${sum}%.`));
  if (cat < 50)
    problems.push(
      msg(
        `Bobot SKB CAT minimal 50% untuk instansi daerah, sekarang ${cat}%.`,
        `CAT SKB must weigh at least 50% for regional agencies, now ${cat}%.`,
      ),
    );
  if (extra > 40)
    problems.push(
      msg(
        `Bobot SKB tambahan paling banyak 40%, sekarang ${extra}%.`,
        `Additional SKB tests may weigh at most 40%, now ${extra}%.`,
      ),
    );
  if (components.some((c) => c.kind === 'wawancara'))
    problems.push(
      msg('Instansi daerah tidak menggunakan wawancara dalam SKB.', 'Regional agencies do not use interviews in SKB.'),
    );
  return problems;
}

/** Parses a 0–100 score with at most two decimals into hundredths; null when not such a number. */
export function parseScoreHundredths(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return v <= 10_000 ? v : null;
}

/** The weighted SKB in hundredths, rounded half up: Σ score·weight / 100, on integers. */
export function weightedSkbHundredths(
  components: readonly SkbComponent[],
  scores: Readonly<Record<string, number>>,
): number {
  const numerator = components.reduce((s, c) => s + (scores[c.key] ?? 0) * c.weightPct, 0);
  return Math.floor((2 * numerator + 100) / 200);
}

/** Formats hundredths as published in skb.csv: two decimals, e.g. 8250 → "82.50". */
export const formatHundredths = (v: number) => `${Math.floor(v / 100)}.${String(v % 100).padStart(2, '0')}`;
