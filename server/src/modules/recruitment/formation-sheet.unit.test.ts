import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  FORMATION_SHEET_COLUMNS,
  type FormationRow,
  parseFormationSheet,
  templateSheet,
  writeFormationSheet,
} from './formation-sheet.ts';

const ORGS: ReadonlySet<string> = new Set(['dinkes', 'disdik', 'bkpsdm']);
const ctx = { organizationIds: ORGS };
const HEADER = FORMATION_SHEET_COLUMNS.join(',');
const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const csv = (...lines: string[]): Buffer => Buffer.from(lines.join('\n') + '\n', 'utf8');
const VALID = 'F-001,dinkes,Ahli Pertama - Dokter,S1/PROFESI,Pendidikan Dokter,umum,2,RSUD Anutapura';

const ROWS: FormationRow[] = [
  {
    code: 'DINKES-2025-001',
    organizationId: 'dinkes',
    jabatan: 'Ahli Pertama - Dokter',
    educationLevels: ['S1', 'PROFESI'],
    majors: ['Pendidikan Dokter'],
    needType: 'umum',
    quota: 2,
    placement: 'RSUD Anutapura',
  },
  {
    code: 'DISDIK.2025_014',
    organizationId: 'disdik',
    jabatan: 'Ahli Pertama - Guru Kelas, "SD" – Kota',
    educationLevels: ['S1', 'S2'],
    majors: ['Pendidikan Guru Sekolah Dasar', 'Pendidikan Matematika, Terapan'],
    needType: 'cumlaude',
    quota: 1000,
    placement: 'SD Negeri 1 Palu; Kec. "Palu Timur", Jl. Anoa',
  },
  {
    code: '0042',
    organizationId: 'bkpsdm',
    jabatan: 'Terampil - Pranata Komputer',
    educationLevels: ['D3'],
    majors: [],
    needType: 'daerah_tertinggal',
    quota: 1,
    placement: null,
  },
];

