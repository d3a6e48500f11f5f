/**
 * The QR poster for a service desk (A4): the unit, a large QR that opens its SKM survey on a phone,
 * and how long it takes — drawn only with the PDF kit (ADR 0005).
 */
import {
  COLORS,
  createDoc,
  drawFooter,
  drawLetterhead,
  drawQr,
  finish,
  PAGE,
  pdfText,
  QR_COLUMN,
  QR_SIZE,
  type RenderOptions,
} from '../../platform/pdf/kit.ts';

export interface PosterInput {
  unitName: string;
  organizationName: string;
  desk: string;
  url: string;
  unsurCount: number;
}

export async function renderSurveyPoster(p: PosterInput, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDoc(`Survei Kepuasan Masyarakat — ${p.unitName}`, opts);
  let y = drawLetterhead(doc, {
    heading: 'PEMERINTAH KOTA PALU',
    subtitle: p.organizationName,
    title: 'SURVEI KEPUASAN MASYARAKAT',
  });
  const width = doc.page.width - 2 * PAGE.margin;
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(pdfText(p.unitName), PAGE.margin, y + 6, { width, align: 'center' });
  if (p.desk)
    doc
      .font('Helvetica')
      .fontSize(13)
      .fillColor(COLORS.muted)
      .text(pdfText(p.desk), PAGE.margin, doc.y + 4, { width, align: 'center' });
  y = doc.y + 24;
  doc
    .font('Helvetica')
    .fontSize(13)
    .fillColor(COLORS.ink)
    .text(
      pdfText(
        `Bagaimana pelayanan kami hari ini? Pindai kode QR dengan kamera ponsel Anda dan jawab ${p.unsurCount} pertanyaan singkat (sekitar 2 menit). Jawaban Anda tanpa nama.`,
      ),
      PAGE.margin + 30,
      y,
      { width: width - 60, align: 'center' },
    );
  y = doc.y + 24;
  // The kit's QR, scaled up from the page centre so it scans from a counter's distance.
  const scale = 2.6;
  const qrWidth = QR_COLUMN * scale;
  const left = (doc.page.width - qrWidth) / 2;
  doc.save().translate(left, y).scale(scale);
  await drawQr(doc, QR_COLUMN, 0, p.url, 'Pindai untuk mengisi survei');
  doc.restore();
  y += (QR_SIZE + 16) * scale + 12;
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(COLORS.muted)
    .text(pdfText(`Atau buka: ${p.url}`), PAGE.margin, y, { width, align: 'center' });
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(
      pdfText(
        'Dasar: Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat. Hasil survei diumumkan kepada publik.',
      ),
      PAGE.margin + 30,
      doc.y + 18,
      { width: width - 60, align: 'center' },
    );
  drawFooter(doc, 'Merit — Pemerintah Kota Palu');
  return finish(doc);
}
