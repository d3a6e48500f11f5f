/**
 * The open datasets, one builder each: an aggregate or a record that is already public, with its
 * field documentation and update time. None carries a NIK, birth date, e-mail or person's name
 * (open-data.int.test.ts asserts it over every dataset).
 */
import type { DATASET_IDS } from '../../../../common/contracts/participation.ts';
import { tmsReasonLabel } from '../recruitment/index.ts';
import { type PerformanceService, SKP_PERIOD_LABELS } from '../performance/index.ts';
import { type IpReportService, ipAsnDataset } from '../professionalism/index.ts';
import { type CorrelationService, correlationDataset } from '../professionalism/index.ts';
import type { ComplaintsService } from './complaints.service.ts';
import type { ObserversService } from './observers.service.ts';
import type { ParticipationContext } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';
import type { SurveysService } from './surveys.service.ts';

export type DatasetId = (typeof DATASET_IDS)[number];
export type Cell = string | number | boolean | null;
interface Field {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  description: string;
}
export interface Dataset {
  id: DatasetId;
  title: string;
  description: string;
  fields: Field[];
  rows: Cell[][];
  updatedAt: Date;
}

/** Open data reads the other participation services' public figures and performance's per-OPD ones. */
export type OpenDataContext = Pick<ParticipationContext, 'db' | 'clock'> & {
  complaints: Pick<ComplaintsService, 'statistics'>;
  surveys: Pick<SurveysService, 'units' | 'results'>;
  observers: Pick<ObserversService, 'publicFindings'>;
  performance: Pick<PerformanceService, 'publicFigures'>;
  /** The IP ASN public figures (professionalism; groups of five or more only). */
  ipAsn: Pick<IpReportService, 'publicFigures'>;
  /** The selection-vs-performance aggregate of the public correlation page (professionalism). */
  correlation: Pick<CorrelationService, 'publicReports'>;
};

const latest = (dates: (Date | string | null | undefined)[], fallback: Date) => {
  const ms = dates.filter((d): d is Date | string => !!d).map((d) => new Date(d).getTime());
  return ms.length ? new Date(Math.max(...ms)) : fallback;
};

/** The complaints file speaks the words the site shows, not the stored codes (issue 23). */
const CATEGORY_WORDS = {
  recruitment: 'Seleksi/rekrutmen',
  exam: 'Ujian CAT',
  training: 'Pelatihan',
  service: 'Layanan kepegawaian',
} as const;
const STATUS_WORDS = {
  submitted: 'Menunggu verifikasi',
  disposed: 'Diteruskan ke OPD',
  followed_up: 'Sudah ditindaklanjuti',
  closed: 'Selesai',
  rejected: 'Ditolak',
} as const;

/** Builds one dataset as of now. */
export async function buildDataset(ctx: OpenDataContext, id: DatasetId): Promise<Dataset> {
  const now = ctx.clock.now();
  switch (id) {
    case 'formations':
      return formationsDataset(ctx, id, now);
    case 'applicants-per-formation':
    case 'verification-outcomes':
      return applicantsDataset(ctx, id, now);
    case 'complaints-by-category':
    case 'complaint-follow-up-by-opd':
      return complaintsDataset(ctx, id, now);
    case 'ikm':
      return ikmDataset(ctx, id, now);
    case 'observer-findings':
      return findingsDataset(ctx, id, now);
    case 'jp-compliance':
    case 'skp-predikat':
      return performanceDataset(ctx, id, now);
    case 'ip-asn':
      return { id, ...ipAsnDataset(await ctx.ipAsn.publicFigures()), updatedAt: now };
    case 'selection-correlation':
      return { id, ...correlationDataset((await ctx.correlation.publicReports()).reports), updatedAt: now };
  }
}

