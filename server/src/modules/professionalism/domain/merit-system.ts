/**
 * Sistem Merit self-assessment of the instansi (PP 11/2017 Pasal 134; PermenPANRB 40/2018 → 19/2025;
 * KASN instrument, Peraturan KASN 9/2019; PROFESSIONALISM.md §3): aspects, indicators, an answer scale
 * and weights → a total 100–400 → Kategori I Buruk … IV Sangat Baik. Only the aspect list and the
 * category bands are settled by a source (§3.2–§3.3); indicator texts, their number, the answer scale
 * and the weights were not found (§7), so the instrument is versioned data with those parts marked
 * provisional. Where Merit holds evidence, a suggested answer is computed with its reason; the person
 * filling in confirms or overrides it with a reason. Pure.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import type { FieldProblem } from './ip-asn-edit.ts';
import type { Cell } from './ip-asn.ts';

// ── Catalogues ──

/** What Merit itself can show as evidence (issue 27 §4). */
export const EVIDENCE_KEYS = [
  'open_selection',
  'objection_on_time',
  'complaint_sla',
  'training_20jp',
  'skp_coverage',
  'skp_finalised',
  'ip_asn_coverage',
  'talent_pool',
  'succession_plans',
  'information_system',
] as const;
export type EvidenceKey = (typeof EVIDENCE_KEYS)[number];

export const KATEGORI = ['I', 'II', 'III', 'IV'] as const;
export type Kategori = (typeof KATEGORI)[number];
export const KATEGORI_LABELS: Record<Kategori, Msg> = {
  I: msg('Kategori I — Buruk', 'Category I — Poor'),
  II: msg('Kategori II — Kurang', 'Category II — Fair'),
  III: msg('Kategori III — Baik', 'Category III — Good'),
  IV: msg('Kategori IV — Sangat Baik', 'Category IV — Very good'),
};

// ── The instrument ──

export interface MeritIndicator {
  id: string;
  text: Msg;
  /** Relative weight inside its aspect. */
  weight: number;
  /** The evidence Merit holds for it, if any. */
  evidence: EvidenceKey | null;
  verified: boolean;
  note: string;
}

export interface MeritAspect {
  id: string;
  name: Msg;
  /** Relative weight of the aspect in the total (normalised over the aspects). */
  weight: Cell;
  indicators: MeritIndicator[];
}

export interface MeritInstrument {
  version: string;
  source: string;
  verified: boolean;
  note: string;
  /** Answers are whole numbers min…max; the total is the weighted mean × 100. */
  scale: { min: number; max: number; verified: boolean; note: string };
  aspects: MeritAspect[];
  /** Lower bounds, highest first (§3.3). */
  categories: { min: number; kategori: Kategori }[];
}

const NOT_FOUND =
  'Teks indikator Peraturan KASN 9/2019 tidak ditemukan (PROFESSIONALISM.md §3.2, §7); disusun dari ringkasan bukti [S31].';
const ind = (id: string, idText: string, enText: string, evidence: EvidenceKey | null = null): MeritIndicator => ({
  id,
  text: msg(idText, enText),
  weight: 1,
  evidence,
  verified: false,
  note: NOT_FOUND,
});
const aspect = (id: string, name: Msg, indicators: MeritIndicator[]): MeritAspect => ({
  id,
  name,
  weight: {
    points: 1,
    verified: false,
    note: 'Bobot per aspek tidak ditemukan (§3.2, §7); sama rata sementara.',
  },
  indicators,
});

/**
 * The KASN instrument (2019–2024) as far as §3 gives it: the 8 aspects (verified list [S31]) and the
 * categories I–IV (verified [S32][S33]). The indicators are drafted from §3.2's evidence summary and
 * §3.1's criteria, the answer scale 1–4 and equal weights are the commonly quoted / derived reading
 * ("100–400 is consistent with a weighted average of 1–4 answers × 100", §3.3) — all provisional.
 */
