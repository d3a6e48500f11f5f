import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfPagesText } from '../../../test/pdf-text.ts';
import { IP_ASN_2019 } from './domain/ip-asn.ts';
import { figureOf, holdsBack, pointOf, provisionalCells } from './ip-report-figures.ts';
import { renderIpReport } from './ip-report-pdf.ts';

const row = (total: number, dims: number[], status = 'PNS', complete = true) =>
  pointOf({
    employee_id: String(total),
    employee_status: status,
    organization_id: 'kominfo',
    jabatan_type: 'pelaksana',
    kualifikasi: String(dims[0]),
    kompetensi: String(dims[1]),
    kinerja: String(dims[2]),
    disiplin: String(dims[3]),
    total: String(total),
    band: total >= 91 ? 'sangat_tinggi' : total >= 71 ? 'sedang' : 'rendah',
    complete,
    provisional: true,
  });
const points = [row(95, [20, 40, 30, 5]), row(65.5, [15, 22.5, 25, 3]), row(40, [0, 10, 25, 5], 'PPPK', false)];
const all = figureOf(IP_ASN_2019, points);
const data = {
  year: 2025,
  organizationName: 'Dinas Komunikasi, Informatika dan Persandian',
  dateText: '7 Desember 2026',
  instrumentVersion: 'perban-8-2019',
  provisionalCells: provisionalCells(IP_ASN_2019),
  maxima: IP_ASN_2019.maxima,
  groups: [
    { label: 'Semua ASN', figure: all },
    { label: 'PNS (termasuk CPNS)', figure: figureOf(IP_ASN_2019, points.slice(0, 2)) },
    { label: 'PPPK', figure: figureOf(IP_ASN_2019, points.slice(2)) },
  ],
  city: all,
  holdsBack: holdsBack(IP_ASN_2019, all),
  byJabatan: [{ label: 'Pelaksana', figure: all }],
  official: [{ label: 'Angka resmi BKN 2024 (PNS)', total: 78.25, respondents: 120 }],
};

describe('IP ASN OPD report PDF', () => {
  it('states the index, participation, band spread, what holds it back, the chart and every provisional cell', async () => {
    const pdf = await renderIpReport(data, { now: new Date('2026-12-07T02:00:00Z'), compress: false });
    const text = (await pdfPagesText(pdf)).join(' ');
    expect(all).toMatchObject({ n: 2, of: 3, total: 80.25, band: 'sedang', participation: 66.7 });
    for (const s of [
      'LAPORAN INDEKS PROFESIONALITAS ASN',
      'Dinas Komunikasi, Informatika dan Persandian',
      '80,25 (Sedang) · 2 dari 3 pegawai lengkap (66,7 %)',
      'Grafik: rata-rata dimensi terhadap nilai maksimal',
      '31,25 / 40', // kompetensi mean (40 + 22.5) / 2
      'Kompetensi: rata-rata 31,25 dari 40 (selisih 8,75 poin)',
      'Sebaran kategori',
      'Angka resmi BKN 2024 (PNS)',
      'Instrumen perban-8-2019: sel sementara',
      'kinerja.baik = 25 poin',
      'seminarWindowMonths = 12 bulan',
    ])
      expect(text).toContain(s);
    // the chart's bars are filled rectangles in the content stream
    expect((pdf.toString('latin1').match(/ re\s/g) ?? []).length).toBeGreaterThan(8);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toBe('Laporan IP ASN Dinas Komunikasi, Informatika dan Persandian 2025');
  });

  it('renders the same bytes for the same input', async () => {
    const a = await renderIpReport(data, { now: new Date('2026-12-07T02:00:00Z') });
    const b = await renderIpReport(data, { now: new Date('2026-12-07T02:00:00Z') });
    expect(a.equals(b)).toBe(true);
  });
});
