/**
 * The draft annual competency development plan (rencana pengembangan kompetensi, PerLAN 5/2018)
 * as BKPSDM circulates it: letterhead, the year and its totals, then per OPD the programmes its
 * employees' evaluations call for — employees, JP and cost — and why. A4 landscape, as many pages
 * as it needs, each numbered. Drawn only with the kit.
 */
import {
  COLORS,
  createDoc,
  type Doc,
  drawLetterhead,
  drawPagedTable,
  finish,
  numberPages,
  PAGE,
  pdfText,
  type RenderOptions,
} from './kit.ts';

export interface CompetencyPlanPdf {
  year: number;
  /** `4 Desember 2026`. */
  dateText: string;
  organizations: {
    name: string;
    assessed: number;
    withNeeds: number;
    rows: {
      title: string;
      area: string;
      employees: number;
      jpEach: number;
      jp: number;
      costEach: number;
      cost: number;
      reasons: string;
    }[];
    jp: number;
    cost: number;
    /** Index-driven needs (IP ASN) and the expected gain per planned training; null without results. */
    index: {
      average: number | null;
      measured: number;
      needs: string[];
      trainings: {
        title: string;
        inPlan: boolean;
        covered: number;
        points: number;
        averageChange: number | null;
        expectedAverage: number | null;
        provisional: boolean;
      }[];
    } | null;
  }[];
  totals: { jp: number; cost: number };
  /** Which IP ASN year and instrument the index-driven needs come from; null when none. */
  index: { year: number; instrumentVersion: string } | null;
}

const num = (n: number | null) => (n === null ? '-' : n.toLocaleString('id-ID', { maximumFractionDigits: 2 }));

/** An OPD's index-driven needs under its plan table: the gaps in words, then the expected gain per training. */
function drawIndexNeeds(
  doc: Doc,
  y: number,
  index: NonNullable<CompetencyPlanPdf['organizations'][number]['index']>,
  year: number,
): number {
  const x = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  if (y > doc.page.height - PAGE.margin - 80) {
    doc.addPage();
    y = PAGE.margin;
  }
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica-Bold')
    .fontSize(9)
    .text(
      pdfText(
        `Kebutuhan dari IP ASN ${year} (rata-rata OPD ${num(index.average)}, ${index.measured} pegawai berdata lengkap)`,
      ),
      x,
      y,
      { width },
    );
  doc.font('Helvetica').fontSize(8.5);
  for (const n of index.needs) doc.text(pdfText(`• ${n}`), { width });
  if (index.trainings.length === 0) return doc.y + 14;
  return (
    drawPagedTable(
      doc,
      doc.y + 4,
      [
        { label: 'Pelatihan (perkiraan kenaikan IP ASN)', weight: 34 },
        { label: 'Asal', weight: 14 },
        { label: 'Pegawai naik', weight: 10, align: 'right' },
        { label: 'Tambahan poin', weight: 10, align: 'right' },
        { label: 'Perubahan rata-rata OPD', weight: 12, align: 'right' },
        { label: 'Rata-rata sesudahnya', weight: 10, align: 'right' },
        { label: 'Sementara', weight: 10 },
      ],
      index.trainings.map((t) => [
        t.title,
        t.inPlan ? 'Rencana' : 'Angkatan terbuka',
        String(t.covered),
        num(t.points),
        t.averageChange === null ? '-' : `+${num(t.averageChange)}`,
        num(t.expectedAverage),
        t.provisional ? 'ya' : 'tidak',
      ]),
      { fontSize: 8 },
    ) + 14
  );
}

const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

export async function renderCompetencyPlan(data: CompetencyPlanPdf, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDoc(`Draf Rencana Pengembangan Kompetensi ${data.year}`, opts, {
    bufferPages: true,
    layout: 'landscape',
  });
  const x = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  let y = drawLetterhead(doc, {
    heading: `PEMERINTAH KOTA PALU — Pengembangan Kompetensi ASN ${data.year}`,
    subtitle: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Palu',
    title: 'DRAF RENCANA PENGEMBANGAN KOMPETENSI',
  });
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      pdfText(
        `Disusun ${data.dateText} dari evaluasi kinerja final terbaru setiap pegawai (PermenPANRB 6/2022): program yang disarankan menurut predikat, rating perilaku BerAKHLAK dan hasil kerja di bawah ekspektasi. Perkiraan total ${data.totals.jp.toLocaleString('id-ID')} JP, ${rupiah(data.totals.cost)}. Draf untuk disunting BKPSDM; pendaftaran yang sudah ada tidak dikurangkan.${
          data.index
            ? ` Kebutuhan dari IP ASN ${data.index.year} (instrumen ${data.index.instrumentVersion}): perkiraan kenaikan bila semua pegawai yang tercakup menyelesaikan pelatihan dan hal lain tidak berubah; bertanda sementara bila poinnya bersandar pada sel instrumen yang belum pasti sumbernya.`
            : ''
        }`,
      ),
      x,
      y,
      { width, align: 'justify' },
    );
  y = doc.y + 12;
  if (data.organizations.length === 0) {
    doc
      .font('Helvetica-Oblique')
      .text(pdfText('Belum ada kebutuhan pelatihan dari evaluasi final tahun ini.'), x, y, { width });
  }
  for (const o of data.organizations) {
    if (y > doc.page.height - PAGE.margin - 90) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(11).text(pdfText(o.name), x, y, { width });
    doc
      .fillColor(COLORS.muted)
      .font('Helvetica')
      .fontSize(8.5)
      .text(
        pdfText(
          `${o.withNeeds} dari ${o.assessed} pegawai yang dinilai membutuhkan pelatihan · ${o.jp.toLocaleString('id-ID')} JP · ${rupiah(o.cost)}`,
        ),
        { width },
      );
    y =
      drawPagedTable(
        doc,
        doc.y + 4,
        [
          { label: 'Program', weight: 22 },
          { label: 'Bidang kompetensi', weight: 13 },
          { label: 'Pegawai', weight: 6, align: 'right' },
          { label: 'JP/peserta', weight: 7, align: 'right' },
          { label: 'Total JP', weight: 6, align: 'right' },
          { label: 'Biaya/peserta', weight: 10, align: 'right' },
          { label: 'Total biaya', weight: 11, align: 'right' },
          { label: 'Alasan', weight: 25 },
        ],
        o.rows.map((r) => [
          r.title,
          r.area,
          String(r.employees),
          String(r.jpEach),
          String(r.jp),
          rupiah(r.costEach),
          rupiah(r.cost),
          r.reasons,
        ]),
        { fontSize: 8 },
      ) + 14;
    if (o.index && data.index) y = drawIndexNeeds(doc, y, o.index, data.index.year);
  }
  numberPages(doc, `Draf Rencana Pengembangan Kompetensi ${data.year}`);
  return finish(doc);
}
