/**
 * The IP ASN report of one OPD for the Wali Kota: the index and its band for all ASN, PNS (with
 * CPNS) and PPPK apart, participation, a bar chart of the four dimension means against their
 * maxima, the band distribution, the dimension that holds the OPD back, the jabatan types, BKN's
 * official figures when imported, and the instrument version with its provisional cells. Drawn
 * with the platform's PDF kit; pure over its data so a test can read the bytes.
 */
import {
  COLORS,
  createDoc,
  drawFieldTable,
  drawLetterhead,
  drawList,
  drawPagedTable,
  finish,
  numberPages,
  PAGE,
  pdfText,
  type Doc,
  type RenderOptions,
} from '../../platform/pdf/kit.ts';
import { BAND_LABELS, BANDS, type Band, DIMENSION_LABELS, DIMENSIONS, type Dimension } from './domain/ip-asn.ts';
import type { Figure } from './ip-report-figures.ts';

export interface IpReportPdf {
  year: number;
  organizationName: string;
  /** `7 Desember 2026`. */
  dateText: string;
  instrumentVersion: string;
  provisionalCells: { cell: string; points: number; note: string }[];
  maxima: Record<Dimension, number>;
  /** Semua ASN, PNS (termasuk CPNS), PPPK. */
  groups: { label: string; figure: Figure }[];
  city: Figure | null;
  holdsBack: { dimension: Dimension; mean: number; max: number; gap: number } | null;
  byJabatan: { label: string; figure: Figure }[];
  official: { label: string; total: number; respondents: number | null }[];
}

const num = (x: number) => x.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const bandText = (b: Band | null) => (b ? BAND_LABELS[b].id : 'belum ada');
const figureText = (f: Figure) =>
  f.n === 0
    ? `belum ada indeks lengkap (${f.of} pegawai diukur)`
    : `${num(f.total)} (${bandText(f.band)}) · ${f.n} dari ${f.of} pegawai lengkap (${(f.participation ?? 0).toLocaleString('id-ID')} %)`;

/** Horizontal bars of the dimension means against their maxima, each labelled with its value; returns the y below. */
function drawDimensionChart(doc: Doc, y: number, f: Figure, maxima: Record<Dimension, number>): number {
  const x = PAGE.margin;
  const labelW = 90;
  const barW = doc.page.width - 2 * PAGE.margin - labelW - 90;
  const rowH = 22;
  doc
    .fillColor(COLORS.navy)
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text(pdfText('Grafik: rata-rata dimensi terhadap nilai maksimal'), x, y);
  y = doc.y + 6;
  for (const d of DIMENSIONS) {
    const max = maxima[d];
    const share = max > 0 ? Math.min(1, f.means[d] / max) : 0;
    doc
      .fillColor(COLORS.ink)
      .font('Helvetica')
      .fontSize(9)
      .text(pdfText(DIMENSION_LABELS[d].id), x, y + 4, { width: labelW - 6, align: 'right' });
    doc
      .save()
      .rect(x + labelW, y, barW, rowH - 8)
      .fill(COLORS.zebra)
      .restore();
    doc
      .save()
      .rect(x + labelW, y, Math.max(1, barW * share), rowH - 8)
      .fill(COLORS.navy)
      .restore();
    doc
      .fillColor(COLORS.ink)
      .fontSize(9)
      .text(pdfText(`${num(f.means[d])} / ${max}`), x + labelW + barW + 6, y + 3, { width: 80 });
    y += rowH;
  }
  return y + 4;
}

