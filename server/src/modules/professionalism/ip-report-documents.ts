/** The OPD report PDF for the Wali Kota and the BKN-like export per person (BKPSDM only; audited). */
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { notFound } from '../../errors.ts';
import { type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import { namesOfEmployees } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { BAND_LABELS, JABATAN_LABELS, type JabatanType } from './domain/ip-asn.ts';
import { figureOfTallies, groupBy, holdsBack, provisionalCells } from './ip-report-figures.ts';
import { renderIpReport } from './ip-report-pdf.ts';
import { ipReportRepository as repo } from './ip-report.repository.ts';
import { actorOf, type IpReportContext, scopeOf, yearData, yearsOf, yearTallies } from './ip-report.shared.ts';

const jabatanLabel = (j: string | null) => (j ? (JABATAN_LABELS[j as JabatanType]?.id ?? j) : 'Belum tercatat');

/** One OPD's report of a year as PDF (a supervisor only their own OPD); 404 for an OPD or year without results. */
export async function organizationPdf(ctx: IpReportContext, actor: Actor, organizationId: string, askedYear?: number) {
  await scopeOf(ctx, actor, organizationId);
  const org = (await repo.organizations(ctx.db)).find((o) => o.id === organizationId);
  if (!org) throw notFound();
  const { year, chosen } = await yearsOf(ctx, askedYear);
  const data = await yearTallies(ctx, year, undefined, chosen);
  if (!data.instrument) throw notFound();
  const inst = data.instrument.body;
  const mine = data.tallies.filter((p) => p.organizationId === organizationId);
  if (mine.length === 0) throw notFound();
  const all = figureOfTallies(inst, mine);
  const official = (await repo.official(ctx.db, [year, year - 1])).filter((o) => o.organization_id === organizationId);
  return {
    filename: `laporan-ip-asn-${organizationId}-${year}.pdf`,
    body: await renderIpReport(
      {
        year,
        organizationName: org.name,
        dateText: formatCalendarDate(localDate(ctx.clock.now())),
        instrumentVersion: data.instrument.version,
        provisionalCells: provisionalCells(inst),
        maxima: inst.maxima,
        groups: [
          { label: 'Semua ASN', figure: all },
          {
            label: 'PNS (termasuk CPNS)',
            figure: figureOfTallies(
              inst,
              mine.filter((p) => p.group === 'PNS'),
            ),
          },
          {
            label: 'PPPK',
            figure: figureOfTallies(
              inst,
              mine.filter((p) => p.group === 'PPPK'),
            ),
          },
        ],
        city: figureOfTallies(inst, data.tallies),
        holdsBack: holdsBack(inst, all),
        byJabatan: [...groupBy(mine, (p) => p.jabatanType)].map(([j, points]) => ({
          label: jabatanLabel(j),
          figure: figureOfTallies(inst, points),
        })),
        official: official.map((o) => ({
          label: `Angka resmi BKN ${o.year} (${o.employee_status})`,
          total: Number(o.total),
          respondents: o.respondents,
        })),
      },
      { now: ctx.clock.now() },
    ),
  };
}

/** The export's columns, close to BKN's IP ASN sheet (one row per person). */
export const EXPORT_COLUMNS = [
  ['tahun', 8],
  ['nip', 22],
  ['nama', 32],
  ['opd', 36],
  ['jenis_pegawai', 12],
  ['jenis_jabatan', 22],
  ['kualifikasi', 12],
  ['kompetensi', 12],
  ['kinerja', 10],
  ['disiplin', 10],
  ['total', 10],
  ['kategori', 16],
  ['lengkap', 10],
  ['sementara', 10],
  ['versi_instrumen', 18],
] as const;

/** Every person's index of a year under its instrument version, in BKN-like columns (BKPSDM; audited: it holds NIPs). */
export async function exportSheet(
  ctx: IpReportContext,
  actor: Actor,
  askedYear: number | undefined,
  format: SheetFormat,
) {
  const { year, chosen } = await yearsOf(ctx, askedYear);
  const [data, orgs] = await Promise.all([yearData(ctx, year, undefined, chosen), repo.organizations(ctx.db)]);
  const names = await namesOfEmployees(
    ctx.db,
    data.points.map((p) => p.employeeId),
  );
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const rows = data.points
    .map((p) => ({ p, who: names.get(p.employeeId) ?? { nip: '', fullName: '' } }))
    .sort((a, b) => a.who.nip.localeCompare(b.who.nip))
    .map(({ p, who }) => [
      year,
      who.nip,
      who.fullName,
      orgName.get(p.organizationId) ?? p.organizationId,
      p.status,
      jabatanLabel(p.jabatanType),
      p.points.kualifikasi,
      p.points.kompetensi,
      p.points.kinerja,
      p.points.disiplin,
      p.total,
      BAND_LABELS[p.band]?.id ?? p.band,
      p.complete ? 'ya' : 'tidak',
      p.provisional ? 'ya' : 'tidak',
      data.instrument?.version ?? '',
    ]);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'ip_asn.export',
    subjectType: 'ip_asn_results',
    subjectId: null,
    after: { year, rows: rows.length, format, instrument: data.instrument?.version ?? null },
  });
  return {
    filename: `ip-asn-${year}.${format}`,
    body: await writeSheet(
      {
        name: `IP ASN ${year}`,
        columns: EXPORT_COLUMNS.map(([name, width]) => ({
          name,
          width,
          text: !['tahun', 'kualifikasi', 'kompetensi', 'kinerja', 'disiplin', 'total'].includes(name),
        })),
        rows,
      },
      format,
    ),
  };
}
