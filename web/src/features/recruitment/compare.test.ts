import { describe, expect, it } from 'vitest';
import { compareBiodata, type CompareInput } from './compare.ts';

const biodata = {
  educationLevel: 'S1',
  major: 'Teknik Informatika',
  nameOnIjazah: 'Putri Ayu Lestari',
  institution: 'Universitas Tadulako',
  ipk: 3.41,
  graduationYear: 2021,
  ijazahNumber: 'UNTAD/2021/01234',
  isCumlaude: false,
  hasDisability: false,
  isPapuan: false,
  isDiaspora: false,
};
const input = (over: Partial<CompareInput> = {}, b: Partial<typeof biodata> = {}): CompareInput => ({
  formation: { educationLevels: ['S1'], majors: ['Teknik Informatika', 'Sistem Informasi'], needType: 'umum' },
  accountName: 'Putri Ayu Lestari',
  biodata: { ...biodata, ...b },
  text: {
    needType: 'Umum',
    anyMajor: 'Semua jurusan',
    nameRule: 'Sama dengan nama akun (e-KTP): Putri Ayu Lestari',
    flags: '',
  },
  ...over,
});
const verdicts = (i: CompareInput) => Object.fromEntries(compareBiodata(i).map((r) => [r.key, r.verdict]));

describe('compareBiodata (the verifier’s requirement-versus-biodata table)', () => {
  it('puts the rule, not the account name, in the requirement column of the ijazah name, and the ijazah name beside it', () => {
    const row = compareBiodata(input()).find((r) => r.key === 'nameOnIjazah')!;
    expect(row).toEqual({
      key: 'nameOnIjazah',
      requirement: 'Sama dengan nama akun (e-KTP): Putri Ayu Lestari',
      applicant: 'Putri Ayu Lestari',
      verdict: 'match',
    });
  });
  it('flags an ijazah name that is not the account’s, but not a difference of case, spaces or dots', () => {
    expect(verdicts(input({}, { nameOnIjazah: 'Putri Ayu' })).nameOnIjazah).toBe('mismatch');
    expect(verdicts(input({}, { nameOnIjazah: 'PUTRI  AYU LESTARI.' })).nameOnIjazah).toBe('match');
  });
  it.each([
    ['education level', {}, { educationLevel: 'D3' }, 'educationLevel', 'mismatch'],
    ['major', {}, { major: 'Pendidikan Informatika' }, 'major', 'mismatch'],
    [
      'any major',
      { formation: { educationLevels: ['S1'], majors: [], needType: 'umum' } },
      { major: 'Apa saja' },
      'major',
      'match',
    ],
    [
      'cumlaude without the flag',
      { formation: { educationLevels: ['S1'], majors: [], needType: 'cumlaude' } },
      {},
      'needType',
      'mismatch',
    ],
    [
      'disabilitas with the flag',
      { formation: { educationLevels: ['S1'], majors: [], needType: 'disabilitas' } },
      { hasDisability: true },
      'needType',
      'match',
    ],
    [
      'kalimantan (a document decides)',
      { formation: { educationLevels: ['S1'], majors: [], needType: 'kalimantan' } },
      {},
      'needType',
      'manual',
    ],
  ] as const)('judges %s', (_n, over, b, key, verdict) => {
    expect(verdicts(input(over as Partial<CompareInput>, b))[key]).toBe(verdict);
  });
  it('marks every requirement unmet when there is no biodata, and sets no requirement for IPK or the institution', () => {
    const v = verdicts(input({ biodata: null }));
    expect([v.educationLevel, v.major, v.nameOnIjazah]).toEqual(['mismatch', 'mismatch', 'mismatch']);
    expect([v.ipk, v.institution]).toEqual(['none', 'none']);
  });
});
