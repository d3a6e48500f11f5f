import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber } from '../../../../../common/rules/calendar.ts';
import {
  type ApplicantProfile,
  type FormationRequirements,
  ageOn,
  checkEligibility,
  maxAgeFor,
  normalizeMajor,
} from './eligibility.ts';
import { RULE_SET_CPNS_2024, RULE_SET_PPPK_2024 } from './rule-set.ts';

describe('ageOn', () => {
  it.each([
    ['1989-09-10', '2024-09-10', [35, 0, 0]],
    ['1988-09-11', '2024-09-10', [35, 11, 30]], // one day before the 36th birthday
    ['1988-09-10', '2024-09-10', [36, 0, 0]],
    ['2024-09-10', '2024-09-10', [0, 0, 0]],
    ['2000-02-29', '2001-02-27', [0, 11, 29]],
    ['2000-02-29', '2001-02-28', [1, 0, 0]], // 29 Feb counts as 28 Feb in a non-leap year
    ['2000-02-29', '2001-03-01', [1, 0, 1]],
    ['2000-02-29', '2004-02-28', [3, 11, 30]], // …but in a leap year the birthday is 29 Feb
    ['2000-02-29', '2004-02-29', [4, 0, 0]],
    ['2000-01-31', '2000-02-29', [0, 1, 0]], // month anniversary clamps to the month's end
    ['2000-01-31', '2000-03-01', [0, 1, 1]],
    ['2000-01-31', '2000-03-31', [0, 2, 0]],
    ['1995-12-31', '2024-01-01', [28, 0, 1]],
  ] as const)('born %s, on %s: %j', (birth, on, [years, months, days]) => {
    expect(ageOn(birth, on)).toEqual({ years, months, days });
  });

  it.each([
    ['1990-02-30', '2024-01-01'],
    ['1990-01-01', '2024/01/01'],
    ['2024-09-11', '2024-09-10'],
  ])('refuses born %s on %s', (birth, on) => expect(() => ageOn(birth, on)).toThrow(RangeError));

  it('never decreases as the day advances, and moves one step at a time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('1950-01-01'), max: dayNumber('2010-12-31') }),
        fc.integer({ min: 0, max: 30000 }),
        (b, d) => {
          const birth = fromDayNumber(b);
          const a = ageOn(birth, fromDayNumber(b + d));
          const next = ageOn(birth, fromDayNumber(b + d + 1));
          const key = (x: typeof a) => x.years * 10_000 + x.months * 100 + x.days;
          expect(key(next)).toBeGreaterThan(key(a));
          expect(next.days === a.days + 1 || next.days === 0).toBe(true);
          expect(a.months).toBeLessThan(12);
          expect(a.days).toBeLessThan(31);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('normalizeMajor', () => {
  it.each([
    ['Teknik Informatika', 'teknik informatika'],
    ['  TEKNIK   informatika. ', 'teknik informatika'],
    ['Teknik-Informatika', 'teknik informatika'],
    ['Ilmu Komunikasi & Jurnalistik', 'ilmu komunikasi dan jurnalistik'],
    ['Ilmu Komunikasi dan Jurnalistik', 'ilmu komunikasi dan jurnalistik'],
    ['Kesehatan Masyarakat (K3)', 'kesehatan masyarakat k3'],
    ['Pendidikan Matematika', 'pendidikan matematika'],
    ['S1 Hukum', 's1 hukum'],
    ['Akuntansí', 'akuntansi'],
  ])('%j → %j', (input, out) => expect(normalizeMajor(input)).toBe(out));
});

describe('maxAgeFor (CPNS 2024)', () => {
  it.each([
    ['Dokter Ahli Pertama', 35],
    ['Dokter Ahli Pertama - Spesialis Anak', 40],
    ['Dokter Spesialis Penyakit Dalam', 40],
    ['Dokter Gigi Ahli Pertama', 35],
    ['Dokter Gigi Spesialis Ortodonti', 40],
    ['Dosen Asisten Ahli', 40],
    ['PENELITI AHLI PERTAMA', 40],
    ['Perekayasa Ahli Pertama', 40],
    ['Pranata Komputer Ahli Pertama', 35],
    ['Guru Ahli Pertama', 35],
  ])('%s → %i', (jabatan, max) => expect(maxAgeFor(jabatan, RULE_SET_CPNS_2024)).toBe(max));

  it('PPPK has no keyword raises', () => expect(maxAgeFor('Dosen Asisten Ahli', RULE_SET_PPPK_2024)).toBe(59));
});

const CUTOFF = '2024-09-10';
const profile: ApplicantProfile = {
  birthDate: '1995-03-12',
  gender: 'P',
  educationLevel: 'S1',
  major: 'Teknik Informatika',
  ipkHundredths: 345,
  hasDisability: false,
  isPapuan: false,
  isDiaspora: false,
  isCumlaude: false,
};
const formation: FormationRequirements = {
  jabatan: 'Pranata Komputer Ahli Pertama',
  educationLevels: ['S1', 'D4'],
  majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komputer'],
  needType: 'umum',
};

type Case = [string, Partial<ApplicantProfile>, Partial<FormationRequirements>, string[]];

describe('checkEligibility (CPNS 2024, cut-off 10 Sep 2024)', () => {
  it.each<Case>([
    ['the base applicant qualifies', {}, {}, []],
    ['turning 36 on the cut-off date is one day too many', { birthDate: '1988-09-10' }, {}, ['AGE_ABOVE_MAX']],
    ['35 years 11 months 30 days still qualifies', { birthDate: '1988-09-11' }, {}, []],
    ['turning 18 on the cut-off date qualifies', { birthDate: '2006-09-10' }, {}, []],
    ['one day short of 18 does not', { birthDate: '2006-09-11' }, {}, ['AGE_BELOW_MIN']],
    ['a birth date after the cut-off is refused, not thrown', { birthDate: '2024-09-11' }, {}, ['AGE_BELOW_MIN']],
    [
      'dokter spesialis may be 40',
      { birthDate: '1984-01-01' },
      { jabatan: 'Dokter Ahli Pertama - Spesialis Anak', majors: [], educationLevels: ['PROFESI'] },
      ['EDUCATION_LEVEL'],
    ],
    [
      'dokter spesialis at 40 years 11 months',
      { birthDate: '1983-09-11', educationLevel: 'PROFESI', major: 'Dokter Spesialis Anak' },
      { jabatan: 'Dokter Spesialis Anak', majors: [], educationLevels: ['PROFESI'] },
      [],
    ],
    [
      'dokter spesialis at 41',
      { birthDate: '1983-09-10', educationLevel: 'PROFESI' },
      { jabatan: 'Dokter Spesialis Anak', majors: [], educationLevels: ['PROFESI'] },
      ['AGE_ABOVE_MAX'],
    ],
    ['a non-listed education level', { educationLevel: 'S2' }, {}, ['EDUCATION_LEVEL']],
    ['D3 for an S1/D4 formation', { educationLevel: 'D3' }, {}, ['EDUCATION_LEVEL']],
    ['a major written differently still matches', { major: '  TEKNIK-informatika. ' }, {}, []],
    ['a prefixed major does not match', { major: 'S1 Teknik Informatika' }, {}, ['MAJOR']],
    [
      'Pendidikan Matematika is not Matematika',
      { major: 'Pendidikan Matematika' },
      { majors: ['Matematika'] },
      ['MAJOR'],
    ],
    ['an empty major list accepts any major', { major: 'Sastra Inggris' }, { majors: [] }, []],
    ['a blank major never matches a listed one', { major: '  ' }, {}, ['MAJOR']],
    [
      'cumlaude with the predicate and IPK 3.51',
      { isCumlaude: true, ipkHundredths: 351 },
      { needType: 'cumlaude' },
      [],
    ],
    ['cumlaude with IPK 3.50', { isCumlaude: true, ipkHundredths: 350 }, { needType: 'cumlaude' }, ['IPK_BELOW_MIN']],
    [
      'cumlaude without the predicate',
      { isCumlaude: false, ipkHundredths: 380 },
      { needType: 'cumlaude' },
      ['NOT_CUMLAUDE'],
    ],
    ['cumlaude without an IPK', { isCumlaude: true, ipkHundredths: null }, { needType: 'cumlaude' }, ['IPK_MISSING']],
    ['disabilitas requires a disability', {}, { needType: 'disabilitas' }, ['NOT_DISABLED']],
    ['disabilitas with a disability', { hasDisability: true }, { needType: 'disabilitas' }, []],
    ['papua requires orang asli Papua', {}, { needType: 'papua' }, ['NOT_PAPUAN']],
    ['papua with the flag', { isPapuan: true }, { needType: 'papua' }, []],
    ['diaspora requires the flag', {}, { needType: 'diaspora' }, ['NOT_DIASPORA']],
    ['diaspora with the flag', { isDiaspora: true }, { needType: 'diaspora' }, []],
    ['kalimantan is left to the verifier', {}, { needType: 'kalimantan' }, []],
    [
      'every problem is listed, not only the first',
      { birthDate: '1980-01-01', educationLevel: 'SMA', major: 'IPA' },
      { needType: 'papua' },
      ['AGE_ABOVE_MAX', 'EDUCATION_LEVEL', 'MAJOR', 'NOT_PAPUAN'],
    ],
  ])('%s', (_name, p, f, codes) => {
    const result = checkEligibility({ ...profile, ...p }, { ...formation, ...f }, RULE_SET_CPNS_2024, CUTOFF);
    expect(result.problems.map((x) => x.code)).toEqual(codes);
    expect(result.eligible).toBe(codes.length === 0);
  });

  it('asks the verifier to check origin for kalimantan and daerah tertinggal', () => {
    expect(
      checkEligibility(profile, { ...formation, needType: 'kalimantan' }, RULE_SET_CPNS_2024, CUTOFF).manualChecks.map(
        (c) => c.code,
      ),
    ).toEqual(['KALIMANTAN_ORIGIN']);
    expect(
      checkEligibility(
        profile,
        { ...formation, needType: 'daerah_tertinggal' },
        RULE_SET_CPNS_2024,
        CUTOFF,
      ).manualChecks.map((c) => c.code),
    ).toEqual(['DAERAH_TERTINGGAL_ORIGIN']);
    expect(checkEligibility(profile, formation, RULE_SET_CPNS_2024, CUTOFF).manualChecks).toEqual([]);
  });

  it('explains an age refusal with the exact age, the limit and what to do, in both languages', () => {
    const [problem] = checkEligibility(
      { ...profile, birthDate: '1988-09-09' },
      formation,
      RULE_SET_CPNS_2024,
      CUTOFF,
    ).problems;
    expect(problem?.tmsReason).toBe('AGE');
    expect(problem?.message.id).toContain('10 September 2024 adalah 36 tahun 0 bulan 1 hari');
    expect(problem?.message.id).toContain('paling tinggi 35 tahun');
    expect(problem?.message.id).toContain('Pilih formasi');
    expect(problem?.message.en).toContain('36 years 0 months 1 day');
  });

  it('writes IPK with a decimal comma in Indonesian and a point in English', () => {
    const [problem] = checkEligibility(
      { ...profile, isCumlaude: true, ipkHundredths: 305 },
      { ...formation, needType: 'cumlaude' },
      RULE_SET_CPNS_2024,
      CUTOFF,
    ).problems;
    expect(problem?.message.id).toContain('3,05');
    expect(problem?.message.id).toContain('3,51');
    expect(problem?.message.en).toContain('3.05');
  });

  it('tags qualification problems for the verifier', () => {
    const { problems } = checkEligibility(
      { ...profile, educationLevel: 'D3', major: 'X' },
      formation,
      RULE_SET_CPNS_2024,
      CUTOFF,
    );
    expect(problems.map((p) => p.tmsReason)).toEqual(['QUALIFICATION', 'QUALIFICATION']);
  });
});

describe('checkEligibility around a 29 February birthday', () => {
  it.each([
    ['2026-02-27', ['AGE_BELOW_MIN']],
    ['2026-02-28', []], // born 29 Feb 2008: 18 on 28 Feb 2026, a non-leap year
  ])('cut-off %s', (cutoff, codes) => {
    const result = checkEligibility({ ...profile, birthDate: '2008-02-29' }, formation, RULE_SET_CPNS_2024, cutoff);
    expect(result.problems.map((p) => p.code)).toEqual(codes);
  });
});

describe('checkEligibility (PPPK 2024)', () => {
  it.each([
    ['2004-09-10', []], // exactly 20
    ['2004-09-11', ['AGE_BELOW_MIN']],
    ['1964-09-11', []], // 59 years 11 months 30 days
    ['1964-09-10', ['AGE_ABOVE_MAX']], // 60
  ])('born %s', (birthDate, codes) => {
    const result = checkEligibility({ ...profile, birthDate }, formation, RULE_SET_PPPK_2024, CUTOFF);
    expect(result.problems.map((p) => p.code)).toEqual(codes);
  });
});
