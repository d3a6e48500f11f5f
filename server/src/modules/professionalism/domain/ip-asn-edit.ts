/**
 * Pure helpers around the IP ASN instrument and its inputs (issue 26 §2): the instrument's stored
 * form and back, the checks on a BKPSDM edit (in Indonesian, one message per field), which
 * kompetensi column an employee record falls in, and how Merit's own trainings and JP claims count.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import {
  BAND_LABELS,
  BANDS,
  type Cell,
  type CompetencyRecord,
  countedPunishments,
  DISCIPLINE_LEVELS,
  EDUCATION_GROUPS,
  EDUCATION_LEVELS,
  type IpAsnInput,
  type IpAsnInstrument,
  type JabatanType,
  LEADERSHIP_LEVELS,
  type LeadershipLevel,
  PREDIKAT_NAMES,
  teknisJp,
} from './ip-asn.ts';

/** The instrument without its version name, as stored in ip_asn_instruments.body and sent on the wire. */
export type InstrumentBody = Omit<IpAsnInstrument, 'version'>;

/** The stored body: the lowest band's −∞ becomes 0 (JSON has no infinity; no total is below 0). */
export function instrumentToBody(inst: IpAsnInstrument): InstrumentBody {
  const { version: _version, ...body } = inst;
  return { ...body, bands: inst.bands.map((b) => ({ min: Math.max(0, b.min), band: b.band })) };
}

/** An instrument from its stored body; the lowest band takes every total below the others. */
export function instrumentFromBody(version: string, body: InstrumentBody): IpAsnInstrument {
  const bands = body.bands.map((b, i) => ({
    min: i === body.bands.length - 1 ? Number.NEGATIVE_INFINITY : b.min,
    band: b.band,
  }));
  return { ...body, version, bands };
}

