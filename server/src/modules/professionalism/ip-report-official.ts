/**
 * BKN's official IP ASN figures of past years, imported from a sheet to compare with Merit's own:
 * every row is checked and reported by its Excel line in Indonesian (and English); the import
 * saves all rows or none, replacing the figures with the same year, PNS/PPPK and OPD.
 */
import { type Msg, msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { readSheet, type SheetFormat, type SheetRecord, writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { DIMENSIONS, type Dimension, IP_ASN_2019, round2 } from './domain/ip-asn.ts';
import { ipReportRepository as repo, type OfficialInsert } from './ip-report.repository.ts';
import { actorOf, type IpReportContext } from './ip-report.shared.ts';

export const OFFICIAL_COLUMNS = [
  'tahun',
  'jenis_pegawai',
  'kode_opd',
  'responden',
  'kualifikasi',
  'kompetensi',
  'kinerja',
  'disiplin',
  'total',
] as const;
const MAX_ROWS = 2000;
/** BKN's maxima per dimension (§1.2); a figure above one is a typing error. */
const MAXIMA = IP_ASN_2019.maxima;

type Row = Omit<OfficialInsert, 'id' | 'imported_by' | 'imported_at'>;
interface Checked {
  ok: boolean;
  rows: Row[];
  report: { line: number; status: 'valid' | 'error'; problems: Msg[] }[];
}

/** A decimal as officials type it: "21,37" or "21.37". */
const decimal = (s: string) => (/^\d+([.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : Number.NaN);

function checkRow(
  r: SheetRecord,
  known: { organizationIds: Set<string>; thisYear: number; seen: Map<string, number> },
): { row: Row | null; problems: Msg[] } {
  const cell = (c: (typeof OFFICIAL_COLUMNS)[number]) => (r.cells[OFFICIAL_COLUMNS.indexOf(c)] ?? '').trim();
  const problems: Msg[] = [];
  const year = Number(cell('tahun'));
  if (!/^\d{4}$/.test(cell('tahun')) || year < 2015 || year > known.thisYear)
    problems.push(
      msg(
        `Kolom tahun harus tahun pengukuran 2015–${known.thisYear} (contoh 2025).`,
        `Column tahun must be a measurement year 2015–${known.thisYear} (e.g. 2025).`,
      ),
    );
  const status = cell('jenis_pegawai').toUpperCase();
  if (status !== 'PNS' && status !== 'PPPK')
    problems.push(msg('Kolom jenis_pegawai harus PNS atau PPPK.', 'Column jenis_pegawai must be PNS or PPPK.'));
  const org = cell('kode_opd');
  if (org && !known.organizationIds.has(org))
    problems.push(
      msg(
        `Kode OPD "${org}" tidak dikenal. Pakai kode OPD Merit, atau kosongkan untuk angka seluruh kota.`,
        `OPD code "${org}" is unknown. Use Merit's OPD code, or leave it empty for the city-wide figure.`,
      ),
    );
  const respondents = cell('responden');
  if (respondents && !/^\d{1,6}$/.test(respondents))
    problems.push(
      msg(
        'Kolom responden harus bilangan bulat 0 atau lebih (boleh kosong).',
        'Column responden must be a whole number, 0 or more (may be empty).',
      ),
    );
  const means = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) {
    means[d] = decimal(cell(d));
    if (!(means[d] >= 0 && means[d] <= MAXIMA[d]))
      problems.push(
        msg(
          `Kolom ${d} harus angka 0–${MAXIMA[d]} (contoh 21,37).`,
          `Column ${d} must be a number 0–${MAXIMA[d]} (e.g. 21.37).`,
        ),
      );
  }
  const total = decimal(cell('total'));
  const sum = round2(DIMENSIONS.reduce((a, d) => a + means[d], 0));
  if (!(total >= 0 && total <= 100))
    problems.push(
      msg('Kolom total harus angka 0–100 (contoh 78,25).', 'Column total must be a number 0–100 (e.g. 78.25).'),
    );
  // BKN's total is the sum of the four means (§1.6); more than rounding apart means a mistyped cell.
  else if (problems.length === 0 && Math.abs(total - sum) > 0.05)
    problems.push(
      msg(
        `Total ${total} tidak sama dengan jumlah keempat dimensi (${sum}). Periksa angka yang tertukar atau salah ketik.`,
        `Total ${total} is not the sum of the four dimensions (${sum}). Check for swapped or mistyped figures.`,
      ),
    );
  const key = `${year}|${status}|${org}`;
  const before = known.seen.get(key);
  if (before !== undefined)
    problems.push(
      msg(
        `Baris ini mengulang tahun, jenis pegawai dan OPD baris ${before}. Hapus salah satunya.`,
        `This row repeats the year, employee type and OPD of line ${before}. Remove one of them.`,
      ),
    );
  else known.seen.set(key, r.line);
  if (problems.length > 0) return { row: null, problems };
  return {
    row: {
      year,
      employee_status: status as 'PNS' | 'PPPK',
      organization_id: org || null,
      respondents: respondents ? Number(respondents) : null,
      ...means,
      total,
    },
    problems,
  };
}

function checkSheet(records: SheetRecord[], organizationIds: Set<string>, thisYear: number): Checked {
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (OFFICIAL_COLUMNS.some((c, i) => header[i] !== c))
    return {
      ok: false,
      rows: [],
      report: [
        {
          line: records[0]?.line ?? 1,
          status: 'error',
          problems: [
            msg(
              `Baris judul harus: ${OFFICIAL_COLUMNS.join(', ')}. Unduh templat lalu salin angkanya ke sana.`,
              `The header row must be: ${OFFICIAL_COLUMNS.join(', ')}. Download the template and copy the figures into it.`,
            ),
          ],
        },
      ],
    };
  const known = { organizationIds, thisYear, seen: new Map<string, number>() };
  const checked = records.slice(1).map((r) => ({ line: r.line, ...checkRow(r, known) }));
  if (checked.length === 0)
    return {
      ok: false,
      rows: [],
      report: [
        {
          line: 2,
          status: 'error',
          problems: [
            msg(
              'Berkas belum berisi angka. Isi satu baris per tahun, jenis pegawai dan OPD.',
              'The file has no figures yet. Fill one row per year, employee type and OPD.',
            ),
          ],
        },
      ],
    };
  return {
    ok: checked.every((c) => c.problems.length === 0),
    rows: checked.flatMap((c) => (c.row ? [c.row] : [])),
    report: checked.map((c) => ({
      line: c.line,
      status: c.problems.length ? ('error' as const) : ('valid' as const),
      problems: c.problems,
    })),
  };
}

const answer = (c: Pick<Checked, 'ok' | 'report'>, committed: boolean) => ({
  committed,
  ok: c.ok,
  counts: {
    valid: c.report.filter((r) => r.status === 'valid').length,
    error: c.report.filter((r) => r.status === 'error').length,
  },
  report: c.report,
});

/** Checks (commit=false) or imports BKN's official figures: every row or none; audited. */
export async function importOfficial(
  ctx: IpReportContext,
  actor: Actor,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  const read = await readSheet(data, format, {
    maxRows: MAX_ROWS,
    columns: OFFICIAL_COLUMNS.length,
    noun: { id: 'angka resmi IP ASN', en: 'official IP ASN figures' },
  });
  if (!read.ok)
    return answer({ ok: false, report: [{ line: read.line, status: 'error', problems: [read.problem] }] }, false);
  const orgs = new Set((await repo.organizations(ctx.db)).map((o) => o.id));
  const thisYear = Number(localDate(ctx.clock.now()).slice(0, 4));
  const checked = checkSheet(read.records, orgs, thisYear);
  if (!checked.ok || !commit) return answer(checked, false);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await repo.replaceOfficial(
      trx,
      checked.rows.map((r) => ({ ...r, id: ctx.ids.uuid(), imported_by: actor.accountId, imported_at: now })),
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'ip_asn.official_import',
      subjectType: 'ip_asn_official',
      subjectId: null,
      after: { rows: checked.rows.length, years: [...new Set(checked.rows.map((r) => r.year))] },
    });
  });
  return answer(checked, true);
}

/** The sheet with its header and two example rows (Kota Bima's 2023 PNS figure as the pattern). */
export function officialTemplate(_ctx: unknown, format: SheetFormat) {
  return writeSheet(
    {
      name: 'Angka Resmi IP ASN',
      columns: OFFICIAL_COLUMNS.map((name) => ({ name, width: name === 'kode_opd' ? 16 : 13 })),
      rows: [
        ['2025', 'PNS', '', '', '21,37', '26,16', '25,72', '5', '78,25'],
        ['2025', 'PPPK', 'kominfo', '12', '15,00', '20,00', '25,00', '5', '65,00'],
      ],
    },
    format,
  );
}
