/**
 * The PDF kit every printable document is drawn with: A4 pages with the Pemerintah Kota Palu
 * letterhead, label/value tables, lists, paged tables with a repeating header, a QR code of a
 * verification URL, the electronic signature block and page numbers. Templates live with the module
 * that owns the document (cards and announcements here for recruitment and exam; development and
 * performance keep theirs in their modules) and draw only with these pieces.
 *
 * Text uses pdfkit's built-in Helvetica (WinAnsi encoding), which covers Indonesian completely;
 * characters outside WinAnsi in names are folded to their base letter (see `pdfText`).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export type Doc = PDFKit.PDFDocument;

export interface RenderOptions {
  /** Fixes CreationDate/ModDate (and so the file ID): the same input renders the same bytes. */
  now?: Date;
  /** Deflate content streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

export const PAGE = { width: 595.28, height: 841.89, margin: 40 };
export const INNER_W = PAGE.width - 2 * PAGE.margin;
export const COLORS = {
  navy: '#17375e',
  gold: '#c9a227',
  ink: '#1a1a1a',
  muted: '#555555',
  line: '#b8c2cc',
  zebra: '#f3f6f9',
  pass: '#1e6b34',
  fail: '#a11d1d',
};
export const QR_SIZE = 96;
/** Wide enough for a QR caption on one line. */
export const QR_COLUMN = 150;
/** QR raster: 8 px per module so viewers that smooth upscaled images still print crisp modules. */
export const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1, scale: 8 } as const;

const CP1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const isWinAnsi = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) || CP1252_EXTRA.has(ch);
};

/**
 * Makes text printable with the standard PDF fonts: NFC first, then letters outside WinAnsi lose
 * their diacritics (Ṣ → S), common symbols get ASCII stand-ins, anything else becomes "?".
 */
export function pdfText(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (ch === '\n' || isWinAnsi(ch)) {
      out += ch;
      continue;
    }
    const mapped = ({ '≥': '>=', '≤': '<=', '‖': '||', '→': '->', '−': '-' } as Record<string, string>)[ch];
    if (mapped) {
      out += mapped;
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every(isWinAnsi) ? base : '?';
  }
  return out;
}

export function createDoc(
  title: string,
  opts: RenderOptions,
  extra: { bufferPages?: boolean; layout?: 'portrait' | 'landscape' } = {},
): Doc {
  const now = opts.now ?? new Date();
  return new PDFDocument({
    size: 'A4',
    layout: extra.layout ?? 'portrait',
    bufferPages: extra.bufferPages ?? false,
    margin: PAGE.margin,
    compress: opts.compress ?? true,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      Title: pdfText(title),
      Author: 'Pemerintah Kota Palu',
      Creator: 'Merit',
      Producer: 'Merit (pdfkit)',
      CreationDate: now,
      ModDate: now,
    },
  });
}

