/**
 * Official outputs of the administrative selection: the committee's XLSX of every file and its
 * outcome (MS/TMS with the reasons), and the PENGUMUMAN PDF of a published announcement (number,
 * date, MS list per formation with masked names, signature block). Reads only; the export is
 * audited because it carries applicants' data out of the platform.
 */
import ExcelJS from 'exceljs';
import { maskName } from '../../../../common/rules/mask-name.ts';
import { notFound } from '../../errors.ts';
import { NO_COLUMN, renderAnnouncement } from '../../platform/pdf/announcement.ts';
import { NEED_TYPE_LABELS } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import { TMS_REASONS } from './domain/index.ts';
import { formatWitaDate, formatWitaDateTime } from '../../../../common/rules/wita.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';
import { outcomesRepository as repo } from './outcomes.repository.ts';

const STATUS_ID: Record<string, string> = {
  submitted: 'Dikirim, menunggu verifikasi',
  ms: 'Memenuhi Syarat (MS)',
  tms: 'Tidak Memenuhi Syarat (TMS)',
  objection_filed: 'Sanggah diajukan',
  tms_final: 'TMS (final)',
};
const reasonText = (code: string | null) => TMS_REASONS.find((r) => r.code === code)?.id ?? code ?? '';

type Ctx = Pick<RecruitmentContext, 'db' | 'clock' | 'audit' | 'publicUrl'>;

/** Every submitted file of the period with its status and TMS reasons, as an XLSX workbook. */
export async function exportXlsx(ctx: Ctx, actor: Actor, periodId: string): Promise<Buffer> {
  const { db, clock, audit } = ctx;
  if (!(await repo.period(db, periodId))) throw notFound();
  const list = await repo.outcomeRows(db, periodId);
  const docs = await repo.tmsDocuments(
    db,
    list.map((r) => r.id),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Merit — BKPSDM Kota Palu';
  wb.created = clock.now();
  const sheet = wb.addWorksheet('Hasil administrasi', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Nomor pendaftaran', key: 'reg', width: 22 },
    { header: 'Nomor peserta', key: 'participant', width: 20 },
    { header: 'Nama', key: 'name', width: 30 },
    { header: 'Kode formasi', key: 'code', width: 14 },
    { header: 'Jabatan', key: 'jabatan', width: 36 },
    { header: 'OPD', key: 'org', width: 36 },
    { header: 'Jenis kebutuhan', key: 'need', width: 18 },
    { header: 'Status', key: 'status', width: 26 },
    { header: 'Usulan verifikator', key: 'proposed', width: 16 },
    { header: 'Hasil diumumkan', key: 'published', width: 16 },
    { header: 'Alasan TMS', key: 'reasons', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of list) {
    const reasons = [
      ...docs
        .filter((d) => d.application_id === r.id)
        .map((d) => `${d.kind}: ${reasonText(d.reason_code)}${d.reason_text ? ` — ${d.reason_text}` : ''}`),
      ...(
        (Array.isArray(r.proposed_reasons) ? r.proposed_reasons : []) as { code: string | null; text: string | null }[]
      ).map((x) => `${reasonText(x.code)}${x.text ? ` — ${x.text}` : ''}`),
    ];
    sheet.addRow({
      reg: r.registration_no,
      participant: r.participant_no ?? '',
      name: r.full_name,
      code: r.code,
      jabatan: r.jabatan,
      org: r.organization_name,
      need: NEED_TYPE_LABELS[r.need_type] ?? r.need_type,
      status: STATUS_ID[r.status] ?? r.status,
      proposed: r.proposed_verdict?.toUpperCase() ?? '',
      published: r.published_result?.toUpperCase() ?? '',
      reasons: reasons.join('; '),
    });
  }
  await db.transaction().execute((trx) =>
    audit.record(trx, {
      actor: { id: actor.accountId, role: actor.role },
      action: 'application.export',
      subjectType: 'period',
      subjectId: periodId,
      after: { rows: list.length },
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The PENGUMUMAN PDF of a published announcement; nothing for one not (yet) published. */
export async function announcementPdf(ctx: Ctx, announcementId: string): Promise<Buffer> {
  const { db } = ctx;
  const ann = await repo.announcement(db, announcementId);
  if (!ann || ann.status !== 'published' || !ann.decided_at) throw notFound();
  const [period, published, signer, formations, all] = await Promise.all([
    repo.period(db, ann.period_id),
    repo.publishedAnnouncements(db, ann.period_id),
    ann.decided_by ? repo.accountName(db, ann.decided_by) : Promise.resolve(undefined),
    repo.formations(db, ann.period_id),
    repo.outcomeRows(db, ann.period_id),
  ]);
  if (!period) throw notFound();
  const ordinal = published.findIndex((p) => p.id === ann.id) + 1;
  const list = all.filter((r) => r.published_result !== null);
  const ms = list.filter((r) => r.published_result === 'ms');
  const summary = (ann.summary ?? null) as { ms?: number; tms?: number } | null;
  const objectionEnd = period.stages.objection?.end;
  const decided = new Date(ann.decided_at);
  const msCount = summary?.ms ?? ms.length;
  const tmsCount = summary?.tms ?? list.length - ms.length;
  return renderAnnouncement(
    {
      year: period.year,
      number: `800/${ordinal}/${ann.stage === 'administration' ? 'ADM' : 'ADM-ULANG'}/BKPSDM/${period.year}`,
      dateText: formatWitaDate(decided),
      periodName: period.name,
      title: ann.stage === 'administration' ? 'Hasil Seleksi Administrasi' : 'Hasil Seleksi Administrasi Pasca Sanggah',
      opening:
        `Berdasarkan hasil verifikasi administrasi oleh verifikator dan peninjauan Panitia Seleksi Daerah Pemerintah Kota Palu, ` +
        `dengan ini diumumkan pelamar yang dinyatakan Memenuhi Syarat (MS) administrasi sebanyak ${msCount} orang ` +
        `(Tidak Memenuhi Syarat: ${tmsCount} orang), sebagai berikut:`,
      columns: [NO_COLUMN, { label: 'Nomor Pendaftaran', weight: 27 }, { label: 'Nama', weight: 68 }],
      formations: formations
        .map((f) => ({
          code: f.code,
          jabatan: f.jabatan,
          organizationName: f.organization_name,
          rows: ms.filter((r) => r.code === f.code).map((r) => [r.registration_no, maskName(r.full_name)]),
        }))
        .filter((f) => f.rows.length > 0 || list.some((r) => r.code === f.code)),
      emptyText: 'Tidak ada pelamar yang memenuhi syarat.',
      closing: [
        'Nama disamarkan untuk melindungi data pribadi; setiap pelamar melihat hasil dan alasan TMS-nya di akun Merit masing-masing.',
        ann.stage === 'administration' && objectionEnd
          ? `Pelamar yang dinyatakan TMS dapat mengajukan sanggah satu kali melalui Merit sampai ${formatWitaDateTime(objectionEnd)}.`
          : null,
        'Keputusan Panitia Seleksi Daerah bersifat final setelah masa sanggah. Pengumuman ini dapat diperiksa keasliannya dengan memindai kode QR.',
      ].filter((l): l is string => l !== null),
      signerTitle: 'a.n. Panitia Seleksi Daerah Pemerintah Kota Palu',
      signerName: signer?.full_name ?? 'Panitia Seleksi Daerah',
      verifyUrl: `${ctx.publicUrl}/api/v1/public/announcements/${ann.id}.pdf`,
    },
    { now: decided },
  );
}
