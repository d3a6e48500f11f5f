/**
 * The PENGUMUMAN of the SKD result and of the final result, drawn from a publication's own files
 * (the same bytes the open-data page serves, so the PDF can never say something the files do
 * not): SKD lists per formation who meets the passing grade and advances to the SKB (P/L) with the
 * subtest scores and rank; the final one lists who passed (L) with SKD, SKB and final score.
 * Names are masked; the full list with every code is in the open-data files.
 */
import { maskName } from '../../../../common/rules/mask-name.ts';
import { formatWitaDate } from '../../../../common/rules/wita.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../errors.ts';
import { NO_COLUMN, renderAnnouncement } from '../../platform/pdf/announcement.ts';
import { selectionRepository as repo } from './selection.repository.ts';

const lines = (content: string | undefined) =>
  (content ?? '')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));

export type ResultAnnouncementContext = Pick<AppContext, 'db' | 'publicUrl'>;

type Publication = NonNullable<Awaited<ReturnType<typeof repo.publishedPublication>>>;
/** What both announcements draw on: the heading and signature, the masked names, the correction note, the publication's files. */
interface Sources {
  pub: Publication;
  decided: Date;
  formations: Awaited<ReturnType<typeof repo.formations>>;
  names: Map<string, string>;
  file: (name: string) => string | undefined;
  correction: string[];
  filesNote: string;
  common: {
    year: number;
    dateText: string;
    periodName: string;
    signerTitle: string;
    signerName: string;
    verifyUrl: string;
  };
}

/**
 * The announcement PDF of a published publication (NOT_FOUND for one not published), drawn only
 * from its own files so it can never say something the open data does not.
 */
export async function announcementPdf(ctx: ResultAnnouncementContext, publicationId: string): Promise<Buffer> {
  const { db } = ctx;
  const pub = await repo.publishedPublication(db, publicationId);
  if (!pub?.decided_at) throw notFound();
  const decided = new Date(pub.decided_at);
  const [files, formations, people] = await Promise.all([
    repo.publicationFiles(db, pub.id),
    repo.formations(db, pub.period_id),
    repo.participantNames(db, pub.period_id),
  ]);
  const file = (name: string) => files.find((f) => f.name === name)?.content;
  const names = new Map(
    people.map((p) => [
      p.participant_no!,
      maskName((p.biodata as { nameOnIjazah?: string } | null)?.nameOnIjazah ?? p.full_name),
    ]),
  );
  const correction =
    pub.version > 1
      ? [
          `Pengumuman ini adalah koreksi ke-${pub.version - 1} dan menggantikan pengumuman sebelumnya. Alasan koreksi: ${pub.reason ?? '-'}.`,
        ]
      : [];
  const common = {
    year: pub.year,
    dateText: formatWitaDate(decided),
    periodName: pub.period_name,
    signerTitle: 'a.n. Panitia Seleksi Daerah Pemerintah Kota Palu',
    signerName: pub.signer_name ?? 'Panitia Seleksi Daerah',
    verifyUrl: `${ctx.publicUrl}/api/v1/public/results/publications/${pub.id}/announcement.pdf`,
  };
  const filesNote = `Daftar lengkap seluruh peserta dengan kodenya beserta berkas data terbuka (dengan sidik SHA-256) tersedia di ${ctx.publicUrl}/hasil/${pub.period_id}.`;
  const s: Sources = { pub, decided, formations, names, file, correction, filesNote, common };
  return pub.stage === 'skd' ? skdAnnouncement(s) : finalAnnouncement(s);
}

