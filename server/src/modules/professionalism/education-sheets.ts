/**
 * Education and competency history by sheet (issue 26 §1, §5): the template, and the import — a
 * dry run with a report per row, then every row or none. A row matching a record already held
 * (same person, jenjang, institution and year; or same person, kind, title and end date) updates
 * it, so importing the same sheet twice adds nothing.
 */
import { normalizeNip } from '../../../../common/rules/nip.ts';
import type { Msg } from '../../../../common/contracts/messages.ts';
import { readSheet, type SheetFormat, type SheetRecord, writeSheet } from '../../platform/sheets.ts';
import { employeeIdsByNip } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { COMPETENCY_SHEET_COLUMNS, competencyKey, validateCompetencySheet } from './domain/competency-sheet.ts';
import {
  cleanCell,
  EDUCATION_SHEET_COLUMNS,
  educationKey,
  MAX_RECORD_ROWS,
  type RecordRowReport,
  validateEducationSheet,
} from './domain/education-sheet.ts';
import { recordsRepository as repo } from './education.repository.ts';
import { ensureHighest } from './education-records.ts';
import { actorOf, isBkpsdm, type RecordsContext, todayOf } from './education.shared.ts';
import { notFound } from '../../errors.ts';

const reportOf = (r: { ok: boolean; report: RecordRowReport[] }, committed: boolean) => ({
  committed,
  ok: r.ok,
  counts: {
    new: r.report.filter((x) => x.status === 'new').length,
    update: r.report.filter((x) => x.status === 'update').length,
    error: r.report.filter((x) => x.status === 'error').length,
  },
  report: r.report,
});
const refused = (line: number, problem: Msg) =>
  reportOf({ ok: false, report: [{ line, nip: null, status: 'error', problems: [problem] }] }, false);

/** The NIPs a sheet names (column `nip` of its header), to look up in the city's records at once. */
function nipsOf(records: readonly SheetRecord[]): string[] {
  const at = records[0]?.cells.findIndex((c) => cleanCell(c).toLowerCase() === 'nip') ?? -1;
  if (at < 0) return [];
  return records
    .slice(1)
    .map((r) => normalizeNip(cleanCell(r.cells[at] ?? '')))
    .filter((n) => /^\d{18}$/.test(n));
}

async function readRecords(data: Buffer, format: SheetFormat, columns: number, noun: { id: string; en: string }) {
  return readSheet(data, format, { maxRows: MAX_RECORD_ROWS, columns, noun });
}

/** Checks an education sheet and, with `commit`, imports it whole; the highest mark moves in the same transaction. */
export async function importEducationSheet(
  ctx: RecordsContext,
  actor: Actor,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  if (!isBkpsdm(actor)) throw notFound();
  const read = await readRecords(data, format, EDUCATION_SHEET_COLUMNS.length, {
    id: 'riwayat pendidikan',
    en: 'education history',
  });
  if (!read.ok) return refused(read.line, read.problem);
  const employees = await employeeIdsByNip(ctx.db, nipsOf(read.records));
  const held = await repo.educationOfEmployees(ctx.db, [...employees.values()]);
  const existing = new Map(
    held.map((h) => [educationKey(h.employee_id, h.level, h.institution, h.graduation_year), h.id]),
  );
  const checked = validateEducationSheet(read.records, {
    employees,
    existing: new Set(existing.keys()),
    today: todayOf(ctx).day,
  });
  if (!checked.ok || !commit) return reportOf(checked, false);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const people = [...new Set(checked.rows.map((r) => r.employeeId))];
    for (const r of checked.rows) if (r.isHighest) await repo.clearHighest(trx, r.employeeId, now);
    for (const r of checked.rows) {
      const facts = { level: r.level, institution: r.institution, major: r.major, graduation_year: r.graduationYear };
      const id = existing.get(r.key);
      if (id)
        await repo.updateEducation(trx, id, {
          ...facts,
          ...(r.isHighest ? { is_highest: true } : {}),
          updated_at: now,
        });
      else
        await repo.insertEducation(trx, {
          id: ctx.ids.uuid(),
          employee_id: r.employeeId,
          ...facts,
          is_highest: r.isHighest,
          source: 'import',
          recorded_by: actor.accountId,
          created_at: now,
          updated_at: now,
        });
    }
    for (const p of people) await ensureHighest(trx, p, now);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'education.import',
      subjectType: 'education_records',
      subjectId: null,
      after: { ...reportOf(checked, true).counts, nips: [...new Set(checked.rows.map((r) => r.nip))] },
    });
  });
  return reportOf(checked, true);
}

