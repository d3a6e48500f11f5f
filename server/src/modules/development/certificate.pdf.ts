/**
 * The training certificate (sertifikat pelatihan), drawn with the PDF kit: who completed which
 * programme, its JP and dates, the number, and a signature block whose QR opens the public check
 * (the same details, and "dicabut" once revoked).
 */
import {
  COLORS,
  createDoc,
  drawFieldTable,
  drawFooter,
  drawLetterhead,
  drawSignatureBlock,
  finish,
  INNER_W,
  PAGE,
  pdfText,
  type RenderOptions,
} from '../../platform/pdf/kit.ts';

export interface TrainingCertificateData {
  number: string;
  fullName: string;
  nip: string;
  programTitle: string;
  batchName: string;
  partnerName: string | null;
  jp: number;
  datesText: string;
  issuedText: string;
  verifyUrl: string;
}

export async function renderTrainingCertificate(
  data: TrainingCertificateData,
  opts: RenderOptions = {},
): Promise<Buffer> {
  const doc = createDoc(`Sertifikat ${data.number}`, opts);
  let y = drawLetterhead(doc, {
    heading: 'PEMERINTAH KOTA PALU',
    subtitle: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM)',
    title: 'SERTIFIKAT PELATIHAN',
  });
  const x = PAGE.margin;
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(`Nomor: ${data.number}`), x, y, { width: INNER_W, align: 'center' });
  y = doc.y + 18;
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica')
    .fontSize(11)
    .text('Diberikan kepada', x, y, { width: INNER_W, align: 'center' });
  doc
    .fillColor(COLORS.navy)
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(pdfText(data.fullName), x, doc.y + 6, { width: INNER_W, align: 'center' });
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(`NIP ${data.nip}`), x, doc.y + 4, { width: INNER_W, align: 'center' });
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica')
    .fontSize(11)
    .text('yang telah menyelesaikan', x, doc.y + 16, { width: INNER_W, align: 'center' });
  doc
    .fillColor(COLORS.ink)
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(pdfText(data.programTitle), x, doc.y + 6, { width: INNER_W, align: 'center' });
  y = doc.y + 22;
  y =
    drawFieldTable(
      doc,
      x,
      y,
      INNER_W,
      [
        ['Angkatan', data.batchName],
        ['Penyelenggara', data.partnerName ? `BKPSDM Kota Palu bersama ${data.partnerName}` : 'BKPSDM Kota Palu'],
        ['Tanggal pelaksanaan', data.datesText],
        ['Jumlah jam pelajaran', `${data.jp} JP (1 JP = 45 menit)`],
      ],
      150,
    ) + 30;
  await drawSignatureBlock(
    doc,
    y,
    { dateText: data.issuedText, signerTitle: 'Kepala BKPSDM Kota Palu', signerName: 'Kepala BKPSDM Kota Palu' },
    { url: data.verifyUrl, caption: 'Pindai untuk memeriksa keaslian sertifikat' },
  );
  drawFooter(doc, `Dicetak dari Merit — Pemerintah Kota Palu · ${data.verifyUrl}`);
  return finish(doc);
}