export const KASN_2019: MeritInstrument = Object.freeze({
  version: 'kasn-2019',
  source: 'Peraturan KASN 9/2019 via PROFESSIONALISM.md §3.2–§3.3 [S31][S32][S33]',
  verified: false,
  note: 'Aspek dan kategori terverifikasi; indikator, skala jawaban dan bobot sementara (§7).',
  scale: { min: 1, max: 4, verified: false, note: 'Skala 1–4 yang umum dikutip; tidak ditemukan (§3.2).' },
  categories: [
    { min: 325, kategori: 'IV' },
    { min: 250, kategori: 'III' },
    { min: 175, kategori: 'II' },
    { min: 100, kategori: 'I' },
  ],
  aspects: [
    aspect('1', msg('Perencanaan kebutuhan', 'Workforce planning'), [
      ind('1.1', 'Peta jabatan, Anjab dan ABK tersedia', 'Job map, job and workload analyses exist'),
      ind('1.2', 'Rencana kebutuhan ASN 5 tahun', 'Five-year ASN needs plan'),
    ]),
    aspect('2', msg('Pengadaan', 'Recruitment'), [
      ind('2.1', 'Rencana pengadaan tahunan', 'Annual recruitment plan'),
      ind(
        '2.2',
        'Pengadaan terbuka, kompetitif, transparan dan tidak diskriminatif',
        'Open, competitive, transparent, non-discriminatory recruitment',
        'open_selection',
      ),
      ind('2.3', 'Sanggah peserta dijawab tepat waktu', 'Applicants’ objections answered on time', 'objection_on_time'),
    ]),
    aspect('3', msg('Pengembangan karier', 'Career development'), [
      ind(
        '3.1',
        'Standar kompetensi jabatan dan profil kompetensi pegawai',
        'Job competency standards and profiles',
        'ip_asn_coverage',
      ),
      ind(
        '3.2',
        'Rencana pengembangan kompetensi (20 JP per tahun)',
        'Competency development plan (20 JP a year)',
        'training_20jp',
      ),
      ind('3.3', 'Manajemen talenta (talent pool)', 'Talent management (talent pool)', 'talent_pool'),
      ind('3.4', 'Rencana suksesi jabatan kritikal', 'Succession plans for critical posts', 'succession_plans'),
    ]),
    aspect('4', msg('Promosi dan mutasi', 'Promotion and transfer'), [
      ind('4.1', 'Pola karier ditetapkan', 'Career pattern set'),
      ind(
        '4.2',
        'Pengisian jabatan secara terbuka dan kompetitif',
        'Open, competitive filling of posts',
        'open_selection',
      ),
    ]),
    aspect('5', msg('Manajemen kinerja', 'Performance management'), [
      ind(
        '5.1',
        'Penilaian kinerja objektif dan terukur bagi semua pegawai',
        'Objective, measurable appraisal for every employee',
        'skp_coverage',
      ),
      ind('5.2', 'Evaluasi kinerja berkala dan dituntaskan', 'Periodic appraisal, completed', 'skp_finalised'),
      ind('5.3', 'Hasil penilaian kinerja menjadi dasar keputusan karier', 'Appraisal results drive career decisions'),
    ]),
    aspect('6', msg('Penggajian, penghargaan, dan disiplin', 'Pay, rewards and discipline'), [
      ind('6.1', 'Tunjangan kinerja berdasarkan penilaian kinerja', 'Performance allowance based on appraisal'),
      ind('6.2', 'Penghargaan bagi pegawai berprestasi', 'Awards for high performers'),
      ind('6.3', 'Penegakan kode etik dan kode perilaku', 'Code of ethics and conduct enforced'),
    ]),
    aspect('7', msg('Perlindungan dan pelayanan', 'Protection and services'), [
      ind('7.1', 'Program perlindungan hukum dan lainnya', 'Legal and other protection programmes'),
      ind(
        '7.2',
        'Pelayanan pegawai dan pengaduan sesuai SLA',
        'Employee services and complaints within the SLA',
        'complaint_sla',
      ),
    ]),
    aspect('8', msg('Sistem informasi', 'Information system'), [
      ind(
        '8.1',
        'SIMPEG daring terintegrasi, dapat diakses semua ASN, dengan jejak audit',
        'Online, integrated HR system open to all ASN, with an audit trail',
        'information_system',
      ),
      ind('8.2', 'E-office', 'E-office'),
    ]),
  ],
}) as MeritInstrument;

/**
 * Why an instrument version cannot be used (empty = usable), one Indonesian message per field: a
 * version name, a whole-number scale, aspects with a positive weight and at least one indicator,
 * unique indicator ids with positive weights and known evidence keys, and categories with falling
 * lower bounds whose lowest is the scale's floor × 100 (§3.3: 100 on a 1–4 scale).
 */