export function finish(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export interface Letterhead {
  /** The band's first line, e.g. "PEMERINTAH KOTA PALU — Seleksi Calon ASN 2026". */
  heading: string;
  /** The band's second line (period, agency). */
  subtitle: string;
  /** The document's title under the band, e.g. "KARTU PENDAFTARAN". */
  title: string;
}

/** The letterhead line of selection documents. */
export const selectionHeading = (year: number) => `PEMERINTAH KOTA PALU — Seleksi Calon ASN ${year}`;

/** Header band shared by all documents; returns the y below it. */
export function drawLetterhead(doc: Doc, head: Letterhead): number {
  const x = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  let y = PAGE.margin;
  doc.save().rect(x, y, width, 58).fill(COLORS.navy).restore();
  doc
    .save()
    .rect(x, y + 58, width, 3)
    .fill(COLORS.gold)
    .restore();
  // a simple seal-like mark so the band does not read as a plain banner
  doc
    .save()
    .circle(x + 30, y + 29, 19)
    .lineWidth(2)
    .stroke(COLORS.gold)
    .restore();
  doc
    .fillColor(COLORS.gold)
    .font('Helvetica-Bold')
    .fontSize(9)
    .text('PALU', x + 11, y + 25, { width: 38, align: 'center' });
  doc
    .fillColor('white')
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(pdfText(head.heading), x + 60, y + 13, { width: width - 70 });
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .text(pdfText(head.subtitle), x + 60, y + 35, { width: width - 70 });
  y += 61 + 18;
  doc
    .fillColor(COLORS.navy)
    .font('Helvetica-Bold')
    .fontSize(17)
    .text(pdfText(head.title), x, y, { width, align: 'center', characterSpacing: 1.5 });
  return doc.y + 12;
}

/** The selection letterhead (cards, certificates, announcements of a recruitment year). */
export function drawHeader(doc: Doc, year: number, title: string, subtitle: string): number {
  return drawLetterhead(doc, { heading: selectionHeading(year), subtitle, title });
}

/** Two-column label/value table with zebra rows; returns the y below it. */
export function drawFieldTable(
  doc: Doc,
  x: number,
  y: number,
  width: number,
  rows: [string, string][],
  labelWidth = 130,
): number {
  const pad = 5;
  for (const [i, [label, value]] of rows.entries()) {
    doc.font('Helvetica-Bold').fontSize(10);
    const lh = doc.heightOfString(pdfText(label), { width: labelWidth - 2 * pad });
    doc.font('Helvetica').fontSize(10);
    const vh = doc.heightOfString(pdfText(value), { width: width - labelWidth - 2 * pad });
    const h = Math.max(lh, vh) + 2 * pad;
    if (i % 2 === 0) doc.save().rect(x, y, width, h).fill(COLORS.zebra).restore();
    doc
      .save()
      .moveTo(x, y + h)
      .lineTo(x + width, y + h)
      .lineWidth(0.5)
      .stroke(COLORS.line)
      .restore();
    doc
      .fillColor(COLORS.muted)
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(pdfText(label), x + pad, y + pad, { width: labelWidth - 2 * pad });
    doc
      .fillColor(COLORS.ink)
      .font('Helvetica')
      .fontSize(10)
      .text(pdfText(value), x + labelWidth + pad, y + pad, { width: width - labelWidth - 2 * pad });
    y += h;
  }
  return y;
}

/** A list with hanging indents (pdfkit's own list mis-indents wrapped numbered items). */
export function drawList(
  doc: Doc,
  items: string[],
  x: number,
  y: number,
  width: number,
  o: { fontSize: number; numbered: boolean },
): number {
  const gutter = o.numbered ? 18 : 10;
  for (const [i, item] of items.entries()) {
    doc.fillColor(COLORS.ink).font('Helvetica').fontSize(o.fontSize);
    if (o.numbered) doc.text(`${i + 1}.`, x, y, { width: gutter - 4, align: 'right' });
    else
      doc
        .save()
        .circle(x + 3, y + o.fontSize * 0.42, 1.5)
        .fill(COLORS.ink)
        .restore();
    doc.fillColor(COLORS.ink).text(pdfText(item), x + gutter, y, { width: width - gutter });
    y = doc.y + 3;
  }
  doc.y = y;
  return y;
}

export interface TableColumn {
  label: string;
  /** Share of the table's width (the shares are normalised). */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * A table that continues on new pages, repeating its header row; rows are one line each (longer
 * cells are cut, so callers keep cells short). Returns the y below it.
 */
export function drawPagedTable(
  doc: Doc,
  y: number,
  columns: TableColumn[],
  rows: string[][],
  o: { fontSize?: number; bottomMargin?: number } = {},
): number {
  const x = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const fontSize = o.fontSize ?? 8.5;
  const rowH = fontSize + 6;
  const bottom = () => doc.page.height - PAGE.margin - (o.bottomMargin ?? 40);
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * width);
  const cells = (top: number, values: string[], bold: boolean, color: string) => {
    let cx = x;
    doc
      .fillColor(color)
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(fontSize);
    values.forEach((v, i) => {
      doc.text(pdfText(v), cx + 4, top + 3, {
        width: widths[i]! - 8,
        align: columns[i]?.align ?? 'left',
        lineBreak: false,
        ellipsis: true,
      });
      cx += widths[i]!;
    });
  };
  const header = (top: number) => {
    doc
      .save()
      .rect(x, top, width, rowH + 2)
      .fill(COLORS.navy)
      .restore();
    cells(
      top + 1,
      columns.map((c) => c.label),
      true,
      'white',
    );
    return top + rowH + 2;
  };
  if (y > bottom() - 2 * rowH) {
    doc.addPage();
    y = PAGE.margin;
  }
  y = header(y);
  rows.forEach((row, i) => {
    if (y > bottom() - rowH) {
      doc.addPage();
      y = header(PAGE.margin);
    }
    if (i % 2 === 1) doc.save().rect(x, y, width, rowH).fill(COLORS.zebra).restore();
    cells(y, row, false, COLORS.ink);
    y += rowH;
  });
  doc.y = y;
  return y;
}

/** Draws the QR of `url` with its caption in a column of QR_COLUMN points ending at `right`. */
export async function drawQr(doc: Doc, right: number, y: number, url: string, caption: string): Promise<void> {
  const png = await QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png' });
  const left = right - QR_COLUMN;
  doc.image(png, left + (QR_COLUMN - QR_SIZE) / 2, y, { width: QR_SIZE, height: QR_SIZE });
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica')
    .fontSize(7.5)
    .text(pdfText(caption), left, y + QR_SIZE + 3, { width: QR_COLUMN, align: 'center' });
}

export interface Signature {
  /** `3 Desember 2026`. */
  dateText: string;
  signerTitle: string;
  signerName: string;
}

/**
 * The signature block, right-aligned, with the verification QR on the left: "Palu, <date>", the
 * office, "signed electronically" and the name. Returns the y below it.
 */
export async function drawSignatureBlock(
  doc: Doc,
  y: number,
  sig: Signature,
  verify: { url: string; caption: string },
): Promise<number> {
  const x = PAGE.margin;
  const width = doc.page.width - 2 * PAGE.margin;
  const signX = x + width - 220;
  await drawQr(doc, x + QR_COLUMN, y, verify.url, verify.caption);
  doc.fillColor(COLORS.ink).font('Helvetica').fontSize(10);
  doc.text(pdfText(`Palu, ${sig.dateText}`), signX, y, { width: 220 });
  doc.text(pdfText(sig.signerTitle), signX, doc.y + 2, { width: 220 });
  doc
    .font('Helvetica-Oblique')
    .fontSize(8.5)
    .fillColor(COLORS.muted)
    .text(pdfText('Ditandatangani secara elektronik melalui Merit'), signX, doc.y + 22, { width: 220 });
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor(COLORS.ink)
    .text(pdfText(sig.signerName), signX, doc.y + 4, { width: 220, underline: true });
  return Math.max(doc.y, y + QR_SIZE + 16);
}

export function drawFooter(doc: Doc, text: string): void {
  const y = doc.page.height - PAGE.margin - 24;
  doc
    .save()
    .moveTo(PAGE.margin, y)
    .lineTo(doc.page.width - PAGE.margin, y)
    .lineWidth(0.5)
    .stroke(COLORS.line)
    .restore();
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica')
    .fontSize(7.5)
    .text(pdfText(text), PAGE.margin, y + 6, {
      width: doc.page.width - 2 * PAGE.margin,
      align: 'center',
      lineBreak: false,
    });
}

/** "<label> — halaman i dari n" on every page; needs a document created with `bufferPages`. */
export function numberPages(doc: Doc, label: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .fillColor(COLORS.muted)
      .font('Helvetica')
      .fontSize(7.5)
      .text(
        pdfText(`${label} — halaman ${i + 1} dari ${range.count}`),
        PAGE.margin,
        doc.page.height - PAGE.margin - 12,
        {
          width: doc.page.width - 2 * PAGE.margin,
          align: 'center',
          lineBreak: false,
        },
      );
  }
}
