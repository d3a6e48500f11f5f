/**
 * Printable documents for applicants: the registration card (kartu pendaftaran), the exam card
 * (kartu peserta ujian, RULES.md §1.8: name, nomor peserta, schedule, location, QR) and the CAT
 * score certificate. A4 PDFs drawn with pdfkit; each carries a QR code of a verification URL so a
 * door officer can check the card against the system.
 *
 * Text uses pdfkit's built-in Helvetica (WinAnsi encoding), which covers Indonesian completely;
 * characters outside WinAnsi in names are folded to their base letter (see `pdfText`).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

export interface CardFormation {
  /** Nama jabatan, e.g. "Ahli Pertama - Guru Kelas". */
  jabatan: string;
  /** Unit kerja / OPD, e.g. "Dinas Pendidikan dan Kebudayaan". */
  organizationName: string;
  /** Jenis kebutuhan, e.g. "Umum", "Disabilitas", "Putra/Putri Papua". */
  needType: string;
  /** Kualifikasi pendidikan, e.g. "S-1 Pendidikan Guru Sekolah Dasar". */
  educationLevel: string;
}

export interface RegistrationCardData {
  periodName: string;
  /** Recruitment year shown in the header; taken from `periodName` when omitted. */
  year?: number;
  registrationNo: string;
  fullName: string;
  /** Already masked by the caller (e.g. "7271••••••••0003"); the card never sees a full NIK. */
  nikMasked: string;
  birthPlace: string;
  birthDateText: string;
  formation: CardFormation;
  submittedAtText: string;
  photoJpeg?: Buffer;
  verifyUrl: string;
}

export interface ExamSession {
  dateText: string;
  timeText: string;
  siteName: string;
  siteAddress: string;
  room?: string;
  /** The participant's seat number in the session. */
  seat?: string;
}

export interface ExamCardData {
  periodName: string;
  year?: number;
  participantNo: string;
  fullName: string;
  formation: CardFormation;
  session: ExamSession;
  /** Extra time granted (e.g. for a disability), printed so room staff can see it. */
  extraTimeText?: string;
  photoJpeg?: Buffer;
  verifyUrl: string;
  /** Period-specific rules printed after the standing instructions. */
  rules: string[];
}

export interface ScoreLine {
  label: string;
  value: string | number;
}

export interface ScoreCertificateData {
  /** Recruitment year shown in the header; taken from `examName`/`dateText` when omitted. */
  year?: number;
  participantNo: string;
  fullName: string;
  examName: string;
  dateText: string;
  scores: ScoreLine[];
  total: string | number;
  passed: boolean;
  /** E.g. "TWK ≥ 65, TIU ≥ 80, TKP ≥ 166 (KepMenPANRB 321/2024)". */
  thresholdText: string;
  verifyUrl: string;
}

export interface RenderOptions {
  /** Fixes CreationDate/ModDate (and so the file ID): the same input renders the same bytes. */
  now?: Date;
  /** Deflate content streams (default true); tests turn it off to read the text. */
  compress?: boolean;
}

/** Standing instructions on every exam card (RULES.md §1.8: no card + KTP, no entry). */
export const EXAM_CARD_STANDING_RULES: readonly string[] = [
  'Bawa kartu ini dan KTP asli (atau Surat Keterangan Dukcapil/Kartu Keluarga bila KTP belum terbit) pada hari ujian. Tanpa keduanya Anda tidak dapat masuk ruang ujian.',
  'Hadir di lokasi paling lambat 60 menit sebelum sesi dimulai untuk registrasi dan pemeriksaan.',
];

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
const PHOTO = { w: 90, h: 120 }; // pas foto 3×4
const QR_SIZE = 96;
const QR_COLUMN = 150; // wide enough for the caption on one line
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

function yearOf(explicit: number | undefined, periodName: string, now: Date): number {
  if (explicit) return explicit;
  const m = /\b(20\d{2})\b/.exec(periodName);
  return m ? Number(m[1]) : now.getFullYear();
}

