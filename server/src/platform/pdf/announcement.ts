/**
 * The PENGUMUMAN of an administrative selection result as BKPSDM publishes it: letterhead, number
 * and date, the legal opening, the list of participants who meet the requirements (MS) per
 * formation (registration number, masked name), the closing and a signature block naming the
 * committee member who approved it (signed electronically; the QR opens the public check page).
 * A4, as many pages as the list needs, each page numbered.
 */
import { COLORS, createDoc, drawHeader, drawSignatureBlock, finish, INNER_W, numberPages, PAGE, pdfText, type RenderOptions } from './kit.ts';

export interface AnnouncementRow {
  registrationNo: string;
  maskedName: string;
}

export interface AnnouncementFormation {
  code: string;
  jabatan: string;
  organizationName: string;
  rows: AnnouncementRow[];
}

export interface AnnouncementData {
  year: number;
  number: string;
  /** `3 Desember 2026`. */
  dateText: string;
  periodName: string;
  title: string;
  formations: AnnouncementFormation[];
  msCount: number;
  tmsCount: number;
  objectionUntilText: string | null;
  signerTitle: string;
  signerName: string;
  verifyUrl: string;
}

export async function renderAnnouncement(data: AnnouncementData, opts: RenderOptions = {}): Promise<Buffer> {
  const doc = createDoc(`Pengumuman ${data.number}`, opts, { bufferPages: true });
  const x = PAGE.margin;
  const bottom = PAGE.height - PAGE.margin - 40;
  let y = drawHeader(doc, data.year, 'PENGUMUMAN', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM) Kota Palu');
  doc.fillColor(COLORS.ink).font('Helvetica').fontSize(10).text(pdfText(`Nomor: ${data.number}`), x, y - 6, { width: INNER_W, align: 'center' });
  y = doc.y + 8;
  doc.font('Helvetica-Bold').fontSize(11).text(pdfText(data.title.toUpperCase()), x, y, { width: INNER_W, align: 'center' });
  doc.font('Helvetica-Bold').fontSize(10).text(pdfText(data.periodName.toUpperCase()), { width: INNER_W, align: 'center' });
  y = doc.y + 12;
  doc.font('Helvetica').fontSize(10).fillColor(COLORS.ink).text(
    pdfText(
      `Berdasarkan hasil verifikasi administrasi oleh verifikator dan peninjauan Panitia Seleksi Daerah Pemerintah Kota Palu, ` +
        `dengan ini diumumkan pelamar yang dinyatakan Memenuhi Syarat (MS) administrasi sebanyak ${data.msCount} orang ` +
        `(Tidak Memenuhi Syarat: ${data.tmsCount} orang), sebagai berikut:`,
    ),
    x, y, { width: INNER_W, align: 'justify' },
  );
  y = doc.y + 10;
  const cols = [28, 150, INNER_W - 178];
  const header = (top: number) => {
    doc.save().rect(x, top, INNER_W, 16).fill(COLORS.navy).restore();
    doc.fillColor('white').font('Helvetica-Bold').fontSize(8.5);
    doc.text('No', x + 4, top + 4, { width: cols[0]! - 6 });
    doc.text('Nomor Pendaftaran', x + cols[0]!, top + 4, { width: cols[1]! - 6 });
    doc.text('Nama', x + cols[0]! + cols[1]!, top + 4, { width: cols[2]! - 6 });
    return top + 16;
  };
  const newPage = () => {
    doc.addPage();
    return PAGE.margin;
  };
  for (const f of data.formations) {
    if (y > bottom - 60) y = newPage();
    doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(9.5).text(pdfText(`${f.code} — ${f.jabatan}`), x, y, { width: INNER_W });
    doc.fillColor(COLORS.muted).font('Helvetica').fontSize(8.5).text(pdfText(f.organizationName), { width: INNER_W });
    y = header(doc.y + 3);
    if (f.rows.length === 0) {
      doc.fillColor(COLORS.muted).font('Helvetica-Oblique').fontSize(8.5).text(pdfText('Tidak ada pelamar yang memenuhi syarat.'), x + 4, y + 3, { width: INNER_W - 8 });
      y += 16;
    }
    f.rows.forEach((r, i) => {
      if (y > bottom - 14) y = header(newPage());
      if (i % 2 === 1) doc.save().rect(x, y, INNER_W, 14).fill(COLORS.zebra).restore();
      doc.fillColor(COLORS.ink).font('Helvetica').fontSize(8.5);
      doc.text(String(i + 1), x + 4, y + 3, { width: cols[0]! - 6, lineBreak: false });
      doc.text(pdfText(r.registrationNo), x + cols[0]!, y + 3, { width: cols[1]! - 6, lineBreak: false });
      doc.text(pdfText(r.maskedName), x + cols[0]! + cols[1]!, y + 3, { width: cols[2]! - 6, lineBreak: false });
      y += 14;
    });
    y += 10;
  }
  if (y > bottom - 200) y = newPage();
  const closing = [
    'Nama disamarkan untuk melindungi data pribadi; setiap pelamar melihat hasil dan alasan TMS-nya di akun Merit masing-masing.',
    data.objectionUntilText ? `Pelamar yang dinyatakan TMS dapat mengajukan sanggah satu kali melalui Merit sampai ${data.objectionUntilText}.` : null,
    'Keputusan Panitia Seleksi Daerah bersifat final setelah masa sanggah. Pengumuman ini dapat diperiksa keasliannya dengan memindai kode QR.',
  ].filter((l): l is string => l !== null);
  doc.fillColor(COLORS.ink).font('Helvetica').fontSize(9.5);
  closing.forEach((line, i) => doc.text(pdfText(`${i + 1}. ${line}`), x, i === 0 ? y : undefined, { width: INNER_W, align: 'justify' }));
  y = doc.y + 16;
  await drawSignatureBlock(doc, y, data, { url: data.verifyUrl, caption: 'Periksa keaslian di Merit' });
  numberPages(doc, data.number);
  return finish(doc);
}