describe('writeFormationSheet → parseFormationSheet round trip', () => {
  it.each(['xlsx', 'csv'] as const)('gives back exactly the same rows (%s)', async (format) => {
    const buffer = await writeFormationSheet(ROWS, format);
    const result = await parseFormationSheet(buffer, format, ctx);
    expect(result.report.filter((r) => r.status === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.rows).toEqual(ROWS);
    expect(result.report.map((r) => [r.line, r.code])).toEqual([
      [2, 'DINKES-2025-001'],
      [3, 'DISDIK.2025_014'],
      [4, '0042'],
    ]);
  });

  it('writes CSV as UTF-8 with BOM, comma separators and \\n line ends', async () => {
    const buffer = await writeFormationSheet(ROWS.slice(0, 1), 'csv');
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buffer.toString('utf8').slice(1);
    expect(text).not.toContain('\r');
    expect(text.split('\n')).toEqual([
      HEADER,
      'DINKES-2025-001,dinkes,Ahli Pertama - Dokter,S1/PROFESI,Pendidikan Dokter,umum,2,RSUD Anutapura',
      '',
    ]);
  });

  it('neutralises formula-looking cells in CSV export so Excel does not run them', async () => {
    const buffer = await writeFormationSheet([{ ...ROWS[0]!, jabatan: '=HYPERLINK("http://x")' }], 'csv');
    expect(buffer.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('writes XLSX with a bold frozen header, column widths and an autofilter', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeFormationSheet(ROWS, 'xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...FORMATION_SHEET_COLUMNS]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(30);
    expect(sheet.getRow(2).getCell(7).value).toBe(2);
  });

  it.each(['xlsx', 'csv'] as const)('template (%s) holds the header and one importable example row', async (format) => {
    const result = await parseFormationSheet(await templateSheet(format), format, ctx);
    expect(result.ok).toBe(true);
    expect(result.rows).toEqual([
      {
        code: expect.any(String),
        organizationId: 'dinkes',
        jabatan: 'Ahli Pertama - Dokter',
        educationLevels: ['S1', 'PROFESI'],
        majors: ['Pendidikan Dokter'],
        needType: 'umum',
        quota: 2,
        placement: 'RSUD Anutapura',
      },
    ]);
  });
});

describe('parseFormationSheet reading what officials produce', () => {
  it('reads a semicolon CSV saved by Excel Indonesia (BOM, CRLF, quoted ;, blank row, label need type)', async () => {
    const result = await parseFormationSheet(fixture('formasi-excel-id.csv'), 'csv', ctx);
    expect(result.ok).toBe(true);
    expect(result.report.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(result.rows).toEqual([
      expect.objectContaining({
        code: 'DINKES-2025-001',
        educationLevels: ['S1', 'PROFESI'],
        placement: 'RSUD Anutapura',
      }),
      expect.objectContaining({
        code: 'DISDIK-2025-014',
        jabatan: 'Ahli Pertama - Guru Kelas; SD',
        majors: ['Pendidikan Guru Sekolah Dasar', 'Pendidikan Guru SD'],
        needType: 'cumlaude',
        placement: 'SD Negeri 1 Palu, Kec. Palu Timur',
      }),
      expect.objectContaining({ code: 'BKPSDM-2025-003', needType: 'papua', quota: 3, placement: null }),
    ]);
  });

  it('reads quoted fields holding commas, doubled quotes and line breaks, keeping Excel row numbers', async () => {
    const data = Buffer.from(
      [
        HEADER,
        'A1,dinkes,"Dokter, Spesialis ""Anak""",S1,"Kedokteran; Pendidikan Dokter",umum,1,"RSUD ""Anutapura"",\nPalu"',
        'A2,dinkes,Perawat,D3,,umum,1,',
      ].join('\r\n'),
      'utf8',
    );
    const result = await parseFormationSheet(data, 'csv', ctx);
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.jabatan, r.majors, r.placement])).toEqual([
      ['Dokter, Spesialis "Anak"', ['Kedokteran', 'Pendidikan Dokter'], 'RSUD "Anutapura", Palu'],
      ['Perawat', [], null],
    ]);
    expect(result.report.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads XLSX numbers, rich text and formula results as text, skipping blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Lembar1');
    sheet.addRow([...FORMATION_SHEET_COLUMNS]);
    sheet.addRow([
      1001,
      'dinkes',
      { richText: [{ text: 'Ahli ', font: { bold: true } }, { text: 'Pertama' }] },
      'S1',
      '',
      'UMUM',
      { formula: '1+1', result: 2 },
      'Puskesmas Talise',
    ]);
    sheet.addRow([]);
    sheet.addRow([
      'X-9',
      'disdik',
      'Guru',
      's1 ; s2',
      '',
      ' Daerah Tertinggal ',
      3,
      { text: 'Situs', hyperlink: 'https://palukota.go.id' },
    ]);
    const result = await parseFormationSheet(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', ctx);
    expect(result.ok).toBe(true);
    expect(result.report.map((r) => r.line)).toEqual([2, 4]);
    expect(result.rows).toEqual([
      {
        code: '1001',
        organizationId: 'dinkes',
        jabatan: 'Ahli Pertama',
        educationLevels: ['S1'],
        majors: [],
        needType: 'umum',
        quota: 2,
        placement: 'Puskesmas Talise',
      },
      {
        code: 'X-9',
        organizationId: 'disdik',
        jabatan: 'Guru',
        educationLevels: ['S1', 'S2'],
        majors: [],
        needType: 'daerah_tertinggal',
        quota: 3,
        placement: 'Situs',
      },
    ]);
  });

  it.each([
    ['putra/putri papua', 'papua'],
    ['Putra / Putri Papua', 'papua'],
    ['DISABILITAS', 'disabilitas'],
    ['Diaspora', 'diaspora'],
    ['kalimantan', 'kalimantan'],
    ['daerah_tertinggal', 'daerah_tertinggal'],
  ])('accepts jenis kebutuhan "%s" as %s', async (label, needType) => {
    const result = await parseFormationSheet(csv(HEADER, `F-1,dinkes,Dokter,S1,,${label},1,`), 'csv', ctx);
    expect(result.rows[0]?.needType).toBe(needType);
  });
});

describe('parseFormationSheet reporting problems', () => {
  // Each case: one data row (line 2 unless stated) and a fragment of the Indonesian message.
  const cases: { name: string; lines: string[]; line: number; expected: RegExp; existing?: string[] }[] = [
    {
      name: 'unknown OPD',
      lines: ['F-1,dinsos,Dokter,S1,,umum,1,'],
      line: 2,
      expected: /Kode OPD "dinsos" tidak dikenal/,
    },
    {
      name: 'quota 0',
      lines: ['F-1,dinkes,Dokter,S1,,umum,0,'],
      line: 2,
      expected: /Kuota "0" tidak valid: isi bilangan bulat 1 sampai 1000/,
    },
    { name: 'quota -1', lines: ['F-1,dinkes,Dokter,S1,,umum,-1,'], line: 2, expected: /Kuota "-1" tidak valid/ },
    { name: 'quota 1.5', lines: ['F-1,dinkes,Dokter,S1,,umum,1.5,'], line: 2, expected: /Kuota "1.5" tidak valid/ },
    { name: 'quota abc', lines: ['F-1,dinkes,Dokter,S1,,umum,abc,'], line: 2, expected: /Kuota "abc" tidak valid/ },
    { name: 'quota 1001', lines: ['F-1,dinkes,Dokter,S1,,umum,1001,'], line: 2, expected: /Kuota "1001" tidak valid/ },
    {
      name: 'unknown jenis kebutuhan',
      lines: ['F-1,dinkes,Dokter,S1,,khusus,1,'],
      line: 2,
      expected: /Jenis kebutuhan "khusus" tidak dikenal. Pilih salah satu: umum, cumlaude/,
    },
    {
      name: 'missing kode_formasi',
      lines: [',dinkes,Dokter,S1,,umum,1,'],
      line: 2,
      expected: /Kolom kode_formasi \(kode formasi\) wajib diisi/,
    },
    {
      name: 'missing jabatan',
      lines: ['F-1,dinkes,,S1,,umum,1,'],
      line: 2,
      expected: /Kolom jabatan \(nama jabatan\) wajib diisi/,
    },
    {
      name: 'missing kuota',
      lines: ['F-1,dinkes,Dokter,S1,,umum,,'],
      line: 2,
      expected: /Kolom kuota \(jumlah kebutuhan\) wajib diisi/,
    },
    {
      name: 'bad code characters',
      lines: ['F 1,dinkes,Dokter,S1,,umum,1,'],
      line: 2,
      expected: /Kode formasi "F 1" tidak valid/,
    },
    {
      name: 'code longer than 40',
      lines: [`${'A'.repeat(41)},dinkes,Dokter,S1,,umum,1,`],
      line: 2,
      expected: /tidak valid: gunakan 1–40 huruf/,
    },
    {
      name: 'duplicate code in file (case-insensitive)',
      lines: [VALID, 'f-001,dinkes,Perawat,D3,,umum,1,'],
      line: 3,
      expected: /"f-001" sudah dipakai di baris 2 berkas ini/,
    },
    {
      name: 'code already in the system',
      lines: [VALID],
      line: 2,
      expected: /Kode formasi "F-001" sudah ada di sistem/,
      existing: ['F-001'],
    },
    {
      name: 'bad jenjang',
      lines: ['F-1,dinkes,Dokter,S1/SMP,,umum,1,'],
      line: 2,
      expected: /Jenjang pendidikan tidak dikenal: SMP. Pilih dari SMA, D3, D4, S1, S2, S3, PROFESI/,
    },
    {
      name: 'jenjang only separators',
      lines: ['F-1,dinkes,Dokter,/,,umum,1,'],
      line: 2,
      expected: /Jenjang pendidikan tidak dikenal/,
    },
    {
      name: 'formula-looking jabatan',
      lines: ['F-1,dinkes,=1+1,S1,,umum,1,'],
      line: 2,
      expected: /Kolom jabatan tidak boleh diawali tanda =/,
    },
    {
      name: 'error after a blank row keeps its Excel line',
      lines: [VALID, '', ',,,,,,,', 'F-2,dinkes,Dokter,S1,,umum,0,'],
      line: 5,
      expected: /Kuota "0"/,
    },
  ];

  it.each(cases)('$name → line $line', async ({ lines, line, expected, existing }) => {
    const result = await parseFormationSheet(csv(HEADER, ...lines), 'csv', {
      organizationIds: ORGS,
      existingCodes: new Set(existing ?? []),
    });
    expect(result.ok).toBe(false);
    const entry = result.report.find((r) => r.line === line);
    expect(entry?.status).toBe('error');
    expect(entry?.problems.map((p) => p.id)).toContainEqual(expect.stringMatching(expected));
    for (const p of entry?.problems ?? []) expect(p.en.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => r.code !== entry?.code || entry?.code === null)).toBe(true);
  });

  it('reports every problem of one row, keeps the valid rows, and is not ok', async () => {
    const result = await parseFormationSheet(csv(HEADER, VALID, 'bad code!,dinsos,,SMP,,khusus,0,'), 'csv', ctx);
    expect(result.ok).toBe(false);
    expect(result.rows.map((r) => r.code)).toEqual(['F-001']);
    expect(result.report[0]).toEqual({ line: 2, code: 'F-001', status: 'ok', problems: [] });
    const bad = result.report[1]!;
    expect(bad).toMatchObject({ line: 3, code: 'bad code!', status: 'error' });
    expect(bad.problems.map((p) => p.id)).toEqual([
      expect.stringMatching(/^Kode formasi "bad code!" tidak valid/),
      expect.stringMatching(/^Kode OPD "dinsos" tidak dikenal/),
      expect.stringMatching(/^Kolom jabatan .* wajib diisi/),
      expect.stringMatching(/^Jenjang pendidikan tidak dikenal: SMP/),
      expect.stringMatching(/^Jenis kebutuhan "khusus" tidak dikenal/),
      expect.stringMatching(/^Kuota "0" tidak valid/),
    ]);
  });

  it('reports missing header columns on line 1', async () => {
    const result = await parseFormationSheet(csv('kode_formasi,kode_opd,jabatan', 'F-1,dinkes,Dokter'), 'csv', ctx);
    expect(result).toMatchObject({ ok: false, rows: [] });
    expect(result.report).toHaveLength(1);
    expect(result.report[0]?.line).toBe(1);
    expect(result.report[0]?.problems[0]?.id).toMatch(
      /Kolom wajib tidak ditemukan di baris judul: jenjang_pendidikan, program_studi/,
    );
  });

  it('is not ok when only the header is present', async () => {
    const result = await parseFormationSheet(csv(HEADER), 'csv', ctx);
    expect(result.ok).toBe(false);
    expect(result.report[0]?.line).toBe(0);
  });

  it('reports an unclosed quote at the line where it opened', async () => {
    const result = await parseFormationSheet(csv(HEADER, VALID, 'F-2,dinkes,"Dokter,S1,,umum,1,'), 'csv', ctx);
    expect(result.ok).toBe(false);
    expect(result.report).toEqual([expect.objectContaining({ line: 3, status: 'error' })]);
  });
});

describe('parseFormationSheet refusing what is not a formation sheet', () => {
  // Deterministic "random" bytes so the test cannot flake.
  let seed = 12345;
  const randomBytes = Buffer.from(
    Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff),
  );
  const corruptZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes.subarray(0, 200)]);
  const xlsMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
  const cases: { name: string; data: () => Promise<Buffer> | Buffer; format: 'xlsx' | 'csv'; expected: RegExp }[] = [
    { name: 'random bytes as CSV', data: () => randomBytes, format: 'csv', expected: /bukan CSV teks UTF-8/ },
    { name: 'random bytes as XLSX', data: () => randomBytes, format: 'xlsx', expected: /bukan XLSX yang valid/ },
    { name: 'a PDF as CSV', data: () => fixture('bukan-lembar-kerja.pdf'), format: 'csv', expected: /Berkas ini PDF/ },
    {
      name: 'a PDF as XLSX',
      data: () => fixture('bukan-lembar-kerja.pdf'),
      format: 'xlsx',
      expected: /Berkas ini PDF/,
    },
    { name: 'a damaged zip as XLSX', data: () => corruptZip, format: 'xlsx', expected: /XLSX rusak/ },
    { name: 'an old .xls', data: () => xlsMagic, format: 'xlsx', expected: /format Excel lama \(\.xls\)/ },
    {
      name: 'an XLSX uploaded as CSV',
      data: () => writeFormationSheet(ROWS, 'xlsx'),
      format: 'csv',
      expected: /tampaknya XLSX, bukan CSV/,
    },
    { name: 'an empty file', data: () => Buffer.alloc(0), format: 'csv', expected: /Berkas kosong/ },
  ];

  it.each(cases)('$name → ok false with one line-0 report', async ({ data, format, expected }) => {
    const result = await parseFormationSheet(await data(), format, ctx);
    expect(result.ok).toBe(false);
    expect(result.rows).toEqual([]);
    expect(result.report).toHaveLength(1);
    expect(result.report[0]).toMatchObject({ line: 0, code: null, status: 'error' });
    expect(result.report[0]?.problems[0]?.id).toMatch(expected);
  });
});