type Doc = PDFKit.PDFDocument;

export function createDoc(title: string, opts: RenderOptions, extra: { bufferPages?: boolean } = {}): Doc {
  const now = opts.now ?? new Date();
  return new PDFDocument({
    size: 'A4',
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

/** Header band shared by all documents; returns the y below it. */
export function drawHeader(doc: Doc, year: number, title: string, subtitle: string): number {
  const x = PAGE.margin;
  let y = PAGE.margin;
  doc.save().rect(x, y, INNER_W, 58).fill(COLORS.navy).restore();
  doc.save().rect(x, y + 58, INNER_W, 3).fill(COLORS.gold).restore();
  // a simple seal-like mark so the band does not read as a plain banner
  doc.save().circle(x + 30, y + 29, 19).lineWidth(2).stroke(COLORS.gold).restore();
  doc.fillColor(COLORS.gold).font('Helvetica-Bold').fontSize(9).text('PALU', x + 11, y + 25, { width: 38, align: 'center' });
  doc.fillColor('white').font('Helvetica-Bold').fontSize(15)
    .text(pdfText(`PEMERINTAH KOTA PALU — Seleksi Calon ASN ${year}`), x + 60, y + 13, { width: INNER_W - 70 });
  doc.font('Helvetica').fontSize(9.5).text(pdfText(subtitle), x + 60, y + 35, { width: INNER_W - 70 });
  y += 61 + 18;
  doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(17).text(pdfText(title), x, y, { width: INNER_W, align: 'center', characterSpacing: 1.5 });
  y = doc.y + 12;
  return y;
}

/** Two-column label/value table with zebra rows; returns the y below it. */
function drawFieldTable(doc: Doc, x: number, y: number, width: number, rows: [string, string][], labelWidth = 130): number {
  const pad = 5;
  for (const [i, [label, value]] of rows.entries()) {
    doc.font('Helvetica-Bold').fontSize(10);
    const lh = doc.heightOfString(pdfText(label), { width: labelWidth - 2 * pad });
    doc.font('Helvetica').fontSize(10);
    const vh = doc.heightOfString(pdfText(value), { width: width - labelWidth - 2 * pad });
    const h = Math.max(lh, vh) + 2 * pad;
    if (i % 2 === 0) doc.save().rect(x, y, width, h).fill(COLORS.zebra).restore();
    doc.save().moveTo(x, y + h).lineTo(x + width, y + h).lineWidth(0.5).stroke(COLORS.line).restore();
    doc.fillColor(COLORS.muted).font('Helvetica-Bold').fontSize(10).text(pdfText(label), x + pad, y + pad, { width: labelWidth - 2 * pad });
    doc.fillColor(COLORS.ink).font('Helvetica').fontSize(10).text(pdfText(value), x + labelWidth + pad, y + pad, { width: width - labelWidth - 2 * pad });
    y += h;
  }
  return y;
}

/** A list with hanging indents (pdfkit's own list mis-indents wrapped numbered items). */
function drawList(doc: Doc, items: string[], x: number, y: number, width: number, o: { fontSize: number; numbered: boolean }): number {
  const gutter = o.numbered ? 18 : 10;
  for (const [i, item] of items.entries()) {
    doc.fillColor(COLORS.ink).font('Helvetica').fontSize(o.fontSize);
    if (o.numbered) doc.text(`${i + 1}.`, x, y, { width: gutter - 4, align: 'right' });
    else doc.save().circle(x + 3, y + o.fontSize * 0.42, 1.5).fill(COLORS.ink).restore();
    doc.fillColor(COLORS.ink).text(pdfText(item), x + gutter, y, { width: width - gutter });
    y = doc.y + 3;
  }
  doc.y = y;
  return y;
}

function drawPhoto(doc: Doc, x: number, y: number, photo: Buffer | undefined): void {
  doc.save().rect(x, y, PHOTO.w, PHOTO.h).lineWidth(0.8).stroke(COLORS.line).restore();
  if (photo) {
    try {
      doc.image(photo, x + 1, y + 1, { fit: [PHOTO.w - 2, PHOTO.h - 2], align: 'center', valign: 'center' });
      return;
    } catch {
      // an unreadable photo must not stop the card from printing; the frame says what to do
    }
  }
  doc.fillColor(COLORS.muted).font('Helvetica').fontSize(8)
    .text(pdfText('Tempel pas foto 3×4'), x + 5, y + PHOTO.h / 2 - 10, { width: PHOTO.w - 10, align: 'center' });
}

/** Draws the QR of `url` with its caption in a column of QR_COLUMN points ending at `right`. */
export async function drawQr(doc: Doc, right: number, y: number, url: string, caption: string): Promise<void> {
  const png = await QRCode.toBuffer(url, { ...QR_OPTIONS, type: 'png' });
  const left = right - QR_COLUMN;
  doc.image(png, left + (QR_COLUMN - QR_SIZE) / 2, y, { width: QR_SIZE, height: QR_SIZE });
  doc.fillColor(COLORS.muted).font('Helvetica').fontSize(7.5)
    .text(pdfText(caption), left, y + QR_SIZE + 3, { width: QR_COLUMN, align: 'center' });
}

export function drawFooter(doc: Doc, text: string): void {
  const y = PAGE.height - PAGE.margin - 24;
  doc.save().moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.5).stroke(COLORS.line).restore();
  doc.fillColor(COLORS.muted).font('Helvetica').fontSize(7.5)
    .text(pdfText(text), PAGE.margin, y + 6, { width: INNER_W, align: 'center', lineBreak: false });
}

/** Jenis kebutuhan as BKPSDM writes it (codes stay in the database; RULES.md §1.3 formasi khusus). */
export const NEED_TYPE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  umum: 'Umum',
  cumlaude: 'Lulusan Cumlaude',
  disabilitas: 'Penyandang Disabilitas',
  papua: 'Putra/Putri Papua',
  diaspora: 'Diaspora',
  kalimantan: 'Putra/Putri Kalimantan',
  daerah_tertinggal: 'Daerah Tertinggal',
});


