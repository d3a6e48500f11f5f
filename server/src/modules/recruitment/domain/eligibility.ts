/**
 * Whether an applicant may apply for a formation: age at the cut-off date, education level, major
 * and jenis kebutuhan (RULES.md §1.3, §1.5). Pure: the rule set and cut-off date are parameters.
 * The result lists every unmet requirement (not only the first) so the applicant sees what to fix,
 * each tagged with the TMS reason a verifier would record.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { dayNumber, daysInMonth, parseIsoDate } from '../../../../../common/rules/calendar.ts';
import { normalizeText } from '../../../../../common/rules/normalize-text.ts';
import type { RecruitmentRuleSet } from './rule-set.ts';
import type { TmsReasonCode } from './tms-reasons.ts';

export {
  EDUCATION_LEVELS,
  NEED_TYPES,
  type EducationLevel,
  type NeedType,
} from '../../../../../common/contracts/vocabulary.ts';
import type { EducationLevel, NeedType } from '../../../../../common/contracts/vocabulary.ts';

export interface Age {
  years: number;
  months: number;
  days: number;
}

/** Adds k months to a birth date, clamping the day to the month's end (29 Feb → 28 Feb, 31 Jan → 28/29 Feb). */
function addMonthsClamped(y: number, m: number, d: number, k: number): number {
  const idx = m - 1 + k;
  const year = y + Math.floor(idx / 12);
  const month = (idx % 12) + 1;
  return Date.UTC(year, month - 1, Math.min(d, daysInMonth(year, month))) / 86_400_000;
}

/**
 * Exact calendar age on `onDate`: whole years, then whole months, then days. A month-anniversary
 * that does not exist falls on the month's last day, so someone born on 29 February turns a year
 * older on 28 February in non-leap years (and on 29 February in leap years); born 31 January is one
 * month old on 28/29 February. Throws RangeError on an invalid date or when `onDate` is before birth.
 */
export function ageOn(birthDate: string, onDate: string): Age {
  const b = parseIsoDate(birthDate);
  const o = parseIsoDate(onDate);
  if (!b) throw new RangeError(`birthDate must be YYYY-MM-DD, got "${birthDate}"`);
  if (!o) throw new RangeError(`onDate must be YYYY-MM-DD, got "${onDate}"`);
  const target = dayNumber(onDate);
  if (target < dayNumber(birthDate)) throw new RangeError(`onDate ${onDate} is before birthDate ${birthDate}`);
  let k = (o.year - b.year) * 12 + (o.month - b.month);
  // The naive month count overshoots by at most one when the day of month has not been reached yet.
  if (addMonthsClamped(b.year, b.month, b.day, k) > target) k--;
  const anniversary = addMonthsClamped(b.year, b.month, b.day, k);
  return { years: Math.floor(k / 12), months: k % 12, days: target - anniversary };
}

/**
 * Lower-cases, strips accents, turns "&" into "dan", replaces punctuation with spaces and collapses
 * whitespace, so "Teknik  Informatika." and "teknik informatika" compare equal. Deliberately keeps
 * every word: "Pendidikan Matematika" ≠ "Matematika" and "S1 Hukum" ≠ "Hukum" because formations
 * list majors exactly and a verifier, not a heuristic, decides near matches (RULES.md §1.5 QUALIFICATION).
 */
export function normalizeMajor(name: string): string {
  return normalizeText(name); // shared with the verifier's comparison table in the browser
}

/**
 * The maximum age (whole years) for a jabatan under a rule set: the base maximum, raised by any
 * keyword whose words all occur in the jabatan name (word order and case ignored), never lowered.
 * CPNS 2024: 35, up to 40 for dokter spesialis, dosen, peneliti, perekayasa … (RULES.md §1.3).
 */
export function maxAgeFor(jabatan: string, ruleSet: RecruitmentRuleSet): number {
  const words = new Set(normalizeMajor(jabatan).split(' '));
  let max = ruleSet.ageLimits.max;
  for (const rule of ruleSet.ageLimits.maxByJabatanKeyword ?? []) {
    const needed = normalizeMajor(rule.keyword).split(' ');
    if (needed.every((w) => words.has(w))) max = Math.max(max, rule.max);
  }
  return max;
}