export function validateMeritInstrument(inst: MeritInstrument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, id: string, en: string) => problems.push({ field, message: msg(id, en) });
  if (!inst.version?.trim()) add('version', 'Nama versi wajib diisi.', 'The version name is required.');
  const { min, max } = inst.scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max <= min)
    add(
      'scale',
      'Skala jawaban harus bilangan bulat dengan batas atas > batas bawah.',
      'The answer scale must be whole numbers, top above bottom.',
    );
  if (inst.aspects.length === 0)
    add('aspects', 'Instrumen harus punya minimal satu aspek.', 'The instrument needs at least one aspect.');
  const seen = new Set<string>();
  inst.aspects.forEach((a, ai) => {
    if (!(a.weight.points > 0))
      add(`aspects.${ai}.weight`, `Bobot aspek ${a.id} harus lebih dari 0.`, `Aspect ${a.id} needs a weight above 0.`);
    if (a.indicators.length === 0)
      add(
        `aspects.${ai}.indicators`,
        `Aspek ${a.id} harus punya minimal satu indikator.`,
        `Aspect ${a.id} needs at least one indicator.`,
      );
    a.indicators.forEach((i, ii) => {
      const field = `aspects.${ai}.indicators.${ii}`;
      if (seen.has(i.id))
        add(
          `${field}.id`,
          `Kode indikator ${i.id} dipakai lebih dari sekali.`,
          `Indicator code ${i.id} is used twice.`,
        );
      seen.add(i.id);
      if (!(i.weight > 0))
        add(
          `${field}.weight`,
          `Bobot indikator ${i.id} harus lebih dari 0.`,
          `Indicator ${i.id} needs a weight above 0.`,
        );
      if (i.evidence !== null && !EVIDENCE_KEYS.includes(i.evidence))
        add(
          `${field}.evidence`,
          `Bukti indikator ${i.id} tidak dikenal.`,
          `Indicator ${i.id} has an unknown evidence kind.`,
        );
    });
  });
  const c = inst.categories;
  const ordered =
    c.length === KATEGORI.length &&
    c.every((k, i) => k.kategori === KATEGORI[KATEGORI.length - 1 - i] && (i === 0 || k.min < c[i - 1]!.min)) &&
    c.at(-1)!.min === min * 100 &&
    c[0]!.min <= max * 100;
  if (!ordered)
    add(
      'categories',
      `Batas bawah kategori harus menurun IV > III > II > I, dengan Kategori I mulai dari ${min * 100}.`,
      `Category lower bounds must fall IV > III > II > I, with category I starting at ${min * 100}.`,
    );
  return problems;
}

// ── Score and category ──

/**
 * The category of a total (§3.3, verified [S32][S33]): I 100–174, II 175–249, III 250–324, IV 325–400.
 * A fraction falls to the band whose lower bound it reaches (324.6 → III, §3.3 derived, like §1.5).
 */
export function kategoriOf(score: number, instrument: MeritInstrument = KASN_2019): Kategori {
  if (!(score >= 100 && score <= 400)) throw new RangeError(`merit score out of 100–400: ${score}`);
  return (instrument.categories.find((c) => score >= c.min) ?? instrument.categories.at(-1)!).kategori;
}

/** Answers by indicator id. */
export type MeritAnswers = Record<string, number | null | undefined>;

export interface AspectResult {
  id: string;
  name: Msg;
  /** Weighted mean answer, or null when an indicator is unanswered. */
  mean: number | null;
  /** The aspect's share of the total (its weight over all weights) × 400: the most it can add. */
  maxPoints: number;
  points: number | null;
  /** maxPoints − points: what the aspect still lacks (the report's "gap"). */
  gap: number | null;
  unanswered: string[];
}