function formationRows(f: CardFormation): [string, string][] {
  return [
    ['Jabatan', f.jabatan],
    ['Unit Kerja', f.organizationName],
    ['Jenis Kebutuhan', NEED_TYPE_LABELS[f.needType] ?? f.needType],
    ['Pendidikan', f.educationLevel],
  ];
}

/** Renders the KARTU PENDAFTARAN an applicant prints after submitting (one A4 page). */
export async function renderRegistrationCard(data: RegistrationCardData, opts: RenderOptions = {}): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const doc = createDoc(`Kartu Pendaftaran ${data.registrationNo}`, opts);
  let y = drawHeader(doc, yearOf(data.year, data.periodName, now), 'KARTU PENDAFTARAN', data.periodName);

  const x = PAGE.margin;
  const tableW = INNER_W - PHOTO.w - 16;
  drawPhoto(doc, x + tableW + 16, y, data.photoJpeg);
  const bottom = drawFieldTable(doc, x, y, tableW, [
    ['Nomor Pendaftaran', data.registrationNo],
    ['Nama Lengkap', data.fullName],
    ['NIK', data.nikMasked],
    ['Tempat, Tanggal Lahir', `${data.birthPlace}, ${data.birthDateText}`],
    ...formationRows(data.formation),
    ['Waktu Kirim', data.submittedAtText],
  ]);
  y = Math.max(bottom, y + PHOTO.h) + 22;

  const notesW = INNER_W - QR_COLUMN - 16;
  doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(10).text('Catatan', x, y, { width: notesW });
  drawList(
    doc,
    [
      'Kartu ini adalah bukti bahwa lamaran Anda telah dikirim, bukan tanda lulus seleksi administrasi.',
      'Simpan kartu ini. Pantau hasil seleksi administrasi dan jadwal ujian di akun Anda.',
      'Data yang tercetak sama dengan data yang Anda kirim. Bila ada yang keliru, ajukan perbaikan melalui akun Anda sesuai jadwal.',
    ],
    x,
    doc.y + 4,
    notesW,
    { fontSize: 9, numbered: false },
  );
  await drawQr(doc, x + INNER_W, y, data.verifyUrl, 'Pindai untuk memeriksa keaslian kartu');

  drawFooter(doc, `Dicetak dari Merit — Pemerintah Kota Palu · ${data.verifyUrl}`);
  return finish(doc);
}