/** Renders the report (A4 portrait, numbered pages). */
export async function renderIpReport(data: IpReportPdf, opts: RenderOptions = {}): Promise<Buffer> {
  const title = `Laporan IP ASN ${data.organizationName} ${data.year}`;
  const doc = createDoc(title, opts, { bufferPages: true });
  const x = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  let y = drawLetterhead(doc, {
    heading: `PEMERINTAH KOTA PALU — Indeks Profesionalitas ASN ${data.year}`,
    subtitle: 'Laporan kepada Wali Kota Palu · BKPSDM Kota Palu',
    title: 'LAPORAN INDEKS PROFESIONALITAS ASN',
  });
  const all = data.groups[0]!.figure;
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      pdfText(
        `${data.organizationName}, tahun ${data.year}, disusun ${data.dateText}. Indeks = jumlah rata-rata keempat dimensi atas pegawai yang datanya lengkap (PermenPANRB 38/2018; Perban BKN 8/2019), dibulatkan dua desimal. Instrumen versi ${data.instrumentVersion}; ${data.provisionalCells.length} sel instrumen masih sementara (lihat bagian akhir). PNS dan PPPK dilaporkan terpisah; CPNS dihitung bersama PNS.`,
      ),
      x,
      y,
      { width, align: 'justify' },
    );
  y = doc.y + 10;
  y = drawFieldTable(
    doc,
    x,
    y,
    width,
    [
      ...data.groups.map((g): [string, string] => [g.label, figureText(g.figure)]),
      ['Kota Palu (pembanding)', data.city ? figureText(data.city) : '-'],
      [
        'Dimensi penghambat',
        data.holdsBack
          ? `${DIMENSION_LABELS[data.holdsBack.dimension].id}: rata-rata ${num(data.holdsBack.mean)} dari ${data.holdsBack.max} (selisih ${num(data.holdsBack.gap)} poin)`
          : '-',
      ],
      ['Hasil dengan sel sementara', `${all.provisional} dari ${all.of} pegawai`],
      ...data.official.map((o): [string, string] => [
        o.label,
        `${num(o.total)}${o.respondents === null ? '' : ` (${o.respondents} responden)`}`,
      ]),
    ],
    170,
  );
  y = drawDimensionChart(doc, y + 14, all, data.maxima);
  y = drawBands(doc, y + 6, data.groups);
  if (data.byJabatan.length > 0) {
    doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(10.5).text('Per jenis jabatan', x, y);
    y = drawPagedTable(
      doc,
      doc.y + 4,
      [
        { label: 'Jenis jabatan', weight: 30 },
        { label: 'Diukur', weight: 10, align: 'right' },
        { label: 'Lengkap', weight: 10, align: 'right' },
        { label: 'Indeks', weight: 12, align: 'right' },
        { label: 'Kategori', weight: 18 },
      ],
      data.byJabatan.map((j) => [
        j.label,
        String(j.figure.of),
        String(j.figure.n),
        j.figure.n ? num(j.figure.total) : '-',
        bandText(j.figure.band),
      ]),
    );
  }
  drawProvisional(doc, y + 12, data);
  numberPages(doc, title);
  return finish(doc);
}

function drawBands(doc: Doc, y: number, groups: IpReportPdf['groups']): number {
  doc
    .fillColor(COLORS.navy)
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text('Sebaran kategori (pegawai dengan indeks lengkap)', PAGE.margin, y);
  return (
    drawPagedTable(
      doc,
      doc.y + 4,
      [
        { label: 'Kelompok', weight: 24 },
        ...BANDS.map((b) => ({ label: BAND_LABELS[b].id, weight: 13, align: 'right' as const })),
      ],
      groups.map((g) => [g.label, ...BANDS.map((b) => String(g.figure.bands[b]))]),
    ) + 12
  );
}

function drawProvisional(doc: Doc, y: number, data: IpReportPdf) {
  if (y > doc.page.height - PAGE.margin - 120) {
    doc.addPage();
    y = PAGE.margin;
  }
  doc
    .fillColor(COLORS.navy)
    .font('Helvetica-Bold')
    .fontSize(10.5)
    .text(pdfText(`Instrumen ${data.instrumentVersion}: sel sementara`), PAGE.margin, y);
  const unit = (cell: string) => (cell.endsWith('Months') ? 'bulan' : cell.endsWith('Jp') ? 'JP' : 'poin');
  const items = data.provisionalCells.map(
    (c) => `${c.cell} = ${c.points.toLocaleString('id-ID')} ${unit(c.cell)} — ${c.note}`,
  );
  drawList(
    doc,
    items.length ? items : ['Semua sel instrumen bersumber.'],
    PAGE.margin,
    doc.y + 4,
    doc.page.width - 2 * PAGE.margin,
    {
      fontSize: 8.5,
      numbered: false,
    },
  );
}