export interface MeritResult {
  aspects: AspectResult[];
  total: number | null;
  kategori: Kategori | null;
  complete: boolean;
  /** Aspects by gap, largest first (where to act). */
  gapsByAspect: { id: string; gap: number }[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function aspectResult(a: MeritAspect, answers: MeritAnswers, share: number, scaleMax: number): AspectResult {
  const unanswered = a.indicators.filter((i) => typeof answers[i.id] !== 'number').map((i) => i.id);
  const maxPoints = round2(share * scaleMax * 100);
  if (unanswered.length > 0)
    return { id: a.id, name: a.name, mean: null, maxPoints, points: null, gap: null, unanswered };
  const w = a.indicators.reduce((s, i) => s + i.weight, 0);
  const mean = a.indicators.reduce((s, i) => s + i.weight * (answers[i.id] as number), 0) / w;
  const points = share * mean * 100;
  return {
    id: a.id,
    name: a.name,
    mean: round2(mean),
    maxPoints,
    points: round2(points),
    gap: round2(maxPoints - points),
    unanswered,
  };
}

/**
 * Scores a self-assessment: each aspect's weighted mean answer, the total = Σ (aspect weight share ×
 * mean) × 100 (100–400 on a 1–4 scale, §3.3 derived), its category and the gap per aspect. An answer
 * outside the scale is refused; any unanswered indicator leaves the total open (never a silent zero).
 */
export function scoreMerit(instrument: MeritInstrument, answers: MeritAnswers): MeritResult {
  for (const [id, a] of Object.entries(answers))
    if (typeof a === 'number' && (!Number.isInteger(a) || a < instrument.scale.min || a > instrument.scale.max))
      throw new RangeError(`answer ${id} out of ${instrument.scale.min}–${instrument.scale.max}: ${a}`);
  const totalWeight = instrument.aspects.reduce((s, a) => s + a.weight.points, 0);
  const aspects = instrument.aspects.map((a) =>
    aspectResult(a, answers, a.weight.points / totalWeight, instrument.scale.max),
  );
  const complete = aspects.every((a) => a.points !== null);
  const total = complete ? round2(aspects.reduce((s, a) => s + (a.points as number), 0)) : null;
  const gapsByAspect = aspects
    .filter((a) => a.gap !== null)
    .map((a) => ({ id: a.id, gap: a.gap as number }))
    .sort((x, y) => y.gap - x.gap || x.id.localeCompare(y.id));
  return { aspects, total, kategori: total === null ? null : kategoriOf(total, instrument), complete, gapsByAspect };
}

// ── Suggested answers from the evidence Merit holds ──

/** Shares are 0–1; null = Merit holds no data for it (no suggestion, never a guess). */
export interface MeritEvidence {
  openSelection: { held: boolean; resultsPublished: boolean; recomputable: boolean } | null;
  objectionOnTimeShare: number | null;
  complaintSlaShare: number | null;
  training20JpShare: number | null;
  skpCoverageShare: number | null;
  skpFinalisedShare: number | null;
  ipAsnCoverageShare: number | null;
  talentPoolExists: boolean | null;
  /** Critical posts with a succession group and development plans, over all critical posts. */
  successionPlanShare: number | null;
  informationSystem: { online: boolean; auditLog: boolean } | null;
}

/**
 * Share → answer bands (derived, provisional: no KASN rubric was found, §3.2): ≥ 90 % → 4, ≥ 75 % → 3,
 * ≥ 50 % → 2, else 1. Data, so BKPSDM can align them with the rubric once it has it.
 */
export const SHARE_BANDS: readonly { min: number; answer: number }[] = Object.freeze([
  { min: 0.9, answer: 4 },
  { min: 0.75, answer: 3 },
  { min: 0.5, answer: 2 },
  { min: 0, answer: 1 },
]);

export interface Suggestion {
  indicatorId: string;
  evidence: EvidenceKey;
  answer: number;
  reason: Msg;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`.replace('.', ',');
const pctEn = (share: number) => `${Math.round(share * 1000) / 10}%`;

function fromShare(share: number, id: string, en: string, bands = SHARE_BANDS): { answer: number; reason: Msg } {
  const band = bands.find((b) => share >= b.min) ?? bands.at(-1)!;
  const rule = `ambang ${pct(band.min)} → ${band.answer}`;
  return {
    answer: band.answer,
    reason: msg(
      `${pct(share)} ${id} (${rule}).`,
      `${pctEn(share)} ${en} (threshold ${pctEn(band.min)} → ${band.answer}).`,
    ),
  };
}

type Rule = (e: MeritEvidence) => { answer: number; reason: Msg } | null;

/** One rule per kind of evidence; each says in words why it suggests what it does. */
export const SUGGESTION_RULES: Record<EvidenceKey, Rule> = {
  open_selection: (e) => {
    const s = e.openSelection;
    if (!s) return null;
    if (!s.held)
      return {
        answer: 1,
        reason: msg('Tidak ada seleksi terbuka yang tercatat di Merit.', 'No open selection recorded in Merit.'),
      };
    if (!s.resultsPublished)
      return {
        answer: 2,
        reason: msg(
          'Seleksi terbuka diadakan, tetapi hasilnya belum diumumkan.',
          'Open selection held, but its results are not published.',
        ),
      };
    if (!s.recomputable)
      return {
        answer: 3,
        reason: msg(
          'Seleksi terbuka dan hasilnya diumumkan, tetapi tidak dapat dihitung ulang publik.',
          'Open selection with published results that the public cannot recompute.',
        ),
      };
    return {
      answer: 4,
      reason: msg(
        'Seleksi terbuka dengan hasil diumumkan dan dapat dihitung ulang publik.',
        'Open selection with published results anyone can recompute.',
      ),
    };
  },
  objection_on_time: (e) =>
    e.objectionOnTimeShare === null
      ? null
      : fromShare(e.objectionOnTimeShare, 'sanggah dijawab tepat waktu', 'of objections answered on time'),
  complaint_sla: (e) =>
    e.complaintSlaShare === null
      ? null
      : fromShare(e.complaintSlaShare, 'pengaduan selesai sesuai SLA', 'of complaints resolved within the SLA'),
  training_20jp: (e) =>
    e.training20JpShare === null
      ? null
      : fromShare(
          e.training20JpShare,
          'ASN mencapai 20 JP pengembangan kompetensi',
          'of ASN reached 20 JP of development',
        ),
  skp_coverage: (e) =>
    e.skpCoverageShare === null
      ? null
      : fromShare(e.skpCoverageShare, 'pegawai memiliki SKP', 'of employees have an SKP'),
  skp_finalised: (e) =>
    e.skpFinalisedShare === null
      ? null
      : fromShare(e.skpFinalisedShare, 'SKP tahunan sudah final', 'of annual SKP are finalised'),
  ip_asn_coverage: (e) =>
    e.ipAsnCoverageShare === null
      ? null
      : fromShare(e.ipAsnCoverageShare, 'pegawai sudah diukur IP ASN-nya', 'of employees have an IP ASN measurement'),
  talent_pool: (e) =>
    e.talentPoolExists === null
      ? null
      : e.talentPoolExists
        ? {
            answer: 4,
            reason: msg(
              'Talent pool (pemetaan 9 kotak) tersedia di Merit.',
              'A talent pool (9-box mapping) exists in Merit.',
            ),
          }
        : { answer: 1, reason: msg('Belum ada talent pool.', 'No talent pool yet.') },
  succession_plans: (e) =>
    e.successionPlanShare === null
      ? null
      : fromShare(
          e.successionPlanShare,
          'jabatan kritikal punya rencana suksesi',
          'of critical posts have a succession plan',
        ),
  information_system: (e) => {
    const s = e.informationSystem;
    if (!s) return null;
    if (s.online && s.auditLog)
      return {
        answer: 4,
        reason: msg(
          'Sistem informasi daring dengan log audit yang dapat diverifikasi.',
          'Online information system with a verifiable audit log.',
        ),
      };
    if (s.online)
      return {
        answer: 3,
        reason: msg('Sistem informasi daring, tanpa log audit.', 'Online information system without an audit log.'),
      };
    return { answer: 1, reason: msg('Belum ada sistem informasi daring.', 'No online information system.') };
  },
};

/**
 * Suggested answers for every indicator linked to evidence Merit holds (issue 27 §4): one per linked
 * indicator whose evidence is known, with the reason in words. A suggestion, never the answer: the
 * person confirms or overrides it (see `checkOverride`).
 */
export function suggestAnswers(instrument: MeritInstrument, evidence: MeritEvidence): Suggestion[] {
  const out: Suggestion[] = [];
  for (const a of instrument.aspects)
    for (const i of a.indicators) {
      if (!i.evidence) continue;
      const s = SUGGESTION_RULES[i.evidence](evidence);
      if (s)
        out.push({
          indicatorId: i.id,
          evidence: i.evidence,
          answer: Math.min(instrument.scale.max, Math.max(instrument.scale.min, s.answer)),
          reason: s.reason,
        });
    }
  return out;
}

/** An answer that departs from the suggestion needs a reason (issue 27 §4); null = acceptable. */
export function checkOverride(suggested: number | null, answer: number, reason: string | null): Msg | null {
  if (suggested === null || suggested === answer) return null;
  if (reason && reason.trim().length >= 10) return null;
  return msg(
    `Jawaban ${answer} berbeda dari saran Merit (${suggested}); tuliskan alasannya (minimal 10 karakter).`,
    `Answer ${answer} differs from Merit's suggestion (${suggested}); give a reason (at least 10 characters).`,
  );
}
