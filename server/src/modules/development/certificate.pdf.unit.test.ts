import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderTrainingCertificate } from './certificate.pdf.ts';

const data = {
  number: '0001/LATSAR-2026/BKPSDM-PLU/2026',
  fullName: 'Nur Aisyah Lamarauna, S.Kom.',
  nip: '199907212026102001',
  programTitle: 'Pelatihan Dasar CPNS',
  batchName: 'Angkatan I',
  partnerName: 'BPSDM Provinsi Sulawesi Tengah',
  jp: 120,
  datesText: '3 Januari 2027 – 3 April 2027',
  issuedText: '5 April 2027',
  verifyUrl: 'https://merit.palukota.go.id/sertifikat/5f0c?s=abc',
};

/** The hex-encoded strings pdfkit writes, decoded (uncompressed output only). */
const text = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/g)]
    .map((m) => Buffer.from(m[1]!, 'hex').toString('latin1'))
    .join('');

describe('training certificate PDF', () => {
  it('prints the holder, programme, JP, dates and number, with the QR image, on one A4 page', async () => {
    const pdf = await renderTrainingCertificate(data, { now: new Date('2027-04-05T02:00:00Z'), compress: false });
    const t = text(pdf);
    for (const s of [
      'SERTIFIKAT PELATIHAN',
      'Nomor: 0001/LATSAR-2026/BKPSDM-PLU/2026',
      'Nur Aisyah Lamarauna, S.Kom.',
      'Pelatihan Dasar CPNS',
      '120 JP (1 JP = 45 menit)',
      'BKPSDM Kota Palu bersama BPSDM Provinsi Sulawesi Tengah',
      'Pindai untuk memeriksa keaslian sertifikat',
    ])
      expect(t).toContain(s);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Sertifikat 0001/LATSAR-2026/BKPSDM-PLU/2026');
  });
  it('renders the same bytes for the same input', async () => {
    const a = await renderTrainingCertificate(data, { now: new Date('2027-04-05T02:00:00Z') });
    const b = await renderTrainingCertificate(data, { now: new Date('2027-04-05T02:00:00Z') });
    expect(a.equals(b)).toBe(true);
  });
});