/** Checks a competency sheet and, with `commit`, imports it whole. */
export async function importCompetencySheet(
  ctx: RecordsContext,
  actor: Actor,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  if (!isBkpsdm(actor)) throw notFound();
  const read = await readRecords(data, format, COMPETENCY_SHEET_COLUMNS.length, {
    id: 'riwayat kompetensi',
    en: 'competency history',
  });
  if (!read.ok) return refused(read.line, read.problem);
  const employees = await employeeIdsByNip(ctx.db, nipsOf(read.records));
  const held = await repo.competencyOfEmployees(ctx.db, [...employees.values()]);
  const existing = new Map(held.map((h) => [competencyKey(h.employee_id, h.kind, h.title, h.completed_on), h.id]));
  const checked = validateCompetencySheet(read.records, {
    employees,
    existing: new Set(existing.keys()),
    today: todayOf(ctx).day,
  });
  if (!checked.ok || !commit) return reportOf(checked, false);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const fresh = [];
    for (const r of checked.rows) {
      const columns = {
        kind: r.kind,
        leadership_level: r.leadershipLevel,
        matches_jabatan: r.matchesJabatan,
        title: r.title,
        organizer: r.organizer,
        started_on: r.startedOn,
        completed_on: r.completedOn,
        jp: r.jp,
      };
      const id = existing.get(r.key);
      if (id) await repo.updateCompetency(trx, id, columns);
      else
        fresh.push({
          id: ctx.ids.uuid(),
          employee_id: r.employeeId,
          ...columns,
          source: 'import',
          recorded_by: actor.accountId,
          created_at: now,
        });
    }
    for (let i = 0; i < fresh.length; i += 500) await repo.insertCompetency(trx, fresh.slice(i, i + 500));
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'competency.import',
      subjectType: 'competency_records',
      subjectId: null,
      after: { ...reportOf(checked, true).counts, nips: [...new Set(checked.rows.map((r) => r.nip))] },
    });
  });
  return reportOf(checked, true);
}

const WIDTHS: Record<string, number> = { nip: 22, institusi: 34, jurusan: 26, judul: 40, penyelenggara: 30 };
const columnsOf = (names: readonly string[]) => names.map((name) => ({ name, width: WIDTHS[name] ?? 16 }));

/** The education sheet's header with two example rows (an S-1 marked highest, the SMA before it). */
export function educationTemplate(_ctx: unknown, format: SheetFormat) {
  return writeSheet(
    {
      name: 'Riwayat Pendidikan',
      columns: columnsOf(EDUCATION_SHEET_COLUMNS),
      rows: [
        ['199104252015032001', 'SMA', 'SMA Negeri 1 Palu', 'IPA', '2009', 'N'],
        ['199104252015032001', 'S-1', 'Universitas Tadulako', 'Teknik Informatika', '2014', 'Y'],
      ],
    },
    format,
  );
}

/** The competency sheet's header with one example row per kind. */
export function competencyTemplate(_ctx: unknown, format: SheetFormat) {
  const nip = '199104252015032001';
  return writeSheet(
    {
      name: 'Riwayat Kompetensi',
      columns: columnsOf(COMPETENCY_SHEET_COLUMNS),
      rows: [
        [
          nip,
          'kepemimpinan',
          'PKP',
          'Pelatihan Kepemimpinan Pengawas Angkatan III',
          'BPSDMD Sulteng',
          '2021-03-01',
          '2021-06-30',
          '',
          '',
        ],
        [nip, 'fungsional', '', 'Diklat Fungsional Pranata Komputer', 'BPS', '2016-05-02', '2016-05-13', '', 'Y'],
        [nip, 'teknis', '', 'Analisis Data dengan Python', 'BPSDM Kota Palu', '2024-08-05', '2024-08-09', '40', ''],
        [nip, 'seminar', '', 'Webinar Keamanan Siber', 'BSSN', '', '2024-02-29', '', ''],
      ],
    },
    format,
  );
}