/** Every cell of an instrument with its path (for counting and marking the provisional ones). */
export function cellsOf(body: InstrumentBody): { path: string; cell: Cell }[] {
  const out: { path: string; cell: Cell }[] = [];
  const walk = (value: unknown, path: string) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      if (typeof o.points === 'number' && typeof o.verified === 'boolean')
        out.push({ path, cell: o as unknown as Cell });
      else for (const [k, v] of Object.entries(o)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(body, '');
  return out;
}

/** How many cells no source settles (shown as "sementara"). */
export const provisionalCount = (body: InstrumentBody) => cellsOf(body).filter((c) => !c.cell.verified).length;

export interface FieldProblem {
  field: string;
  message: Msg;
}

const GROUP_NAMES: Record<string, string> = {
  s3: 'S-3',
  s2: 'S-2',
  s1_d4: 'S-1/D-IV',
  d3: 'D-III',
  d2_d1_sma: 'D-II/D-I/SLTA',
  smp_sd: 'SLTP ke bawah',
};
const KOMPETENSI_COLUMNS = {
  structural: 'JPT/Administrator/Pengawas',
  fungsional: 'Jabatan Fungsional',
  pelaksana: 'Pelaksana',
} as const;
const DISIPLIN_NAMES = { none: 'tidak pernah dihukum', ringan: 'ringan', sedang: 'sedang', berat: 'berat' } as const;

/** One check per rule, so every broken cell is named at once. */
function rangeChecks(body: InstrumentBody, problems: FieldProblem[]) {
  const within = (field: string, name: string, cell: Cell, max: number, dim: string) => {
    if (cell.points < 0 || cell.points > max)
      problems.push({
        field,
        message: msg(
          `Poin ${name} harus antara 0 dan ${max} (maksimum ${dim}); sekarang ${cell.points}.`,
          `${name} points must be between 0 and ${max} (the ${dim} maximum); now ${cell.points}.`,
        ),
      });
  };
  for (const g of EDUCATION_GROUPS)
    within(`body.education.${g}.points`, GROUP_NAMES[g]!, body.education[g], body.maxima.kualifikasi, 'Kualifikasi');
  for (const [col, name] of Object.entries(KOMPETENSI_COLUMNS)) {
    const cells = body.kompetensi[col as keyof typeof KOMPETENSI_COLUMNS] as Record<string, Cell>;
    for (const [k, c] of Object.entries(cells))
      within(`body.kompetensi.${col}.${k}.points`, `${k} (${name})`, c, body.maxima.kompetensi, 'Kompetensi');
    const total = Object.values(cells).reduce((a, c) => a + c.points, 0);
    if (total > body.maxima.kompetensi)
      problems.push({
        field: `body.kompetensi.${col}`,
        message: msg(
          `Jumlah poin kolom ${name} (${total}) melebihi maksimum Kompetensi (${body.maxima.kompetensi}).`,
          `The ${name} column adds up to ${total}, above the competence maximum (${body.maxima.kompetensi}).`,
        ),
      });
  }
  for (const [p, c] of Object.entries(body.kinerja))
    within(
      `body.kinerja.${p}.points`,
      `predikat ${PREDIKAT_NAMES[p as keyof typeof PREDIKAT_NAMES]}`,
      c,
      body.maxima.kinerja,
      'Kinerja',
    );
  for (const [k, c] of Object.entries(body.disiplin))
    within(
      `body.disiplin.${k}.points`,
      `disiplin ${DISIPLIN_NAMES[k as keyof typeof DISIPLIN_NAMES]}`,
      c,
      body.maxima.disiplin,
      'Disiplin',
    );
}

/** A list of cells whose points must not rise down the list (a better grade never scores less). */
function descending(field: string, what: Msg, cells: Cell[], problems: FieldProblem[]) {
  for (let i = 1; i < cells.length; i++)
    if (cells[i]!.points > cells[i - 1]!.points) {
      problems.push({ field, message: what });
      return;
    }
}

function orderChecks(body: InstrumentBody, problems: FieldProblem[]) {
  descending(
    'body.education',
    msg(
      'Poin pendidikan yang lebih tinggi tidak boleh lebih kecil dari jenjang di bawahnya (S-3 ≥ S-2 ≥ … ≥ SLTP).',
      'A higher education level may not score less than the one below it (S-3 ≥ S-2 ≥ … ≥ SLTP).',
    ),
    EDUCATION_GROUPS.map((g) => body.education[g]),
    problems,
  );
  descending(
    'body.kinerja',
    msg(
      'Poin predikat yang lebih baik tidak boleh lebih kecil (Sangat Baik ≥ Baik ≥ … ≥ Sangat Kurang).',
      'A better rating may not score less (Sangat Baik ≥ Baik ≥ … ≥ Sangat Kurang).',
    ),
    Object.values(body.kinerja),
    problems,
  );
  descending(
    'body.disiplin',
    msg(
      'Poin disiplin harus menurun: tidak pernah dihukum ≥ ringan ≥ sedang ≥ berat.',
      'Discipline points must fall: never punished ≥ light ≥ medium ≥ heavy.',
    ),
    [body.disiplin.none, body.disiplin.ringan, body.disiplin.sedang, body.disiplin.berat],
    problems,
  );
  const bandsOk =
    body.bands.every((b, i) => b.band === BANDS[i]) &&
    body.bands.every((b, i) => i === 0 || b.min < body.bands[i - 1]!.min) &&
    body.bands.at(-1)?.min === 0 &&
    (body.bands[0]?.min ?? 0) <= 100;
  if (!bandsOk)
    problems.push({
      field: 'body.bands',
      message: msg(
        `Batas bawah kategori harus menurun dalam urutan ${BANDS.map((b) => BAND_LABELS[b].id).join(' > ')}, paling tinggi 100, dan ${BAND_LABELS.sangat_rendah.id} mulai dari 0.`,
        `Band lower bounds must fall in the order ${BANDS.map((b) => BAND_LABELS[b].en).join(' > ')}, at most 100, with ${BAND_LABELS.sangat_rendah.en} starting at 0.`,
      ),
    });
}

function settingChecks(body: InstrumentBody, problems: FieldProblem[]) {
  const sum = body.maxima.kualifikasi + body.maxima.kompetensi + body.maxima.kinerja + body.maxima.disiplin;
  if (sum !== 100)
    problems.push({
      field: 'body.maxima',
      message: msg(
        `Jumlah nilai maksimum keempat dimensi harus 100; sekarang ${sum}.`,
        `The four dimension maxima must add up to 100; now ${sum}.`,
      ),
    });
  const whole = (field: string, cell: Cell, lo: number, hi: number, id: string, en: string) => {
    if (!Number.isInteger(cell.points) || cell.points < lo || cell.points > hi)
      problems.push({
        field,
        message: msg(`${id} harus bilangan bulat ${lo}–${hi}.`, `${en} must be a whole number ${lo}–${hi}.`),
      });
  };
  whole(
    'body.teknisMinJp.points',
    body.teknisMinJp,
    1,
    200,
    'Batas JP diklat teknis',
    'The technical-training JP threshold',
  );
  whole(
    'body.teknisWindowMonths.points',
    body.teknisWindowMonths,
    1,
    60,
    'Jangka waktu diklat teknis (bulan)',
    'The technical-training window (months)',
  );
  whole(
    'body.seminarWindowMonths.points',
    body.seminarWindowMonths,
    1,
    60,
    'Jangka waktu seminar (bulan)',
    'The seminar window (months)',
  );
}

/**
 * The problems of an edited instrument, empty when it may be saved: points within 0 … the
 * dimension's maximum, maxima summing to 100, better grades never scoring less, bands descending.
 */
export function validateInstrumentEdit(version: string, note: string, body: InstrumentBody): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^[a-z0-9][a-z0-9.-]{2,59}$/.test(version))
    problems.push({
      field: 'version',
      message: msg(
        'Nama versi 3–60 karakter: huruf kecil, angka, titik atau tanda hubung, mis. perban-8-2019-palu-2026.',
        'Version name of 3–60 characters: lower-case letters, digits, dots or hyphens, e.g. perban-8-2019-palu-2026.',
      ),
    });
  if (note.trim().length < 5)
    problems.push({
      field: 'note',
      message: msg(
        'Tulis alasan perubahan (minimal 5 karakter), mis. sumber yang memastikan nilai sel.',
        'Write why it changes (at least 5 characters), e.g. the source that settles the cell.',
      ),
    });
  settingChecks(body, problems);
  rangeChecks(body, problems);
  orderChecks(body, problems);
  return problems;
}

