/**
 * Jabatan kritikal and the kelompok rencana suksesi (PROFESSIONALISM.md §2.5–§2.6, §6): for a critical
 * post, the candidates in the KRS boxes ranked by their gap to the post's standar kompetensi jabatan,
 * their readiness, and the post's vacancy risk (retirement of the holder, an acting official). The
 * list is evidence for the legal filling routes (seleksi terbuka JPT etc.), never a decision (§2.6).
 * Pure: the post, the candidates, the rules and the date are parameters.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { parseIsoDate } from '../../../../../common/rules/calendar.ts';
import { parseNip } from '../../../../../common/rules/nip.ts';
import type { Cell, JabatanType } from './ip-asn.ts';
import { type BoxNumber, KINERJA_LEVELS, type KinerjaLevel, monthsBetween } from './talent.ts';

// ── Competency gap ──

/** The three kompetensi of a standar kompetensi jabatan (PermenPANRB 38/2017; issue 27 §3). */
export const COMPETENCY_AREAS = ['manajerial', 'sosialKultural', 'teknis'] as const;
export type CompetencyArea = (typeof COMPETENCY_AREAS)[number];
export type CompetencyLevels = Record<CompetencyArea, number>;
export const COMPETENCY_AREA_LABELS: Record<CompetencyArea, Msg> = {
  manajerial: msg('Manajerial', 'Managerial'),
  sosialKultural: msg('Sosial-kultural', 'Socio-cultural'),
  teknis: msg('Teknis', 'Technical'),
};

export interface CompetencyGap {
  /** Sum of shortfalls; a level above the standard does not offset another's shortfall. */
  total: number;
  byArea: Record<CompetencyArea, number>;
  /** Areas with no measured level: counted as a full shortfall (level 0), and named so the page says so. */
  unmeasured: CompetencyArea[];
}

/**
 * Gap to the standard = Σ max(0, required − held) over manajerial, sosial-kultural and teknis. Derived
 * (§2.2 "IDP from gap analysis", §2.6 "a successor list … next to any match score", §6): no source
 * gives the formula; a sum of shortfalls keeps a surplus in one area from hiding a gap in another.
 * An unmeasured area counts as level 0, so a candidate is never ranked up for missing data.
 */
export function competencyGap(
  standard: CompetencyLevels,
  held: Partial<Record<CompetencyArea, number | null>>,
): CompetencyGap {
  const byArea = {} as Record<CompetencyArea, number>;
  const unmeasured: CompetencyArea[] = [];
  for (const a of COMPETENCY_AREAS) {
    const level = held[a];
    if (level === null || level === undefined) unmeasured.push(a);
    byArea[a] = Math.max(0, standard[a] - (level ?? 0));
  }
  return { total: COMPETENCY_AREAS.reduce((s, a) => s + byArea[a], 0), byArea, unmeasured };
}

// ── Readiness ──

export const READINESS = ['siap_sekarang', 'satu_dua_tahun', 'lebih_dua_tahun'] as const;
export type Readiness = (typeof READINESS)[number];
export const READINESS_LABELS: Record<Readiness, Msg> = {
  siap_sekarang: msg('Siap sekarang', 'Ready now'),
  satu_dua_tahun: msg('Siap 1–2 tahun', 'Ready in 1–2 years'),
  lebih_dua_tahun: msg('Lebih dari 2 tahun', 'More than 2 years'),
};

/**
 * Readiness thresholds. No source gives a rule (§2.6, §8 no. 4); provisional default: no gap → ready
 * now; a gap of at most 2 levels (one development cycle closes about one level a year) → 1–2 years;
 * more → over 2 years. Only a box at or above `minBoxNow` (KRS, §2.5) can be ready now.
 */
export interface ReadinessRule {
  nowMaxGap: number;
  soonMaxGap: number;
  minBoxNow: number;
  verified: boolean;
  note: string;
}
export const DEFAULT_READINESS_RULE: ReadinessRule = Object.freeze({
  nowMaxGap: 0,
  soonMaxGap: 2,
  minBoxNow: 7,
  verified: false,
  note: 'Tidak ada aturan kesiapan dalam sumber (PROFESSIONALISM.md §2.6, §8 no. 4); ambang sementara.',
});

/** A candidate's readiness from the gap and box under a rule (provisional default, see the rule). */
export function readinessOf(gap: number, box: BoxNumber, rule: ReadinessRule = DEFAULT_READINESS_RULE): Readiness {
  if (gap <= rule.nowMaxGap && box >= rule.minBoxNow) return 'siap_sekarang';
  if (gap <= rule.soonMaxGap) return 'satu_dua_tahun';
  return 'lebih_dua_tahun';
}