/** Renders the KARTU PESERTA UJIAN: identity, session, and the rules for the exam day. */
export async function renderExamCard(data: ExamCardData, opts: RenderOptions = {}): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const doc = createDoc(`Kartu Peserta Ujian ${data.participantNo}`, opts);
  let y = drawHeader(doc, yearOf(data.year, data.periodName, now), 'KARTU PESERTA UJIAN', data.periodName);

  const x = PAGE.margin;
  const tableW = INNER_W - PHOTO.w - 16;
  drawPhoto(doc, x + tableW + 16, y, data.photoJpeg);
  const photoBottom = y + PHOTO.h;

  // the participant number is what staff read first at the door: large, framed
  doc.save().rect(x, y, tableW, 42).lineWidth(1).stroke(COLORS.navy).restore();
  doc.fillColor(COLORS.muted).font('Helvetica-Bold').fontSize(8).text('NOMOR PESERTA', x + 8, y + 6);
  doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(18).text(pdfText(data.participantNo), x + 8, y + 17, { width: tableW - 16, characterSpacing: 1 });
  y += 50;
  let bottom = drawFieldTable(doc, x, y, tableW, [['Nama Lengkap', data.fullName], ...formationRows(data.formation)]);
  y = Math.max(bottom, photoBottom) + 16;

  doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(11).text('JADWAL DAN LOKASI UJIAN', x, y);
  y = doc.y + 4;
  const sessionRows: [string, string][] = [
    ['Tanggal', data.session.dateText],
    ['Waktu', data.session.timeText],
    ['Lokasi', data.session.siteName],
    ['Alamat', data.session.siteAddress],
  ];
  if (data.session.room) sessionRows.push(['Ruang', data.session.room]);
  if (data.session.seat) sessionRows.push(['Nomor Kursi', data.session.seat]);
  if (data.extraTimeText) sessionRows.push(['Tambahan Waktu', data.extraTimeText]);
  bottom = drawFieldTable(doc, x, y, INNER_W - QR_COLUMN - 8, sessionRows);
  await drawQr(doc, x + INNER_W, y, data.verifyUrl, 'Pindai untuk memeriksa keaslian kartu');
  y = Math.max(bottom, y + QR_SIZE + 24) + 18;

  doc.fillColor(COLORS.navy).font('Helvetica-Bold').fontSize(11).text('PETUNJUK DAN TATA TERTIB', x, y);
  drawList(doc, [...EXAM_CARD_STANDING_RULES, ...data.rules], x, doc.y + 5, INNER_W, { fontSize: 9.5, numbered: true });

  // signature blocks: the participant signs at registration, staff initial on entry
  const sigY = Math.max(doc.y + 24, PAGE.height - PAGE.margin - 120);
  const sigW = 170;
  for (const [i, label] of ['Tanda tangan peserta', 'Paraf petugas registrasi'].entries()) {
    const sx = i === 0 ? x : x + INNER_W - sigW;
    doc.fillColor(COLORS.muted).font('Helvetica').fontSize(9).text(label, sx, sigY, { width: sigW, align: 'center' });
    doc.save().moveTo(sx + 10, sigY + 60).lineTo(sx + sigW - 10, sigY + 60).lineWidth(0.5).stroke(COLORS.ink).restore();
  }

  drawFooter(doc, `Dicetak dari Merit — Pemerintah Kota Palu · ${data.verifyUrl}`);
  return finish(doc);
}