/** Formations open in each recruitment period. */
export async function formationsDataset(ctx: OpenDataContext, id: 'formations', now: Date): Promise<Dataset> {
  const { db } = ctx;
  const rows = await repo.openFormations(db);
  return {
    id,
    title: 'Formasi seleksi ASN',
    description: 'Formasi yang dibuka per periode seleksi Pemerintah Kota Palu.',
    updatedAt: latest(
      rows.map((r) => r.updated_at),
      now,
    ),
    fields: [
      { name: 'periode', type: 'string', description: 'Kode periode seleksi' },
      { name: 'tahun', type: 'integer', description: 'Tahun seleksi' },
      { name: 'kode_formasi', type: 'string', description: 'Kode formasi' },
      { name: 'opd', type: 'string', description: 'Perangkat daerah' },
      { name: 'jabatan', type: 'string', description: 'Nama jabatan' },
      { name: 'pendidikan', type: 'string', description: 'Jenjang pendidikan yang diterima (dipisah |)' },
      { name: 'jenis_kebutuhan', type: 'string', description: 'Jenis kebutuhan (umum, cumlaude, disabilitas, …)' },
      { name: 'kuota', type: 'integer', description: 'Jumlah kebutuhan' },
      { name: 'penempatan', type: 'string', description: 'Unit penempatan' },
    ],
    rows: rows.map((r) => [
      r.period_code,
      r.year,
      r.code,
      r.organization_name,
      r.jabatan,
      r.education_levels.join('|'),
      r.need_type,
      r.quota,
      r.placement,
    ]),
  };
}

/** Applicants per formation, or the published TMS reasons per formation. */
export async function applicantsDataset(
  ctx: OpenDataContext,
  id: 'applicants-per-formation' | 'verification-outcomes',
  now: Date,
): Promise<Dataset> {
  const { db } = ctx;
  const rows = await repo.openOutcomes(db);
  const updatedAt = latest(
    rows.map((r) => r.updated_at),
    now,
  );
  if (id === 'applicants-per-formation') {
    const by = new Map<
      string,
      { period: string; code: string; jabatan: string; submitted: number; ms: number; tms: number }
    >();
    for (const r of rows) {
      const k = r.formation_id;
      const x = by.get(k) ?? { period: r.period_code, code: r.code, jabatan: r.jabatan, submitted: 0, ms: 0, tms: 0 };
      x.submitted++;
      if (r.published_result === 'ms') x.ms++;
      if (r.published_result === 'tms') x.tms++;
      by.set(k, x);
    }
    return {
      id,
      title: 'Pelamar per formasi',
      description: 'Jumlah lamaran terkirim per formasi dan hasil administrasi yang sudah diumumkan.',
      updatedAt,
      fields: [
        { name: 'periode', type: 'string', description: 'Kode periode seleksi' },
        { name: 'kode_formasi', type: 'string', description: 'Kode formasi' },
        { name: 'jabatan', type: 'string', description: 'Nama jabatan' },
        { name: 'pelamar', type: 'integer', description: 'Lamaran terkirim' },
        { name: 'ms', type: 'integer', description: 'Memenuhi syarat (diumumkan)' },
        { name: 'tms', type: 'integer', description: 'Tidak memenuhi syarat (diumumkan)' },
      ],
      rows: [...by.values()].map((x) => [x.period, x.code, x.jabatan, x.submitted, x.ms, x.tms]),
    };
  }
  const by = new Map<string, { period: string; code: string; reason: string; count: number }>();
  for (const r of rows.filter((x) => x.published_result === 'tms')) {
    for (const reason of (Array.isArray(r.proposed_reasons) ? r.proposed_reasons : []) as { code: string | null }[]) {
      const code = reason.code ?? 'LAINNYA';
      const k = `${r.formation_id}|${code}`;
      const x = by.get(k) ?? { period: r.period_code, code: r.code, reason: code, count: 0 };
      x.count++;
      by.set(k, x);
    }
  }
  return {
    id,
    title: 'Hasil verifikasi: alasan TMS',
    description:
      'Jumlah alasan Tidak Memenuhi Syarat per formasi (satu pelamar dapat memiliki lebih dari satu alasan).',
    updatedAt,
    fields: [
      { name: 'periode', type: 'string', description: 'Kode periode seleksi' },
      { name: 'kode_formasi', type: 'string', description: 'Kode formasi' },
      { name: 'kode_alasan', type: 'string', description: 'Kode alasan TMS' },
      { name: 'alasan', type: 'string', description: 'Alasan TMS' },
      { name: 'jumlah', type: 'integer', description: 'Jumlah pelamar dengan alasan ini' },
    ],
    rows: [...by.values()].map((x) => [x.period, x.code, x.reason, tmsReasonLabel(x.reason)?.id ?? 'Lainnya', x.count]),
  };
}