// ── The succession group ──

export interface CriticalPost {
  id: string;
  standard: CompetencyLevels;
  /** The boxes that form the KRS for this post; default 7–9 (§2.5, §6). */
  krsBoxes?: readonly BoxNumber[];
}

export interface Candidate {
  pegawaiId: string;
  name: string;
  box: BoxNumber;
  kinerja: KinerjaLevel;
  levels: Partial<Record<CompetencyArea, number | null>>;
}

export interface RankedCandidate extends Candidate {
  rank: number;
  gap: CompetencyGap;
  readiness: Readiness;
}

export const DEFAULT_KRS_BOXES: readonly BoxNumber[] = Object.freeze([7, 8, 9]);

/**
 * The succession group of a critical post: candidates in the post's KRS boxes, ranked by the gap to
 * its standard (smallest first), then box (higher first), then kinerja (di atas first), then name —
 * §2.6 "ranked by talent score, showing kinerja and box next to any match score" (derived order).
 */
export function successionGroup(
  post: CriticalPost,
  candidates: readonly Candidate[],
  rule: ReadinessRule = DEFAULT_READINESS_RULE,
): RankedCandidate[] {
  const boxes = post.krsBoxes ?? DEFAULT_KRS_BOXES;
  return candidates
    .filter((c) => boxes.includes(c.box))
    .map((c) => {
      const gap = competencyGap(post.standard, c.levels);
      return { ...c, rank: 0, gap, readiness: readinessOf(gap.total, c.box, rule) };
    })
    .sort(
      (a, b) =>
        a.gap.total - b.gap.total ||
        b.box - a.box ||
        KINERJA_LEVELS.indexOf(a.kinerja) - KINERJA_LEVELS.indexOf(b.kinerja) ||
        a.name.localeCompare(b.name, 'id') ||
        a.pegawaiId.localeCompare(b.pegawaiId),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }));
}

// ── Vacancy risk: retirement (BUP) and acting officials ──

/** Jenjang of a jabatan fungsional (their BUP differ). */
export const FUNGSIONAL_JENJANG = ['ahli_utama', 'ahli_madya', 'ahli_muda', 'ahli_pertama', 'keterampilan'] as const;
export type FungsionalJenjang = (typeof FUNGSIONAL_JENJANG)[number];

/**
 * Batas usia pensiun. PROFESSIONALISM.md does not state it; taken from UU 5/2014 Pasal 90 and PP 11/2017
 * Pasal 239(2): 58 for pejabat administrasi (administrator, pengawas, pelaksana) and JF ahli muda,
 * ahli pertama and keterampilan; 60 for JPT and JF ahli madya; 65 for JF ahli utama. Not checked
 * against UU 20/2023's implementing rules, hence unverified data. Special JF (guru, dosen, …) with
 * their own BUP are set per post (`CriticalPost`-level override in the caller).
 */
export const BUP_AGES: { administrasi: Cell; jpt: Cell } & Record<FungsionalJenjang, Cell> = Object.freeze({
  administrasi: { points: 58, verified: false, note: 'UU 5/2014 Ps. 90 huruf a; PP 11/2017 Ps. 239(2)' },
  jpt: { points: 60, verified: false, note: 'UU 5/2014 Ps. 90 huruf b; PP 11/2017 Ps. 239(2)' },
  ahli_utama: { points: 65, verified: false, note: 'PP 11/2017 Ps. 239(2) huruf c' },
  ahli_madya: { points: 60, verified: false, note: 'PP 11/2017 Ps. 239(2) huruf b' },
  ahli_muda: { points: 58, verified: false, note: 'PP 11/2017 Ps. 239(2) huruf a' },
  ahli_pertama: { points: 58, verified: false, note: 'PP 11/2017 Ps. 239(2) huruf a' },
  keterampilan: { points: 58, verified: false, note: 'PP 11/2017 Ps. 239(2) huruf a' },
});

/** The BUP for a post: by its jenis jabatan and, for a JF, its jenjang (no jenjang → 58, the lowest). */
export function bupAgeFor(jabatan: JabatanType, jenjang: FungsionalJenjang | null = null): number {
  if (jabatan === 'jpt') return BUP_AGES.jpt.points;
  if (jabatan === 'fungsional') return BUP_AGES[jenjang ?? 'ahli_pertama'].points;
  return BUP_AGES.administrasi.points;
}