/** Renders the certificate of a CAT result: per-test scores, total, and pass/fail against thresholds. */
export async function renderScoreCertificate(data: ScoreCertificateData, opts: RenderOptions = {}): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const doc = createDoc(`Sertifikat Hasil Ujian ${data.participantNo}`, opts);
  let y = drawHeader(doc, yearOf(data.year, `${data.examName} ${data.dateText}`, now), 'SERTIFIKAT HASIL UJIAN', data.examName);
  const x = PAGE.margin;

  y = drawFieldTable(doc, x, y, INNER_W, [
    ['Nomor Peserta', data.participantNo],
    ['Nama Lengkap', data.fullName],
    ['Ujian', data.examName],
    ['Tanggal', data.dateText],
  ]) + 20;

  // score table: label | nilai, with the total as a closing row
  const colW = [INNER_W - 140, 140];
  const rowH = 24;
  doc.save().rect(x, y, INNER_W, rowH).fill(COLORS.navy).restore();
  doc.fillColor('white').font('Helvetica-Bold').fontSize(10)
    .text('Komponen', x + 8, y + 7, { width: colW[0]! - 16 })
    .text('Nilai', x + colW[0]! + 8, y + 7, { width: colW[1]! - 16, align: 'right' });
  y += rowH;
  const lines: ScoreLine[] = [...data.scores, { label: 'TOTAL', value: data.total }];
  for (const [i, line] of lines.entries()) {
    const isTotal = i === lines.length - 1;
    if (isTotal) doc.save().rect(x, y, INNER_W, rowH).fill('#e4eaf1').restore();
    else if (i % 2 === 1) doc.save().rect(x, y, INNER_W, rowH).fill(COLORS.zebra).restore();
    doc.save().moveTo(x, y + rowH).lineTo(x + INNER_W, y + rowH).lineWidth(0.5).stroke(COLORS.line).restore();
    doc.fillColor(COLORS.ink).font(isTotal ? 'Helvetica-Bold' : 'Helvetica').fontSize(10.5)
      .text(pdfText(line.label), x + 8, y + 7, { width: colW[0]! - 16 })
      .text(pdfText(String(line.value)), x + colW[0]! + 8, y + 7, { width: colW[1]! - 16, align: 'right' });
    y += rowH;
  }
  y += 20;

  const verdict = data.passed ? 'MEMENUHI NILAI AMBANG BATAS' : 'TIDAK MEMENUHI NILAI AMBANG BATAS';
  const color = data.passed ? COLORS.pass : COLORS.fail;
  doc.save().roundedRect(x, y, INNER_W, 40, 4).lineWidth(1.5).stroke(color).restore();
  doc.fillColor(color).font('Helvetica-Bold').fontSize(14).text(verdict, x, y + 13, { width: INNER_W, align: 'center' });
  y += 52;
  doc.fillColor(COLORS.muted).font('Helvetica').fontSize(9)
    .text(pdfText(`Nilai ambang batas: ${data.thresholdText}`), x, y, { width: INNER_W - QR_COLUMN - 16 });
  doc.text(
    'Sertifikat ini mencatat nilai yang tersimpan di sistem. Kelulusan akhir ditetapkan dalam pengumuman resmi panitia.',
    x,
    doc.y + 6,
    { width: INNER_W - QR_COLUMN - 16 },
  );
  await drawQr(doc, x + INNER_W, y, data.verifyUrl, 'Pindai untuk memeriksa keaslian sertifikat');

  drawFooter(doc, `Dicetak dari Merit — Pemerintah Kota Palu · ${data.verifyUrl}`);
  return finish(doc);
}