/** The SKD announcement: per formation, who meets the passing grade and advances to the SKB (P/L). */
function skdAnnouncement({
  pub,
  decided,
  formations,
  names,
  file,
  correction,
  filesNote,
  common,
}: Sources): Promise<Buffer> {
  const ranking = lines(file('ranking.csv'));
  const regulation =
    (JSON.parse(file('thresholds.json') ?? '{}') as { regulation?: string }).regulation ?? 'peraturan yang berlaku';
  const advancing = ranking.filter((r) => r[8] === 'Y');
  const absent = ranking.filter((r) => r[6] === 'TH').length;
  return renderAnnouncement(
    {
      ...common,
      number: `800/${pub.version}/SKD/BKPSDM/${pub.year}`,
      title: 'Hasil Seleksi Kompetensi Dasar (SKD)',
      opening:
        `Berdasarkan hasil Seleksi Kompetensi Dasar dengan Computer Assisted Test (CAT) dan nilai ambang batas menurut ${regulation}, ` +
        `dengan ini diumumkan peserta yang memenuhi nilai ambang batas dan berhak mengikuti Seleksi Kompetensi Bidang (SKB) (kode P/L) ` +
        `sebanyak ${advancing.length} orang dari ${ranking.length} peserta (tidak hadir: ${absent} orang), sebagai berikut:`,
      columns: [
        NO_COLUMN,
        { label: 'Nomor Peserta', weight: 20 },
        { label: 'Nama', weight: 33 },
        { label: 'TWK', weight: 8, align: 'right' },
        { label: 'TIU', weight: 8, align: 'right' },
        { label: 'TKP', weight: 8, align: 'right' },
        { label: 'Total', weight: 9, align: 'right' },
        { label: 'Peringkat', weight: 9, align: 'right' },
      ],
      formations: formations.map((f) => ({
        code: f.code,
        jabatan: f.jabatan,
        organizationName: f.organization_name,
        rows: advancing
          .filter((r) => r[0] === f.code)
          .map((r) => [r[1]!, names.get(r[1]!) ?? '', r[2]!, r[3]!, r[4]!, r[5]!, r[7]!]),
      })),
      emptyText: 'Tidak ada peserta yang memenuhi nilai ambang batas pada formasi ini.',
      closing: [
        ...correction,
        'Nama disamarkan untuk melindungi data pribadi; setiap peserta melihat nilai dan kodenya di akun Merit masing-masing.',
        filesNote,
        'Peserta berkode P/L mengikuti SKB sesuai jadwal yang diumumkan Panitia. Pengumuman ini dapat diperiksa keasliannya dengan memindai kode QR.',
      ],
    },
    { now: decided },
  );
}

/** The final announcement: per formation, who passed (L) with SKD, SKB and final score. */
function finalAnnouncement({
  pub,
  decided,
  formations,
  names,
  file,
  correction,
  filesNote,
  common,
}: Sources): Promise<Buffer> {
  const final = lines(file('final.csv'));
  const passed = final.filter((r) => r[6] === 'L');
  const moves = lines(file('optimalisasi.csv'));
  return renderAnnouncement(
    {
      ...common,
      number: `800/${pub.version}/AKHIR/BKPSDM/${pub.year}`,
      title: 'Hasil Akhir Seleksi',
      opening:
        `Berdasarkan integrasi nilai SKD dan SKB sesuai ketentuan yang berlaku, dengan ini diumumkan peserta yang dinyatakan Lulus (L) ` +
        `seleksi sebanyak ${passed.length} orang dari ${final.length} peserta SKB, sebagai berikut:`,
      columns: [
        NO_COLUMN,
        { label: 'Nomor Peserta', weight: 20 },
        { label: 'Nama', weight: 35 },
        { label: 'SKD', weight: 9, align: 'right' },
        { label: 'SKB', weight: 10, align: 'right' },
        { label: 'Nilai Akhir', weight: 11, align: 'right' },
        { label: 'Peringkat', weight: 10, align: 'right' },
      ],
      formations: formations
        .filter((f) => final.some((r) => r[0] === f.code))
        .map((f) => ({
          code: f.code,
          jabatan: f.jabatan,
          organizationName: f.organization_name,
          rows: passed
            .filter((r) => r[0] === f.code)
            .map((r) => [r[1]!, names.get(r[1]!) ?? '', r[2]!, r[3] || '-', r[4] || '-', r[5] || '-']),
        })),
      emptyText: 'Tidak ada peserta yang lulus pada formasi ini.',
      closing: [
        ...correction,
        ...(moves.length > 0
          ? [
              `Sebanyak ${moves.length} peserta dipindahkan ke formasi yang kosong melalui optimalisasi; rinciannya ada di berkas optimalisasi.csv.`,
            ]
          : []),
        'Nama disamarkan untuk melindungi data pribadi; setiap peserta melihat hasilnya di akun Merit masing-masing.',
        filesNote,
        'Peserta yang dinyatakan Lulus (L) wajib melengkapi dokumen usul penetapan NIP sesuai jadwal Panitia. Pengumuman ini dapat diperiksa keasliannya dengan memindai kode QR.',
      ],
    },
    { now: decided },
  );
}