export interface ApplicantProfile {
  birthDate: string; // YYYY-MM-DD
  gender: 'L' | 'P';
  educationLevel: EducationLevel;
  major: string;
  ipkHundredths: number | null;
  hasDisability: boolean;
  isPapuan: boolean;
  isDiaspora: boolean;
  isCumlaude: boolean;
}

export interface FormationRequirements {
  jabatan: string;
  educationLevels: EducationLevel[];
  /** Accepted majors as listed in the formation; empty = any major. */
  majors: string[];
  needType: NeedType;
}

export type EligibilityProblemCode =
  | 'AGE_BELOW_MIN'
  | 'AGE_ABOVE_MAX'
  | 'EDUCATION_LEVEL'
  | 'MAJOR'
  | 'NOT_CUMLAUDE'
  | 'IPK_MISSING'
  | 'IPK_BELOW_MIN'
  | 'NOT_DISABLED'
  | 'NOT_PAPUAN'
  | 'NOT_DIASPORA';

export interface EligibilityProblem {
  code: EligibilityProblemCode;
  message: Msg;
  /** The TMS reason a verifier would record for this problem (RULES.md §1.5). */
  tmsReason: TmsReasonCode;
}

export interface ManualCheck {
  code: 'KALIMANTAN_ORIGIN' | 'DAERAH_TERTINGGAL_ORIGIN';
  message: Msg;
}

