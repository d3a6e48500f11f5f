import { describe, expect, it } from 'vitest';
import { EMPLOYEE_SHEET_COLUMNS, type EmployeeSheetContext, validateEmployeeSheet } from './employee-sheet.ts';

const ctx: EmployeeSheetContext = {
  organizationIds: new Set(['kominfo', 'bpbd']),
  existing: new Map([['197501012000031001', null]]),
  accounts: new Map([
    ['pegawai@merit.test', null],
    ['atasan@merit.test', '197501012000031001'],
  ]),
};
const HEAD = { line: 1, cells: [...EMPLOYEE_SHEET_COLUMNS] };
const row = (line: number, over: Partial<Record<(typeof EMPLOYEE_SHEET_COLUMNS)[number], string>> = {}) => {
  const base = {
    nip: '199001012015031001',
    nama: 'Andi Lamarauna',
    status: 'PNS',
    tmt: '2015-03-01',
    kode_opd: 'kominfo',
    unit: 'Bidang Aplikasi',
    jenis_jabatan: 'fungsional',
    jabatan: 'Pranata Komputer Ahli Muda',
    jenjang: 'Ahli Muda',
    golongan: 'III/c',
    nip_atasan: '197501012000031001',
    email: '',
    ...over,
  };
  return { line, cells: EMPLOYEE_SHEET_COLUMNS.map((c) => base[c]) };
};
const problemsOf = (r: ReturnType<typeof validateEmployeeSheet>, line: number) =>
  r.report
    .find((x) => x.line === line)!
    .problems.map((p) => p.id)
    .join(' | ');

describe('validateEmployeeSheet', () => {
  it('accepts valid rows, deriving gender and birth date from the NIP, and marks new and updated records', () => {
    const r = validateEmployeeSheet(
      [
        HEAD,
        row(2),
        row(3, {
          nip: '197501012000031001',
          nama: 'Ir. Hasan Lasoso',
          tmt: '2000-03-01',
          jenis_jabatan: 'struktural',
          jabatan: 'Kepala Bidang',
          golongan: 'IV/a',
          nip_atasan: '',
        }),
      ],
      ctx,
    );
    expect(r.ok).toBe(true);
    expect(r.report.map((x) => [x.line, x.status])).toEqual([
      [2, 'new'],
      [3, 'update'],
    ]);
    expect(r.rows[0]).toMatchObject({
      nip: '199001012015031001',
      gender: 'L',
      birthDate: '1990-01-01',
      supervisorNip: '197501012000031001',
    });
  });

  it.each<[string, Parameters<typeof row>[1], RegExp]>([
    ['a malformed NIP', { nip: '1990010120150310' }, /18 angka/],
    ['a TMT that is not the NIP’s month', { tmt: '2016-03-01' }, /tidak sesuai TMT di NIP \(2015-03\)/],
    ['an NIP on a PPPK', { status: 'PPPK', golongan: 'IX' }, /PPPK memakai NI PPPK/],
    ['an unknown OPD', { kode_opd: 'dinas-x' }, /Kode OPD "dinas-x" tidak dikenal/],
    ['an unknown status', { status: 'Honorer' }, /Status "Honorer" tidak dikenal/],
    [
      'a PNS golongan on a PPPK',
      { nip: '199009092023211005', tmt: '2023-02-01', status: 'PPPK', golongan: 'III/a' },
      /Golongan PPPK "III\/a" harus angka Romawi/,
    ],
    ['a golongan out of range', { golongan: 'III/e' }, /I\/a–IV\/e/],
    ['an unknown supervisor', { nip_atasan: '198001012005011001' }, /NIP atasan 198001012005011001 tidak ada/],
    ['an e-mail with no account', { email: 'siapa@contoh.id' }, /Belum ada akun Merit dengan e-mail siapa@contoh.id/],
    [
      'an account linked to someone else',
      { email: 'atasan@merit.test' },
      /sudah terhubung ke pegawai NIP 197501012000031001/,
    ],
    ['a formula', { jabatan: '=HYPERLINK("x")' }, /rumus/],
    ['a missing jabatan', { jabatan: '' }, /Kolom jabatan wajib diisi/],
  ])('reports %s on its line and imports nothing', (_what, over, message) => {
    const r = validateEmployeeSheet(
      [HEAD, row(2, over), row(3, { nip: '199205122019032002', tmt: '2019-03-01', nama: 'Dewi Pakava' })],
      ctx,
    );
    expect(r.ok).toBe(false);
    expect(r.rows).toEqual([]);
    expect(problemsOf(r, 2)).toMatch(message);
    expect(r.report.find((x) => x.line === 3)!.status).toBe('new');
  });

  it('reports a NIP twice in the file and a loop of supervisors', () => {
    const twice = validateEmployeeSheet([HEAD, row(2), row(3)], ctx);
    expect(problemsOf(twice, 3)).toMatch(/sudah ada di baris 2/);
    const loop = validateEmployeeSheet(
      [
        HEAD,
        row(2, { nip_atasan: '199205122019032002' }),
        row(3, { nip: '199205122019032002', tmt: '2019-03-01', nip_atasan: '199001012015031001' }),
      ],
      ctx,
    );
    expect(problemsOf(loop, 2)).toMatch(/kembali ke dirinya sendiri/);
    expect(problemsOf(loop, 3)).toMatch(/kembali ke dirinya sendiri/);
  });

  it('refuses a sheet without the required columns, or with only a header', () => {
    expect(validateEmployeeSheet([{ line: 1, cells: ['nip', 'nama'] }], ctx).report[0]!.problems[0]!.id).toMatch(
      /Kolom wajib tidak ditemukan.*status/,
    );
    expect(validateEmployeeSheet([HEAD], ctx).report[0]!.problems[0]!.id).toMatch(/hanya berisi baris judul/);
  });
});
