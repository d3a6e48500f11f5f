/**
 * Official outputs of the administrative selection: the committee's XLSX of every file and its
 * outcome (MS/TMS with the reasons), and the PENGUMUMAN PDF of a published announcement (number,
 * date, MS list per formation with masked names, signature block). Reads only; the export is
 * audited because it carries applicants' data out of the platform.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { maskName } from '../../../../common/rules/mask-name.ts';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { renderAnnouncement } from '../../platform/pdf/announcement.ts';
import { indonesianDate, NEED_TYPE_LABELS } from '../../platform/pdf/cards.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { TMS_REASONS } from './domain/index.ts';
import { formatDateTimeWita } from './recruitment.service.ts';

const STATUS_ID: Record<string, string> = {
  submitted: 'Dikirim, menunggu verifikasi',
  ms: 'Memenuhi Syarat (MS)',
  tms: 'Tidak Memenuhi Syarat (TMS)',
  objection_filed: 'Sanggah diajukan',
  tms_final: 'TMS (final)',
};
const reasonText = (code: string | null) => TMS_REASONS.find((r) => r.code === code)?.id ?? code ?? '';

export function createOutcomesService(deps: { db: Kysely<DB>; clock: Clock; audit: AuditService; publicUrl: string }) {
  const { db, clock, audit } = deps;

  async function rows(periodId: string) {
    return db
      .selectFrom('applications as a')
      .innerJoin('formations as f', 'f.id', 'a.formation_id')
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .innerJoin('accounts as acc', 'acc.id', 'a.applicant_id')
      .select(['a.id', 'a.registration_no', 'a.participant_no', 'a.status', 'a.published_result', 'a.proposed_verdict', 'a.proposed_reasons', 'acc.full_name', 'f.code', 'f.jabatan', 'f.need_type', 'o.name as organization_name'])
      .where('a.period_id', '=', periodId)
      .where('a.status', 'not in', ['draft', 'withdrawn'])
      .orderBy('f.code')
      .orderBy('a.registration_no')
      .execute();
  }

  return {
    /** Every submitted file of the period with its status and TMS reasons, as an XLSX workbook. */
    async exportXlsx(actor: Actor, periodId: string): Promise<Buffer> {
      const period = await db.selectFrom('recruitment_periods').select(['id', 'name']).where('id', '=', periodId).executeTakeFirst();
      if (!period) throw notFound();
      const list = await rows(periodId);
      const docs = list.length
        ? await db.selectFrom('application_documents').select(['application_id', 'kind', 'reason_code', 'reason_text']).where('application_id', 'in', list.map((r) => r.id)).where('verdict', '=', 'tms').execute()
        : [];
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
          ...docs.filter((d) => d.application_id === r.id).map((d) => `${d.kind}: ${reasonText(d.reason_code)}${d.reason_text ? ` — ${d.reason_text}` : ''}`),
          ...((Array.isArray(r.proposed_reasons) ? r.proposed_reasons : []) as { code: string | null; text: string | null }[]).map((x) => `${reasonText(x.code)}${x.text ? ` — ${x.text}` : ''}`),
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
      await db.transaction().execute((trx) => audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'application.export', subjectType: 'period', subjectId: periodId, after: { rows: list.length } }));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    /** The PENGUMUMAN PDF of a published announcement; nothing for one not (yet) published. */
    async announcementPdf(announcementId: string): Promise<Buffer> {
      const ann = await db.selectFrom('announcements').selectAll().where('id', '=', announcementId).executeTakeFirst();
      if (!ann || ann.status !== 'published' || !ann.decided_at) throw notFound();
      const period = await db.selectFrom('recruitment_periods').select(['id', 'name', 'year', 'stages']).where('id', '=', ann.period_id).executeTakeFirstOrThrow();
      const published = await db.selectFrom('announcements').select(['id']).where('period_id', '=', ann.period_id).where('status', '=', 'published').orderBy('decided_at').execute();
      const ordinal = published.findIndex((p) => p.id === ann.id) + 1;
      const signer = ann.decided_by ? await db.selectFrom('accounts').select('full_name').where('id', '=', ann.decided_by).executeTakeFirst() : undefined;
      const formations = await db
        .selectFrom('formations as f')
        .innerJoin('organizations as o', 'o.id', 'f.organization_id')
        .select(['f.id', 'f.code', 'f.jabatan', 'o.name as organization_name'])
        .where('f.period_id', '=', ann.period_id)
        .orderBy('f.code')
        .execute();
      const list = (await rows(ann.period_id)).filter((r) => r.published_result !== null);
      const ms = list.filter((r) => r.published_result === 'ms');
      const summary = (ann.summary ?? null) as { ms?: number; tms?: number } | null;
      const objectionEnd = period.stages.objection?.end;
      const decided = new Date(ann.decided_at);
      return renderAnnouncement({
        year: period.year,
        number: `800/${ordinal}/${ann.stage === 'administration' ? 'ADM' : 'ADM-ULANG'}/BKPSDM/${period.year}`,
        dateText: indonesianDate(new Date(decided.getTime() + 8 * 3_600_000).toISOString()),
        periodName: period.name,
        title: ann.stage === 'administration' ? 'Hasil Seleksi Administrasi' : 'Hasil Seleksi Administrasi Pasca Sanggah',
        formations: formations
          .map((f) => ({ code: f.code, jabatan: f.jabatan, organizationName: f.organization_name, rows: ms.filter((r) => r.code === f.code).map((r) => ({ registrationNo: r.registration_no, maskedName: maskName(r.full_name) })) }))
          .filter((f) => f.rows.length > 0 || list.some((r) => r.code === f.code)),
        msCount: summary?.ms ?? ms.length,
        tmsCount: summary?.tms ?? list.length - ms.length,
        objectionUntilText: ann.stage === 'administration' && objectionEnd ? formatDateTimeWita(new Date(objectionEnd)) : null,
        signerTitle: 'a.n. Panitia Seleksi Daerah Pemerintah Kota Palu',
        signerName: signer?.full_name ?? 'Panitia Seleksi Daerah',
        verifyUrl: `${deps.publicUrl}/api/v1/public/announcements/${ann.id}.pdf`,
      }, { now: decided });
    },
  };
}

export type OutcomesService = ReturnType<typeof createOutcomesService>;