describe('parseFormationSheet size and progress', () => {
  const manyRows = (n: number): Buffer =>
    csv(HEADER, ...Array.from({ length: n }, (_, i) => `F-${i},dinkes,Dokter,S1,,umum,1,`));

  it('reports progress with increasing counts that end at the total', async () => {
    const calls: [number, number][] = [];
    const result = await parseFormationSheet(manyRows(1_234), 'csv', ctx, (done, total) => calls.push([done, total]));
    expect(result.ok).toBe(true);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.every(([, total]) => total === 1_234)).toBe(true);
    expect(calls.every(([done], i) => i === 0 || done > calls[i - 1]![0])).toBe(true);
    expect(calls.at(-1)).toEqual([1_234, 1_234]);
  });

  it('accepts exactly 20,000 rows', async () => {
    const result = await parseFormationSheet(manyRows(20_000), 'csv', ctx);
    expect(result.ok).toBe(true);
    expect(result.rows).toHaveLength(20_000);
    expect(result.report.at(-1)?.line).toBe(20_001);
  });

  it('refuses 20,001 rows as CSV with one line-0 report', async () => {
    const result = await parseFormationSheet(manyRows(20_001), 'csv', ctx);
    expect(result).toMatchObject({ ok: false, rows: [] });
    expect(result.report).toHaveLength(1);
    expect(result.report[0]?.line).toBe(0);
    expect(result.report[0]?.problems[0]?.id).toMatch(/lebih dari 20\.000 baris formasi/);
  });

  it('refuses 20,001 rows as XLSX', async () => {
    // Only the first column is filled: the row count alone must be enough to refuse the sheet.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Formasi');
    sheet.addRow([...FORMATION_SHEET_COLUMNS]);
    for (let i = 0; i < 20_001; i++) sheet.addRow([`F-${i}`]);
    const result = await parseFormationSheet(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', ctx);
    expect(result).toMatchObject({ ok: false, rows: [] });
    expect(result.report[0]?.line).toBe(0);
  });
});