/**
 * The date a PNS retires: the first day of the month after the month they reach the BUP (BKN's
 * practice for the TMT pensiun, "terhitung mulai tanggal 1 bulan berikutnya"; the article was not read
 * in the shared documents, so treat it as unverified). Born 1966-03-15 with BUP 58 → 2024-04-01; born
 * on the 1st → still the next month.
 */
export function retirementDate(birthDate: string, bupAge: number): string {
  const b = parseIsoDate(birthDate);
  if (!b) throw new Error(`not a date: ${birthDate}`);
  const year = b.year + bupAge + (b.month === 12 ? 1 : 0);
  const month = b.month === 12 ? 1 : b.month + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** The retirement date from an NIP (digits 1–8 = birth date, common/rules/nip.ts), or null for a bad NIP. */
export function retirementDateFromNip(nip: string, bupAge: number): string | null {
  const parsed = parseNip(nip);
  return parsed.ok ? retirementDate(parsed.parts.birthDate, bupAge) : null;
}

export const RISK_LEVELS = ['tinggi', 'sedang', 'rendah'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RISK_LABELS: Record<RiskLevel, Msg> = {
  tinggi: msg('Tinggi', 'High'),
  sedang: msg('Sedang', 'Medium'),
  rendah: msg('Rendah', 'Low'),
};

/** Months-to-retirement thresholds (derived, provisional: a JPT open selection takes months to run). */
export interface VacancyRiskRule {
  highWithinMonths: number;
  mediumWithinMonths: number;
  verified: boolean;
  note: string;
}
export const DEFAULT_VACANCY_RULE: VacancyRiskRule = Object.freeze({
  highWithinMonths: 12,
  mediumWithinMonths: 24,
  verified: false,
  note: 'Ambang turunan (tidak ada dalam sumber): ≤ 12 bulan menuju BUP tinggi, ≤ 24 bulan sedang.',
});

export interface VacancyInput {
  asOf: string;
  /** The holder's NIP, or null when the post is vacant. */
  holderNip: string | null;
  /** The post is held by an acting official (Plt/Plh) rather than a definitive holder. */
  acting: boolean;
  bupAge: number;
}

export interface VacancyRisk {
  level: RiskLevel;
  retirementDate: string | null;
  monthsToRetirement: number | null;
  reasons: Msg[];
}

/**
 * The vacancy risk of a critical post (issue 27 §3): vacant or held by a Plt → high; a holder within
 * `highWithinMonths` of retirement → high, within `mediumWithinMonths` → medium; else low. Months are
 * whole months from `asOf` to the retirement date (0 once it has passed).
 */
export function vacancyRisk(input: VacancyInput, rule: VacancyRiskRule = DEFAULT_VACANCY_RULE): VacancyRisk {
  const reasons: Msg[] = [];
  let level: RiskLevel = 'rendah';
  const raise = (to: RiskLevel) => {
    if (RISK_LEVELS.indexOf(to) < RISK_LEVELS.indexOf(level)) level = to;
  };
  if (input.holderNip === null) {
    raise('tinggi');
    reasons.push(msg('Jabatan kosong.', 'The post is vacant.'));
  }
  if (input.acting) {
    raise('tinggi');
    reasons.push(msg('Dijabat pelaksana tugas (Plt).', 'Held by an acting official (Plt).'));
  }
  const date = input.holderNip === null ? null : retirementDateFromNip(input.holderNip, input.bupAge);
  const months = date === null ? null : Math.max(0, monthsBetween(input.asOf, date));
  if (input.holderNip !== null && date === null)
    reasons.push(
      msg(
        'NIP pemangku tidak terbaca; tanggal pensiun tidak dapat dihitung.',
        "The holder's NIP cannot be read; no retirement date.",
      ),
    );
  if (date !== null && months !== null) {
    if (months <= rule.highWithinMonths) raise('tinggi');
    else if (months <= rule.mediumWithinMonths) raise('sedang');
    if (months <= rule.mediumWithinMonths)
      reasons.push(
        msg(
          `Pemangku mencapai BUP ${input.bupAge} tahun; pensiun ${date} (${months} bulan lagi).`,
          `The holder reaches the retirement age ${input.bupAge}; retires ${date} (in ${months} months).`,
        ),
      );
  }
  return { level, retirementDate: date, monthsToRetirement: months, reasons };
}