/** Complaints per category and status, or each OPD's on-time follow-up. */
export async function complaintsDataset(
  ctx: OpenDataContext,
  id: 'complaints-by-category' | 'complaint-follow-up-by-opd',
  now: Date,
): Promise<Dataset> {
  const { db } = ctx;
  const stats = await ctx.complaints.statistics();
  const updatedAt = latest([await repo.lastComplaintChange(db)], now);
  if (id === 'complaints-by-category') {
    return {
      id,
      title: 'Pengaduan per kategori dan status',
      description: 'Jumlah laporan (pengaduan, aspirasi, permintaan informasi) per kategori dan status.',
      updatedAt,
      fields: [
        { name: 'kategori', type: 'string', description: Object.values(CATEGORY_WORDS).join(', ') },
        { name: 'status', type: 'string', description: Object.values(STATUS_WORDS).join(', ') },
        { name: 'jumlah', type: 'integer', description: 'Jumlah laporan' },
      ],
      rows: stats.byCategory.flatMap((c) =>
        Object.entries(c.byStatus).map(
          ([status, n]) =>
            [
              CATEGORY_WORDS[c.category as keyof typeof CATEGORY_WORDS] ?? c.category,
              STATUS_WORDS[status as keyof typeof STATUS_WORDS] ?? status,
              n,
            ] as Cell[],
        ),
      ),
    };
  }
  return {
    id,
    title: 'Ketepatan waktu tindak lanjut pengaduan per OPD',
    description: `Disposisi ke OPD dan tindak lanjut dalam ${stats.sla.followUpDays} hari kerja (kalender libur Palu).`,
    updatedAt,
    fields: [
      { name: 'opd', type: 'string', description: 'Perangkat daerah' },
      { name: 'disposisi', type: 'integer', description: 'Jumlah disposisi' },
      { name: 'tepat_waktu', type: 'integer', description: 'Ditindaklanjuti dalam batas waktu' },
      { name: 'terlambat', type: 'integer', description: 'Ditindaklanjuti terlambat atau masih terbuka lewat batas' },
      { name: 'dalam_proses', type: 'integer', description: 'Masih dalam batas waktu' },
      { name: 'persen_tepat_waktu', type: 'integer', description: 'Tepat waktu / (tepat waktu + terlambat), persen' },
    ],
    rows: stats.byOrganization.map((o) => [o.name, o.disposed, o.onTime, o.late, o.pending, o.percent]),
  };
}

/** The IKM of every unit in every period with questionnaires. */
export async function ikmDataset(ctx: OpenDataContext, id: 'ikm', now: Date): Promise<Dataset> {
  const { db } = ctx;
  const units = await ctx.surveys.units();
  const rows: Cell[][] = [];
  for (const u of units) {
    const first = await ctx.surveys.results(u.id);
    for (const period of first.periods) {
      const r = period === first.period ? first : await ctx.surveys.results(u.id, period);
      if (r.respondents === 0) continue;
      rows.push([
        u.id,
        u.name,
        u.organization.name,
        period,
        r.respondents,
        r.sampleNeeded,
        r.ikm,
        r.converted,
        r.band?.grade ?? null,
      ]);
    }
  }
  return {
    id,
    title: 'Indeks Kepuasan Masyarakat per unit layanan',
    description:
      'IKM per unit dan periode (PermenPANRB 14/2017): NRR per unsur tertimbang, dikonversi ×25, dengan mutu A–D.',
    updatedAt: latest([await repo.lastSurveyResponse(db)], now),
    fields: [
      { name: 'kode_unit', type: 'string', description: 'Kode unit layanan' },
      { name: 'unit', type: 'string', description: 'Nama unit layanan' },
      { name: 'opd', type: 'string', description: 'Perangkat daerah' },
      { name: 'periode', type: 'string', description: 'Periode survei (2026-T3, 2026-S2, 2026)' },
      { name: 'responden', type: 'integer', description: 'Jumlah kuesioner' },
      { name: 'sampel_dibutuhkan', type: 'integer', description: 'Sampel Krejcie–Morgan' },
      { name: 'ikm', type: 'number', description: 'Nilai IKM (1–4)' },
      { name: 'nilai_konversi', type: 'number', description: 'IKM × 25 (25–100)' },
      { name: 'mutu', type: 'string', description: 'Mutu pelayanan A–D' },
    ],
    rows,
  };
}