export interface EligibilityResult {
  eligible: boolean;
  problems: EligibilityProblem[];
  /** Requirements the profile cannot decide; the verifier checks them from documents. Not problems. */
  manualChecks: ManualCheck[];
}

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function longDate(date: string): { id: string; en: string } {
  const p = parseIsoDate(date);
  if (!p) return { id: date, en: date };
  return { id: `${p.day} ${MONTHS_ID[p.month - 1]} ${p.year}`, en: `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}` };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function ipkText(h: number): { id: string; en: string } {
  const s = `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`;
  return { id: s.replace('.', ','), en: s };
}

/**
 * Checks a profile against a formation under a rule set, on the announcement's cut-off date.
 * Invariants: age must be ≥ min whole years and ≤ max whole years, where "max 35" means not yet 36
 * on the cut-off — one day past the 36th birthday is TMS [TIRTO-TMS-2024]; the education level must
 * be one the formation lists exactly (a higher degree does not substitute); the major must equal an
 * accepted major after `normalizeMajor`; formasi khusus require the matching status (cumlaude also
 * IPK ≥ the rule set's minimum). RULES.md §1.3, §1.5; PermenPANRB 6/2024.
 * A pure regulation algorithm: its checks run top to bottom in the order the regulation lists them
 * (age, education, major, jenis kebutuhan), each adding its problem, so it can be audited against the source.
 */
export function checkEligibility(
  profile: ApplicantProfile,
  formation: FormationRequirements,
  ruleSet: RecruitmentRuleSet,
  cutoffDate: string,
): EligibilityResult {
  const problems: EligibilityProblem[] = [];
  const manualChecks: ManualCheck[] = [];
  const add: AddProblem = (code, tmsReason, message) => problems.push({ code, message, tmsReason });
  checkAge(profile, formation, ruleSet, cutoffDate, add);
  checkEducation(profile, formation, add);
  checkNeedType(profile, formation.needType, ruleSet, add, manualChecks);
  return { eligible: problems.length === 0, problems, manualChecks };
}

type AddProblem = (code: EligibilityProblemCode, tmsReason: TmsReasonCode, message: Msg) => void;

/** Age on the cut-off date within [min, max] whole years (max raised for some jabatan), RULES.md §1.3. */
function checkAge(
  profile: ApplicantProfile,
  formation: FormationRequirements,
  ruleSet: RecruitmentRuleSet,
  cutoffDate: string,
  add: AddProblem,
): void {
  const cut = longDate(cutoffDate);
  const { min } = ruleSet.ageLimits;
  const max = maxAgeFor(formation.jabatan, ruleSet);

  if (dayNumber(profile.birthDate) > dayNumber(cutoffDate)) {
    add(
      'AGE_BELOW_MIN',
      'AGE',
      msg(
        `Tanggal lahir ${profile.birthDate} sesudah tanggal batas usia ${cut.id}. Periksa kembali tanggal lahir sesuai KTP.`,
        `Birth date ${profile.birthDate} is after the age cut-off date ${cut.en}. Check the birth date on your KTP.`,
      ),
    );
    return;
  }
  const age = ageOn(profile.birthDate, cutoffDate);
  const ageId = `${age.years} tahun ${age.months} bulan ${age.days} hari`;
  const ageEn = `${plural(age.years, 'year')} ${plural(age.months, 'month')} ${plural(age.days, 'day')}`;
  if (age.years < min) {
    add(
      'AGE_BELOW_MIN',
      'AGE',
      msg(
        `Usia Anda pada ${cut.id} adalah ${ageId}, di bawah batas usia minimal ${min} tahun untuk seleksi ${ruleSet.type} ${ruleSet.year}. Anda belum dapat melamar formasi ini.`,
        `On ${cut.en} you are ${ageEn}, below the minimum age of ${min} for ${ruleSet.type} ${ruleSet.year}. You cannot apply for this formation yet.`,
      ),
    );
  } else if (age.years > max) {
    add(
      'AGE_ABOVE_MAX',
      'AGE',
      msg(
        `Usia Anda pada ${cut.id} adalah ${ageId}. Batas usia jabatan ${formation.jabatan} paling tinggi ${max} tahun (belum genap ${max + 1} tahun); lebih satu hari pun tidak memenuhi syarat. Pilih formasi dengan batas usia yang sesuai.`,
        `On ${cut.en} you are ${ageEn}. The age limit for ${formation.jabatan} is ${max} (you must not yet be ${max + 1}); even one day over does not qualify. Choose a formation whose age limit fits.`,
      ),
    );
  }
}

/** Education level listed exactly by the formation, and the major among its accepted majors (RULES.md §1.5). */
function checkEducation(profile: ApplicantProfile, formation: FormationRequirements, add: AddProblem): void {
  if (!formation.educationLevels.includes(profile.educationLevel)) {
    const levels = formation.educationLevels.join(', ');
    add(
      'EDUCATION_LEVEL',
      'QUALIFICATION',
      msg(
        `Jenjang pendidikan Anda (${profile.educationLevel}) tidak termasuk kualifikasi formasi ini (${levels}). Pilih formasi yang menerima jenjang ${profile.educationLevel}.`,
        `Your education level (${profile.educationLevel}) is not among this formation's qualifications (${levels}). Choose a formation that accepts ${profile.educationLevel}.`,
      ),
    );
  }

  if (formation.majors.length > 0) {
    const mine = normalizeMajor(profile.major);
    if (mine === '' || !formation.majors.some((m) => normalizeMajor(m) === mine)) {
      add(
        'MAJOR',
        'QUALIFICATION',
        msg(
          `Program studi "${profile.major}" tidak termasuk program studi yang diterima formasi ini. Tulis program studi persis seperti pada ijazah, lalu pilih formasi yang mencantumkannya.`,
          `The major "${profile.major}" is not among the majors this formation accepts. Enter the major exactly as on your diploma, then choose a formation that lists it.`,
        ),
      );
    }
  }
}

/** Formasi khusus open only to applicants with a status in the profile: the flag, its problem and message. */
const STATUS_NEEDS: Partial<
  Record<
    NeedType,
    { has: (p: ApplicantProfile) => boolean; code: EligibilityProblemCode; tmsReason: TmsReasonCode; message: Msg }
  >
> = {
  disabilitas: {
    has: (p) => p.hasDisability,
    code: 'NOT_DISABLED',
    tmsReason: 'GENERAL_REQ',
    message: msg(
      'Formasi disabilitas hanya untuk penyandang disabilitas. Bila Anda penyandang disabilitas, tandai pada biodata dan siapkan surat keterangan dokter; bila tidak, pilih formasi umum.',
      'Disability formations are only for persons with disabilities. If this applies to you, mark it in your profile and prepare a doctor’s certificate; otherwise choose a general formation.',
    ),
  },
  papua: {
    has: (p) => p.isPapuan,
    code: 'NOT_PAPUAN',
    tmsReason: 'GENERAL_REQ',
    message: msg(
      'Formasi putra/putri Papua hanya untuk orang asli Papua. Bila tidak, pilih formasi umum.',
      'Papua formations are only for indigenous Papuans. Otherwise choose a general formation.',
    ),
  },
  diaspora: {
    has: (p) => p.isDiaspora,
    code: 'NOT_DIASPORA',
    tmsReason: 'GENERAL_REQ',
    message: msg(
      'Formasi diaspora hanya untuk diaspora Indonesia yang memenuhi syarat. Bila tidak, pilih formasi umum.',
      'Diaspora formations are only for eligible Indonesian diaspora. Otherwise choose a general formation.',
    ),
  },
};

/** Origins the profile cannot decide: the verifier checks them from population documents. */
const MANUAL_NEEDS: Partial<Record<NeedType, ManualCheck>> = {
  kalimantan: {
    code: 'KALIMANTAN_ORIGIN',
    message: msg(
      'Verifikator memeriksa asal putra/putri Kalimantan dari dokumen kependudukan.',
      'The verifier checks Kalimantan origin from population documents.',
    ),
  },
  daerah_tertinggal: {
    code: 'DAERAH_TERTINGGAL_ORIGIN',
    message: msg(
      'Verifikator memeriksa asal daerah tertinggal dari dokumen kependudukan.',
      'The verifier checks origin from a disadvantaged region from population documents.',
    ),
  },
};

/** The jenis kebutuhan's own requirement: cumlaude and IPK, a status flag, or a manual origin check. */
function checkNeedType(
  profile: ApplicantProfile,
  needType: NeedType,
  ruleSet: RecruitmentRuleSet,
  add: AddProblem,
  manualChecks: ManualCheck[],
): void {
  if (needType === 'cumlaude') return checkCumlaude(profile, ruleSet, add);
  const status = STATUS_NEEDS[needType];
  if (status && !status.has(profile)) add(status.code, status.tmsReason, status.message);
  const manual = MANUAL_NEEDS[needType];
  if (manual) manualChecks.push({ code: manual.code, message: manual.message });
}

/** Cumlaude formations: the cumlaude predicate and an IPK at least the rule set's minimum. */
function checkCumlaude(profile: ApplicantProfile, ruleSet: RecruitmentRuleSet, add: AddProblem): void {
  if (!profile.isCumlaude) {
    add(
      'NOT_CUMLAUDE',
      'QUALIFICATION',
      msg(
        'Formasi cumlaude hanya untuk lulusan berpredikat "dengan pujian" (cumlaude). Bila ijazah/transkrip Anda tidak mencantumkan predikat itu, pilih formasi umum.',
        'Cumlaude formations are only for graduates with the "cum laude" predicate. If your diploma or transcript does not state it, choose a general formation.',
      ),
    );
  }
  const minIpk = ruleSet.cumlaude.minIpkHundredths;
  if (profile.ipkHundredths === null) {
    add(
      'IPK_MISSING',
      'QUALIFICATION',
      msg(
        'Isi IPK sesuai transkrip nilai untuk melamar formasi cumlaude.',
        'Enter your GPA (IPK) as on your transcript to apply for a cumlaude formation.',
      ),
    );
  } else if (profile.ipkHundredths < minIpk) {
    const mine = ipkText(profile.ipkHundredths);
    const need = ipkText(minIpk);
    add(
      'IPK_BELOW_MIN',
      'QUALIFICATION',
      msg(
        `IPK Anda ${mine.id} di bawah IPK minimal ${need.id} untuk formasi cumlaude. Pilih formasi umum.`,
        `Your GPA ${mine.en} is below the minimum ${need.en} for cumlaude formations. Choose a general formation.`,
      ),
    );
  }
}
