import jpeg from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfText, QR_OPTIONS } from './kit.ts';
import {
  renderExamCard,
  renderRegistrationCard,
  renderScoreCertificate,
  type ExamCardData,
  type RegistrationCardData,
  type ScoreCertificateData,
} from './cards.ts';

const now = new Date('2026-08-20T02:00:00Z');
const raw = { now, compress: false };

const CP1252: Record<number, string> = { 0x95: '•', 0x96: '–', 0x97: '—', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”' };
/** Text of an uncompressed pdfkit file: the hex strings of each TJ array, one line per array. */
function extractText(pdf: Buffer): string {
  const src = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of src.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/g)) {
    let line = '';
    for (const h of m[1]!.matchAll(/<([0-9a-f]*)>/g)) {
      for (const byte of Buffer.from(h[1]!, 'hex')) line += CP1252[byte] ?? String.fromCharCode(byte);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Sizes of the image XObjects, with their filter (DCTDecode = embedded JPEG). */
function images(pdf: Buffer): { width: number; height: number; filter: string }[] {
  const out: { width: number; height: number; filter: string }[] = [];
  for (const m of pdf.toString('latin1').matchAll(/<<([^]*?)>>\s*stream/g)) {
    const dict = m[1]!;
    if (!/\/Subtype\s*\/Image/.test(dict)) continue;
    out.push({
      width: Number(/\/Width\s+(\d+)/.exec(dict)?.[1]),
      height: Number(/\/Height\s+(\d+)/.exec(dict)?.[1]),
      filter: /\/Filter\s*\/(\w+)/.exec(dict)?.[1] ?? '',
    });
  }
  return out;
}

function qrPixelSize(url: string): number {
  const modules = QRCode.create(url, { errorCorrectionLevel: QR_OPTIONS.errorCorrectionLevel }).modules.size;
  return (modules + 2 * QR_OPTIONS.margin) * QR_OPTIONS.scale;
}

function photo(width = 60, height = 80): Buffer {
  const data = Buffer.alloc(width * height * 4, 0);
  for (let i = 0; i < width * height; i++) data.set([190, 30, 35, 255], i * 4);
  return jpeg.encode({ data, width, height }, 80).data;
}

async function expectOnePageA4(pdf: Buffer) {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBe(1);
  const { width, height } = doc.getPage(0).getSize();
  expect(Math.round(width)).toBe(595);
  expect(Math.round(height)).toBe(842);
  return doc;
}

const formation = {
  jabatan: 'Ahli Pertama - Guru Kelas',
  organizationName: 'Dinas Pendidikan dan Kebudayaan',
  needType: 'Umum',
  educationLevel: 'S-1 Pendidikan Guru Sekolah Dasar',
};

const registration: RegistrationCardData = {
  periodName: 'Seleksi CASN Kota Palu 2026',
  registrationNo: 'PALU-2026-000123',
  fullName: 'Nur Ainun Lamarauna',
  nikMasked: '7271••••••••0003',
  birthPlace: 'Palu',
  birthDateText: '12 Maret 1995',
  formation,
  submittedAtText: '20 Agustus 2026 10.00 WITA',
  verifyUrl: 'https://merit.example.id/v/kp/PALU-2026-000123?t=abc',
};

const exam: ExamCardData = {
  periodName: 'Seleksi CASN Kota Palu 2026',
  participantNo: '72710120260000123',
  fullName: 'Moh. Rizal Tandiabang',
  formation,
  session: {
    dateText: 'Senin, 19 Oktober 2026',
    timeText: 'Sesi 2, 10.30–12.10 WITA',
    siteName: 'UPT BKN Palu',
    siteAddress: 'Jl. Soekarno-Hatta, Palu',
    room: 'Ruang CAT 1',
  },
  extraTimeText: '30 menit',
  verifyUrl: 'https://merit.example.id/v/ku/72710120260000123?t=def',
  rules: ['Dilarang membawa ponsel ke ruang ujian.'],
};

const certificate: ScoreCertificateData = {
  participantNo: '72710120260000123',
  fullName: 'Moh. Rizal Tandiabang',
  examName: 'SKD CPNS 2026',
  dateText: '19 Oktober 2026',
  scores: [
    { label: 'TWK', value: 95 },
    { label: 'TIU', value: 110 },
    { label: 'TKP', value: 180 },
  ],
  total: 385,
  passed: true,
  thresholdText: 'TWK ≥ 65, TIU ≥ 80, TKP ≥ 166',
  verifyUrl: 'https://merit.example.id/v/sk/72710120260000123',
};

describe('renderRegistrationCard', () => {
  it('renders one A4 page with the header, fields, QR caption and the QR of verifyUrl', async () => {
    const pdf = await renderRegistrationCard(registration, raw);
    await expectOnePageA4(pdf);
    const text = extractText(pdf);
    expect(text).toContain('PEMERINTAH KOTA PALU — Seleksi Calon ASN 2026');
    expect(text).toContain('KARTU PENDAFTARAN');
    for (const s of [
      'PALU-2026-000123',
      'Nur Ainun Lamarauna',
      '7271••••••••0003',
      'Palu, 12 Maret 1995',
      'Ahli Pertama - Guru Kelas',
      'Dinas Pendidikan dan Kebudayaan',
      'Pindai untuk memeriksa keaslian',
    ]) {
      expect(text).toContain(s);
    }
    expect(images(pdf).map((i) => i.width)).toContain(qrPixelSize(registration.verifyUrl));
    expect(text).toContain('Tempel pas foto'); // no photo given
  });

  it('embeds the applicant photo as a JPEG when given', async () => {
    const pdf = await renderRegistrationCard({ ...registration, photoJpeg: photo(60, 80) }, raw);
    await expectOnePageA4(pdf);
    expect(images(pdf)).toContainEqual({ width: 60, height: 80, filter: 'DCTDecode' });
    expect(extractText(pdf)).not.toContain('Tempel pas foto');
  });

  it('still prints when the photo cannot be read', async () => {
    const pdf = await renderRegistrationCard({ ...registration, photoJpeg: Buffer.from('not a jpeg') }, raw);
    await expectOnePageA4(pdf);
    expect(extractText(pdf)).toContain('Tempel pas foto');
  });

  it('is byte-for-byte reproducible for a fixed `now`, and records it as the creation date', async () => {
    const a = await renderRegistrationCard(registration, { now });
    const b = await renderRegistrationCard(registration, { now });
    expect(a.equals(b)).toBe(true);
    const doc = await PDFDocument.load(a);
    expect(doc.getCreationDate()?.toISOString()).toBe(now.toISOString());
  });

  it('compresses by default (smaller than the uncompressed render)', async () => {
    const compressed = await renderRegistrationCard(registration, { now });
    await expectOnePageA4(compressed);
    expect(compressed.length).toBeLessThan((await renderRegistrationCard(registration, raw)).length);
  });

  it('takes the header year from the period name unless given', async () => {
    expect(
      extractText(await renderRegistrationCard({ ...registration, periodName: 'Seleksi PPPK 2027' }, raw)),
    ).toContain('Seleksi Calon ASN 2027');
    expect(extractText(await renderRegistrationCard({ ...registration, year: 2030 }, raw))).toContain(
      'Seleksi Calon ASN 2030',
    );
  });

  it('keeps one page for long names and organization names', async () => {
    const pdf = await renderRegistrationCard(
      {
        ...registration,
        fullName: 'Andi Muhammad Fadhlurrahman Syamsuddin Lamakarate Daeng Matutu '.repeat(2).trim(),
        formation: {
          ...formation,
          organizationName:
            'Sekretariat Daerah — Bagian Organisasi dan Reformasi Birokrasi, Sub Bagian Kelembagaan dan Analisis Jabatan',
        },
      },
      raw,
    );
    await expectOnePageA4(pdf);
  });
});

describe('renderExamCard', () => {
  it('renders one A4 page with number, name, session, standing and period rules, and the QR', async () => {
    const pdf = await renderExamCard({ ...exam, photoJpeg: photo() }, raw);
    await expectOnePageA4(pdf);
    const text = extractText(pdf);
    for (const s of [
      'KARTU PESERTA UJIAN',
      '72710120260000123',
      'Moh. Rizal Tandiabang',
      'Senin, 19 Oktober 2026',
      'UPT BKN Palu',
      'Ruang CAT 1',
      'Tambahan Waktu',
      '30 menit',
      'Bawa kartu ini dan KTP asli',
      'Dilarang membawa ponsel ke ruang ujian.',
      'Pindai untuk memeriksa keaslian kartu',
    ]) {
      expect(text).toContain(s);
    }
    const imgs = images(pdf);
    expect(imgs.map((i) => i.width)).toContain(qrPixelSize(exam.verifyUrl));
    expect(imgs.some((i) => i.filter === 'DCTDecode')).toBe(true);
  });

  it('omits room and extra-time rows when not set', async () => {
    const { room: _room, ...session } = exam.session;
    const { extraTimeText: _x, ...rest } = exam;
    const text = extractText(await renderExamCard({ ...rest, session }, raw));
    expect(text).not.toContain('Ruang');
    expect(text).not.toContain('Tambahan Waktu');
  });

  it('prints the seat as "Nomor Kursi" and the jenis kebutuhan by its name, not its code', async () => {
    const { room: _room, ...session } = exam.session;
    const text = extractText(
      await renderExamCard(
        { ...exam, formation: { ...exam.formation, needType: 'disabilitas' }, session: { ...session, seat: '17' } },
        raw,
      ),
    );
    expect(text).toContain('Nomor Kursi');
    expect(text).toContain('Penyandang Disabilitas');
    expect(text).not.toContain('disabilitas\n');
    expect(text).not.toContain('Ruang');
  });

  it('stays on one page with a longer list of rules', async () => {
    const rules = Array.from(
      { length: 10 },
      (_, i) => `Aturan nomor ${i + 1} untuk peserta ujian yang harus dipatuhi selama berada di lokasi ujian.`,
    );
    await expectOnePageA4(await renderExamCard({ ...exam, rules }, raw));
  });
});

describe('renderScoreCertificate', () => {
  it('renders the scores, total, verdict and threshold with the QR', async () => {
    const pdf = await renderScoreCertificate(certificate, raw);
    await expectOnePageA4(pdf);
    const text = extractText(pdf);
    for (const s of [
      'SERTIFIKAT HASIL UJIAN',
      '72710120260000123',
      'Moh. Rizal Tandiabang',
      'TWK',
      '95',
      'TOTAL',
      '385',
      'MEMENUHI NILAI AMBANG BATAS',
      'TWK >= 65',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('TIDAK MEMENUHI');
    expect(images(pdf).map((i) => i.width)).toContain(qrPixelSize(certificate.verifyUrl));
  });

  it('says TIDAK MEMENUHI when the participant did not pass', async () => {
    expect(extractText(await renderScoreCertificate({ ...certificate, passed: false }, raw))).toContain(
      'TIDAK MEMENUHI NILAI AMBANG BATAS',
    );
  });
});

describe('pdfText', () => {
  it.each([
    ['Nur Ainun Lamarauna', 'Nur Ainun Lamarauna'],
    ['Désirée — Palu', 'Désirée — Palu'],
    ['Ṣalāḥ', 'Salah'],
    ['TKP ≥ 166', 'TKP >= 166'],
    ['名前', '??'],
    ['e\u0301', 'é'],
  ])('%j prints as %j', (input, expected) => {
    expect(pdfText(input)).toBe(expected);
  });
});