/** Observer findings the public sees, with the committee's answers. */
export async function findingsDataset(ctx: OpenDataContext, id: 'observer-findings', now: Date): Promise<Dataset> {
  const { db } = ctx;
  const list = await ctx.observers.publicFindings();
  return {
    id,
    title: 'Temuan pemantau seleksi',
    description: 'Temuan pemantau terakreditasi yang sudah dijawab atau lewat batas waktu jawab.',
    updatedAt: latest([await repo.lastFindingChange(db)], now),
    fields: [
      { name: 'periode', type: 'string', description: 'Periode seleksi' },
      { name: 'organisasi_pemantau', type: 'string', description: 'Organisasi pemantau' },
      { name: 'tahap', type: 'string', description: 'Tahap seleksi' },
      { name: 'judul', type: 'string', description: 'Judul temuan' },
      { name: 'dilaporkan', type: 'date', description: 'Tanggal dilaporkan' },
      { name: 'batas_jawab', type: 'date', description: 'Batas waktu jawaban (hari kerja)' },
      { name: 'status', type: 'string', description: 'open atau answered' },
      { name: 'dijawab', type: 'date', description: 'Tanggal dijawab' },
      { name: 'terlambat', type: 'boolean', description: 'Dijawab/terbuka lewat batas' },
      { name: 'jawaban', type: 'string', description: 'Jawaban panitia' },
    ],
    rows: list.map((f) => [
      f.periodName,
      f.organizationName,
      f.stage,
      f.title,
      f.filedOn,
      f.dueOn,
      f.status,
      f.answeredOn,
      f.late,
      f.answer,
    ]),
  };
}

/** 20 JP compliance or the SKP predikat spread per OPD, from the performance module's public figures. */
export async function performanceDataset(
  ctx: OpenDataContext,
  id: 'jp-compliance' | 'skp-predikat',
  now: Date,
): Promise<Dataset> {
  // Per OPD only from the performance module's minimum group (five), so no person can be singled out.
  const year = Number(now.toISOString().slice(0, 4));
  // JP counts this year; the SKP file shows the newest period with final evaluations (the server picks it).
  const f = await ctx.performance.publicFigures(id === 'jp-compliance' ? year : undefined);
  if (id === 'jp-compliance') {
    return {
      id,
      title: 'Pemenuhan hak 20 JP pengembangan kompetensi per OPD',
      description: `Persentase pegawai yang sudah mencapai ${f.jp.required} JP pada tahun ${year}; kosong bila OPD memiliki kurang dari ${f.minGroup} pegawai.`,
      updatedAt: now,
      fields: [
        { name: 'tahun', type: 'integer', description: 'Tahun' },
        { name: 'opd', type: 'string', description: 'Perangkat daerah (atau Kota Palu untuk seluruhnya)' },
        { name: 'pegawai', type: 'integer', description: 'Jumlah pegawai' },
        {
          name: 'persen_memenuhi',
          type: 'integer',
          description: `Persen pegawai dengan ≥ ${f.jp.required} JP (kosong bila kelompok terlalu kecil)`,
        },
      ],
      rows: [
        [year, 'Kota Palu', f.jp.employees, f.jp.employees >= f.minGroup ? f.jp.percent : null],
        ...f.jp.byOrganization.map((o) => [year, o.name, o.employees, o.percent] as Cell[]),
      ],
    };
  }
  const counts = (p: Record<string, number> | null): Cell[] =>
    ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'].map((k) => (p ? (p[k] ?? 0) : null));
  return {
    id,
    title: 'Sebaran predikat kinerja pegawai (SKP) per OPD',
    description: `Menampilkan ${SKP_PERIOD_LABELS[f.period].id} ${f.year}, periode terakhir dengan evaluasi SKP final, per predikat; kosong bila OPD memiliki kurang dari ${f.minGroup} evaluasi.`,
    updatedAt: now,
    fields: [
      { name: 'tahun', type: 'integer', description: 'Tahun' },
      { name: 'periode', type: 'string', description: 'q1–q4 (triwulan) atau annual' },
      { name: 'opd', type: 'string', description: 'Perangkat daerah (atau Kota Palu untuk seluruhnya)' },
      { name: 'dinilai', type: 'integer', description: 'Evaluasi final' },
      { name: 'sangat_baik', type: 'integer', description: 'Predikat Sangat Baik' },
      { name: 'baik', type: 'integer', description: 'Predikat Baik' },
      { name: 'butuh_perbaikan', type: 'integer', description: 'Predikat Butuh Perbaikan' },
      { name: 'kurang', type: 'integer', description: 'Predikat Kurang' },
      { name: 'sangat_kurang', type: 'integer', description: 'Predikat Sangat Kurang' },
    ],
    rows: [
      [f.year, f.period, 'Kota Palu', f.evaluated, ...counts(f.evaluated >= f.minGroup ? f.predikat : null)],
      ...f.byOrganization.map((o) => [f.year, f.period, o.name, o.evaluated, ...counts(o.predikat)] as Cell[]),
    ],
  };
}
