/**
 * A PENGUMUMAN (official announcement) as BKPSDM publishes it: letterhead, number and date, the
 * title and period, an opening paragraph, one table per formation (its code, jabatan and OPD above
 * it), numbered closing remarks and a signature block naming the committee member who approved it
 * (signed electronically; the QR opens the public check). A4, as many pages as the lists need,
 * each page numbered. The administration, SKD and final results all use this one template; each
 * caller says what the columns and the words are.
 */
import {
  COLORS,
  createDoc,
  drawHeader,
  drawPagedTable,
  drawSignatureBlock,
  finish,
  INNER_W,
  numberPages,
  PAGE,
  pdfText,
  type RenderOptions,
  type TableColumn,
} from './kit.ts';

export interface AnnouncementFormation {
  code: string;
  jabatan: string;
  organizationName: string;
  rows: string[][];
}

export interface AnnouncementData {
  year: number;
  number: string;
  /** `3 Desember 2026`. */
  dateText: string;
  periodName: string;
  title: string;
  opening: string;
  columns: TableColumn[];
  formations: AnnouncementFormation[];
  /** Shown under a formation whose list is empty. */
  emptyText: string;
  closing: string[];
  signerTitle: string;
  signerName: string;
  verifyUrl: string;
}

export async function renderAnnouncement(data: AnnouncementData, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDoc(`Pengumuman ${data.number}`, opts, { bufferPages: true });
  const x = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 40;
  let y = drawHeader(
    doc,
    data.year,
    'PENGUMUMAN',
    'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Palu',
  );
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(`Nomor: ${data.number}`), x, y - 6, { width: INNER_W, align: 'center' });
  y = doc.y + 8;
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(pdfText(data.title.toUpperCase()), x, y, { width: INNER_W, align: 'center' });
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(pdfText(data.periodName.toUpperCase()), { width: INNER_W, align: 'center' });
  y = doc.y + 12;
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(COLORS.ink)
    .text(pdfText(data.opening), x, y, { width: INNER_W, align: 'justify' });
  y = doc.y + 10;
  for (const f of data.formations) {
    if (y > bottom - 60) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc
      .fillColor(COLORS.navy)
      .font('Helvetica-Bold')
      .fontSize(9.5)
      .text(pdfText(`${f.code} — ${f.jabatan}`), x, y, { width: INNER_W });
    doc.fillColor(COLORS.muted).font('Helvetica').fontSize(8.5).text(pdfText(f.organizationName), { width: INNER_W });
    y = drawPagedTable(
      doc,
      doc.y + 3,
      data.columns,
      f.rows.map((r, i) => [String(i + 1), ...r]),
    );
    if (f.rows.length === 0) {
      doc
        .fillColor(COLORS.muted)
        .font('Helvetica-Oblique')
        .fontSize(8.5)
        .text(pdfText(data.emptyText), x + 4, y + 3, { width: INNER_W - 8 });
      y += 16;
    }
    y += 10;
  }
  if (y > bottom - 200) {
    doc.addPage();
    y = PAGE.margin;
  }
  doc.fillColor(COLORS.ink).font('Helvetica').fontSize(9.5);
  data.closing.forEach((line, i) =>
    doc.text(pdfText(`${i + 1}. ${line}`), x, i === 0 ? y : undefined, { width: INNER_W, align: 'justify' }),
  );
  y = doc.y + 16;
  await drawSignatureBlock(doc, y, data, { url: data.verifyUrl, caption: 'Periksa keaslian di Merit' });
  numberPages(doc, data.number);
  return finish(doc);
}

/** The number column every announcement table starts with. */
export const NO_COLUMN: TableColumn = { label: 'No', weight: 5, align: 'right' };
