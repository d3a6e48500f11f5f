import { describe, expect, it } from 'vitest';
import { csvField, readSheet, writeSheet } from './sheets.ts';

const opts = { maxRows: 3, columns: 3, noun: { id: 'pegawai', en: 'employee' } };
const columns = [
  { name: 'nip', width: 22 },
  { name: 'nama', width: 30 },
  { name: 'jp', width: 6, text: false },
];
const rows = [
  ['199001012015031001', 'Andi Lamarauna, S.Kom.', 24],
  ['199205122019032002', 'Dewi "Ina" Pakava', 0],
];

describe('sheets kit', () => {
  it.each(['xlsx', 'csv'] as const)('reads back what it writes (%s), with Excel row numbers', async (format) => {
    const out = await writeSheet({ name: 'Pegawai', columns, rows }, format);
    const read = await readSheet(out, format, opts);
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['nip', 'nama', 'jp'] },
        { line: 2, cells: ['199001012015031001', 'Andi Lamarauna, S.Kom.', '24'] },
        { line: 3, cells: ['199205122019032002', 'Dewi "Ina" Pakava', '0'] },
      ],
    });
  });

  it('reads an Indonesian-locale CSV with ; separators, quoted line breaks and a BOM', async () => {
    const read = await readSheet(Buffer.from('\uFEFFnip;nama\n1;"Baris\nkedua"\n\n2;x\n'), 'csv', opts);
    expect(read).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['nip', 'nama'] },
        { line: 2, cells: ['1', 'Baris\nkedua'] },
        { line: 4, cells: ['2', 'x'] },
      ],
    });
  });

  it.each<[string, Buffer, 'xlsx' | 'csv', RegExp]>([
    ['an empty file', Buffer.alloc(0), 'csv', /Berkas kosong\. Unggah berkas pegawai/],
    ['a PDF', Buffer.from('%PDF-1.7 …'), 'xlsx', /Berkas ini PDF/],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), 'xlsx', /format Excel lama/],
    ['a CSV sent as XLSX', Buffer.from('nip,nama\n'), 'xlsx', /bukan XLSX yang valid/],
    ['a broken workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'xlsx', /XLSX rusak/],
    ['binary as CSV', Buffer.from([0x6e, 0x00, 0x69]), 'csv', /bukan CSV teks UTF-8/],
    ['Latin-1 as CSV', Buffer.from([0x6e, 0xe9, 0x0a]), 'csv', /bukan CSV teks UTF-8/],
    ['an unclosed quote', Buffer.from('nip,nama\n1,"tanpa tutup\n'), 'csv', /dibuka di baris 2 tidak pernah ditutup/],
    ['too many rows', Buffer.from('nip\n1\n2\n3\n4\n'), 'csv', /lebih dari 3 baris pegawai/],
  ])('refuses %s with a message that says what to do', async (_what, data, format, message) => {
    const read = await readSheet(data, format, opts);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.id).toMatch(message);
  });

  it('defuses cells Excel would run as formulas, and leaves numbers alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-5')).toBe('-5');
    expect(csvField(-5)).toBe('-5');
    expect(csvField('-')).toBe('-');
  });
});
