/**
 * The verifier's "biodata versus formation requirements" table as data: per row the formation's
 * requirement, what the applicant entered, and whether it matches — so a mismatch is flagged, not
 * left for the eye to find. Pure; the server decides eligibility, this only shows it.
 */
import { normalizeText } from '../../../../common/rules/normalize-text.ts';

export type CompareVerdict = 'match' | 'mismatch' | 'manual' | 'none';

export interface CompareRow {
  key:
    | 'educationLevel'
    | 'major'
    | 'needType'
    | 'nameOnIjazah'
    | 'institution'
    | 'ipk'
    | 'graduationYear'
    | 'ijazahNumber';
  /** The requirement's own words, or null when the formation sets none for this item. */
  requirement: string | null;
  applicant: string | null;
  verdict: CompareVerdict;
}

export interface CompareInput {
  formation: { educationLevels: string[]; majors: string[]; needType: string };
  accountName: string;
  biodata: {
    educationLevel: string;
    major: string;
    nameOnIjazah: string;
    institution: string;
    ipk: number | null;
    graduationYear: number;
    ijazahNumber: string;
    isCumlaude: boolean;
    hasDisability: boolean;
    isPapuan: boolean;
    isDiaspora: boolean;
  } | null;
  /** Labels the caller's language gives (need types, "any major", the name rule, flags). */
  text: { needType: string; anyMajor: string; nameRule: string; flags: string };
}

/** Need types whose condition the profile states (a flag); the others need no flag or a document. */
const FLAG_OF: Record<string, keyof NonNullable<CompareInput['biodata']> | null> = {
  umum: null,
  cumlaude: 'isCumlaude',
  disabilitas: 'hasDisability',
  papua: 'isPapuan',
  diaspora: 'isDiaspora',
};

export function compareBiodata(input: CompareInput): CompareRow[] {
  const { formation: f, biodata: b, text } = input;
  const same = (x: string, y: string) => normalizeText(x) === normalizeText(y);
  const decided = (ok: boolean): CompareVerdict => (b ? (ok ? 'match' : 'mismatch') : 'mismatch');
  const flag = FLAG_OF[f.needType];
  const needVerdict: CompareVerdict =
    flag === undefined ? 'manual' : flag === null ? 'match' : decided(Boolean(b?.[flag]));
  return [
    {
      key: 'educationLevel',
      requirement: f.educationLevels.join(', '),
      applicant: b?.educationLevel ?? null,
      verdict: decided(Boolean(b && f.educationLevels.includes(b.educationLevel))),
    },
    {
      key: 'major',
      requirement: f.majors.length > 0 ? f.majors.join(', ') : text.anyMajor,
      applicant: b?.major ?? null,
      verdict:
        f.majors.length === 0
          ? b
            ? 'match'
            : 'mismatch'
          : decided(Boolean(b && f.majors.some((m) => same(m, b.major)))),
    },
    { key: 'needType', requirement: text.needType, applicant: b ? text.flags || null : null, verdict: needVerdict },
    // Not a formation requirement but the identity rule: the ijazah must name the account's (e-KTP) person.
    {
      key: 'nameOnIjazah',
      requirement: text.nameRule,
      applicant: b?.nameOnIjazah ?? null,
      verdict: decided(Boolean(b && same(b.nameOnIjazah, input.accountName))),
    },
    { key: 'institution', requirement: null, applicant: b?.institution ?? null, verdict: 'none' },
    { key: 'ipk', requirement: null, applicant: b?.ipk != null ? b.ipk.toFixed(2) : null, verdict: 'none' },
    { key: 'graduationYear', requirement: null, applicant: b ? String(b.graduationYear) : null, verdict: 'none' },
    { key: 'ijazahNumber', requirement: null, applicant: b?.ijazahNumber ?? null, verdict: 'none' },
  ];
}