// ── Inputs ──

/**
 * Which kompetensi column an employee record falls in. Fungsional and pelaksana come from
 * `jabatan_kind`; a struktural post is placed by its jenjang first ("JPT Pratama", "Administrator",
 * "Pengawas", eselon II/III/IV), then by words of the jabatan (Sekretaris Daerah, Asisten, Staf Ahli,
 * Kepala Dinas/Badan, Inspektur → JPT; Sekretaris Dinas/Badan, Kepala Bagian/Bidang, Camat,
 * Inspektur Pembantu → Administrator; Kepala Seksi/Subbagian/Subbidang, Lurah, Kepala UPT →
 * Pengawas). A struktural post no word places stays null: "data belum lengkap", never a guess.
 */
export function jabatanTypeOf(
  kind: 'struktural' | 'fungsional' | 'pelaksana',
  jabatan: string,
  jenjang: string,
): JabatanType | null {
  if (kind === 'fungsional') return 'fungsional';
  if (kind === 'pelaksana') return 'pelaksana';
  const j = jenjang.toLowerCase();
  if (/\bjpt\b|pimpinan tinggi|eselon ii\b|\bii\.[ab]\b/.test(j)) return 'jpt';
  if (/administrator|eselon iii\b|\biii\.[ab]\b/.test(j)) return 'administrator';
  if (/pengawas|eselon iv\b|\biv\.[ab]\b/.test(j)) return 'pengawas';
  const t = jabatan.toLowerCase();
  if (/kepala seksi|\bkasi\b|sub ?bagian|sub ?bidang|kasubbag|kasubbid|\blurah\b|kepala upt/.test(t)) return 'pengawas';
  if (
    /sekretaris (dinas|badan|dprd|kecamatan)|kepala bagian|\bkabag\b|kepala bidang|\bkabid\b|\bcamat\b|inspektur pembantu/.test(
      t,
    )
  )
    return 'administrator';
  if (
    /sekretaris daerah|\bsekda\b|\basisten\b|staf ahli|kepala dinas|kepala badan|kepala pelaksana|\binspektur\b|kepala satuan/.test(
      t,
    )
  )
    return 'jpt';
  return null;
}

/** Merit's programme kinds (training_programs.kind). */
export type MeritProgramKind =
  'latsar' | 'orientasi_pppk' | 'pkp' | 'pka' | 'pkn' | 'teknis' | 'fungsional' | 'seminar' | 'elearning';
const LEADERSHIP_OF: Partial<Record<MeritProgramKind, LeadershipLevel>> = { pkp: 'pkp', pka: 'pka', pkn: 'pkn_ii' };

/**
 * How a completed Merit training counts. Leadership courses (PKP, PKA, PKN — a city's PKN is
 * Tingkat II) count as kepemimpinan at their level; Latsar and PPPK orientation are induction,
 * not competency development, and do not count; a seminar counts as seminar; every other kind
 * (teknis, fungsional, e-learning) counts as diklat teknis with its JP — a Merit fungsional
 * programme is not tied to the JF the person holds, so it cannot earn the "sesuai JF" cell.
 */
