/**
 * Printable documents for applicants: the registration card (kartu pendaftaran), the exam card
 * (kartu peserta ujian, RULES.md §1.8: name, nomor peserta, schedule, location, QR) and the CAT
 * score certificate, drawn with the PDF kit (`kit.ts`); each carries a QR code of a verification URL
 * so a door officer can check the card against the system.
 */
import {
  COLORS,
  createDoc,
  drawFieldTable,
  drawFooter,
  drawHeader,
  drawList,
  drawQr,
  finish,
  INNER_W,
  PAGE,
  pdfText,
  QR_COLUMN,
  QR_SIZE,
  type Doc,
  type RenderOptions,
} from './kit.ts';

export type { RenderOptions } from './kit.ts';

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

/** Standing instructions on every exam card (RULES.md §1.8: no card + KTP, no entry). */
export const EXAM_CARD_STANDING_RULES: readonly string[] = [
  'Bawa kartu ini dan KTP asli (atau Surat Keterangan Dukcapil/Kartu Keluarga bila KTP belum terbit) pada hari ujian. Tanpa keduanya Anda tidak dapat masuk ruang ujian.',
  'Hadir di lokasi paling lambat 60 menit sebelum sesi dimulai untuk registrasi dan pemeriksaan.',
];

const PHOTO = { w: 90, h: 120 }; // pas foto 3×4
function yearOf(explicit: number | undefined, periodName: string, now: Date): number {
  if (explicit) return explicit;
  const m = /\b(20\d{2})\b/.exec(periodName);
  return m ? Number(m[1]) : now.getFullYear();
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
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica')
    .fontSize(8)
    .text(pdfText('Tempel pas foto 3×4'), x + 5, y + PHOTO.h / 2 - 10, { width: PHOTO.w - 10, align: 'center' });
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
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica-Bold')
    .fontSize(8)
    .text('NOMOR PESERTA', x + 8, y + 6);
  doc
    .fillColor(COLORS.navy)
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(pdfText(data.participantNo), x + 8, y + 17, { width: tableW - 16, characterSpacing: 1 });
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
    doc
      .save()
      .moveTo(sx + 10, sigY + 60)
      .lineTo(sx + sigW - 10, sigY + 60)
      .lineWidth(0.5)
      .stroke(COLORS.ink)
      .restore();
  }

  drawFooter(doc, `Dicetak dari Merit — Pemerintah Kota Palu · ${data.verifyUrl}`);
  return finish(doc);
}

/** Renders the certificate of a CAT result: per-test scores, total, and pass/fail against thresholds. */
export async function renderScoreCertificate(data: ScoreCertificateData, opts: RenderOptions = {}): Promise<Buffer> {
  const now = opts.now ?? new Date();
  const doc = createDoc(`Sertifikat Hasil Ujian ${data.participantNo}`, opts);
  let y = drawHeader(
    doc,
    yearOf(data.year, `${data.examName} ${data.dateText}`, now),
    'SERTIFIKAT HASIL UJIAN',
    data.examName,
  );
  const x = PAGE.margin;

  y =
    drawFieldTable(doc, x, y, INNER_W, [
      ['Nomor Peserta', data.participantNo],
      ['Nama Lengkap', data.fullName],
      ['Ujian', data.examName],
      ['Tanggal', data.dateText],
    ]) + 20;

  // score table: label | nilai, with the total as a closing row
  const colW = [INNER_W - 140, 140];
  const rowH = 24;
  doc.save().rect(x, y, INNER_W, rowH).fill(COLORS.navy).restore();
  doc
    .fillColor('white')
    .font('Helvetica-Bold')
    .fontSize(10)
    .text('Komponen', x + 8, y + 7, { width: colW[0]! - 16 })
    .text('Nilai', x + colW[0]! + 8, y + 7, { width: colW[1]! - 16, align: 'right' });
  y += rowH;
  const lines: ScoreLine[] = [...data.scores, { label: 'TOTAL', value: data.total }];
  for (const [i, line] of lines.entries()) {
    const isTotal = i === lines.length - 1;
    if (isTotal) doc.save().rect(x, y, INNER_W, rowH).fill('#e4eaf1').restore();
    else if (i % 2 === 1) doc.save().rect(x, y, INNER_W, rowH).fill(COLORS.zebra).restore();
    doc
      .save()
      .moveTo(x, y + rowH)
      .lineTo(x + INNER_W, y + rowH)
      .lineWidth(0.5)
      .stroke(COLORS.line)
      .restore();
    doc
      .fillColor(COLORS.ink)
      .font(isTotal ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10.5)
      .text(pdfText(line.label), x + 8, y + 7, { width: colW[0]! - 16 })
      .text(pdfText(String(line.value)), x + colW[0]! + 8, y + 7, { width: colW[1]! - 16, align: 'right' });
    y += rowH;
  }
  y += 20;

  const verdict = data.passed ? 'MEMENUHI NILAI AMBANG BATAS' : 'TIDAK MEMENUHI NILAI AMBANG BATAS';
  const color = data.passed ? COLORS.pass : COLORS.fail;
  doc.save().roundedRect(x, y, INNER_W, 40, 4).lineWidth(1.5).stroke(color).restore();
  doc
    .fillColor(color)
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(verdict, x, y + 13, { width: INNER_W, align: 'center' });
  y += 52;
  doc
    .fillColor(COLORS.muted)
    .font('Helvetica')
    .fontSize(9)
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