export function competencyOfTraining(kind: MeritProgramKind, jp: number, date: string): CompetencyRecord | null {
  if (kind === 'latsar' || kind === 'orientasi_pppk') return null;
  const level = LEADERSHIP_OF[kind];
  if (level) return { kind: 'kepemimpinan', date, leadershipLevel: level };
  if (kind === 'seminar') return { kind: 'seminar', date, jp };
  return { kind: 'teknis', date, jp };
}

/**
 * How an approved JP claim counts: a seminar (or workshop) claim is a seminar; every other
 * self-development kind (coaching, mentoring, e-learning, benchmarking, distance training, self
 * study) is development of the job's technical competence and counts as diklat teknis with the JP
 * the ledger credited — the 20 JP/year right these claims already count toward (RULES §3.3).
 */
export function competencyOfClaim(kind: string, jp: number, date: string): CompetencyRecord {
  return kind === 'seminar' ? { kind: 'seminar', date, jp } : { kind: 'teknis', date, jp };
}

// ── Computing many people fast ──

const WORST_FIRST = [...DISCIPLINE_LEVELS].reverse();
// The seminar window measured by the domain's own teknis window, set to the seminar's months
// (made once per instrument: a recompute asks for it for every person and year).
const seminarWindows = new WeakMap<IpAsnInstrument, IpAsnInstrument>();
function seminarWindowOf(inst: IpAsnInstrument): IpAsnInstrument {
  let w = seminarWindows.get(inst);
  if (!w) {
    w = { ...inst, teknisWindowMonths: inst.seminarWindowMonths, teknisAccumulates: true };
    seminarWindows.set(inst, w);
  }
  return w;
}

/**
 * The smallest input with the same result: only the facts computeIpAsn reads — the highest
 * education, the diklat-teknis JP in the window (as one course on the measurement date), whether
 * a seminar falls in its window, the best leadership course and a matching fungsional course done
 * by then, the predikat, and the worst punishment that counts. People with equal facts get equal
 * results, so recomputing the city computes each distinct case once. The windows are the domain's
 * own (teknisJp, countedPunishments), never re-implemented here.
 */
export function reducedInput(inst: IpAsnInstrument, input: IpAsnInput): IpAsnInput {
  const { asOf } = input;
  const highest = [...input.education].sort((a, b) => EDUCATION_LEVELS.indexOf(b) - EDUCATION_LEVELS.indexOf(a))[0];
  const competencies: CompetencyRecord[] = [];
  const jp = teknisJp(inst, input.competencies, asOf);
  if (jp > 0) competencies.push({ kind: 'teknis', date: asOf, jp });
  const asSeminar = seminarWindowOf(inst);
  const seminars = input.competencies
    .filter((c) => c.kind === 'seminar')
    .map((c) => ({ ...c, kind: 'teknis' as const, jp: 1 }));
  if (teknisJp(asSeminar, seminars, asOf) > 0) competencies.push({ kind: 'seminar', date: asOf });
  const best = LEADERSHIP_LEVELS.find((level) =>
    input.competencies.some((c) => c.kind === 'kepemimpinan' && c.date <= asOf && c.leadershipLevel === level),
  );
  if (best) competencies.push({ kind: 'kepemimpinan', date: asOf, leadershipLevel: best });
  if (input.competencies.some((c) => c.kind === 'fungsional' && c.matchesJabatan && c.date <= asOf))
    competencies.push({ kind: 'fungsional', date: asOf, matchesJabatan: true });
  const counted = countedPunishments(inst, input.punishments, asOf);
  const worst = WORST_FIRST.find((l) => counted.some((p) => p.level === l));
  return {
    asOf,
    jabatan: input.jabatan,
    education: highest ? [highest] : [],
    competencies,
    predikat: input.predikat,
    punishments: worst ? [{ level: worst, skDate: asOf, start: asOf, end: asOf, cancelled: false }] : [],
  };
}

/**
 * A reduced input as a short string (the recompute's cache key): equal keys for equal reduced
 * inputs, without serialising objects for each of the city's people × years.
 */
export function reducedKey(r: IpAsnInput): string {
  let key = `${r.asOf}|${r.jabatan ?? ''}|${r.education[0] ?? ''}|${r.predikat ? `${r.predikat.year}${r.predikat.predikat}` : ''}|${r.punishments[0]?.level ?? ''}`;
  for (const c of r.competencies) key += `|${c.kind}${c.jp ?? ''}${c.leadershipLevel ?? ''}`;
  return key;
}
