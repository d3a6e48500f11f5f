/** ASN records by sheet: the import (dry run, then all rows or none), the export in the same format, the template. */
import { readSheet, type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { developmentRepository as repo } from './development.repository.ts';
import { actorOf } from './development.shared.ts';
import {
  EMPLOYEE_SHEET_COLUMNS,
  MAX_EMPLOYEE_ROWS,
  employeeCells,
  validateEmployeeSheet,
} from './domain/employee-sheet.ts';
import type { EmployeesContext } from './employee-records.ts';

const SHEET_WIDTHS: Record<(typeof EMPLOYEE_SHEET_COLUMNS)[number], number> = {
  nip: 22,
  nama: 32,
  status: 8,
  tmt: 12,
  kode_opd: 14,
  unit: 28,
  jenis_jabatan: 14,
  jabatan: 36,
  jenjang: 16,
  golongan: 10,
  nip_atasan: 22,
  email: 28,
};

type Checked = {
  ok: boolean;
  report: {
    line: number;
    nip: string | null;
    status: 'new' | 'update' | 'error';
    problems: { id: string; en: string }[];
  }[];
};
const reportOf = (r: Checked, committed: boolean) => ({
  committed,
  ok: r.ok,
  counts: {
    new: r.report.filter((x) => x.status === 'new').length,
    update: r.report.filter((x) => x.status === 'update').length,
    error: r.report.filter((x) => x.status === 'error').length,
  },
  report: r.report,
});

/**
 * Checks a sheet and, with `commit`, imports it: every row or none. The report is the same
 * either way, so the dry run shows exactly what the import will do.
 */
export async function importEmployeeSheet(
  ctx: EmployeesContext,
  actor: Actor,
  data: Buffer,
  format: SheetFormat,
  commit: boolean,
) {
  const read = await readSheet(data, format, {
    maxRows: MAX_EMPLOYEE_ROWS,
    columns: EMPLOYEE_SHEET_COLUMNS.length,
    noun: { id: 'pegawai', en: 'employee' },
  });
  if (!read.ok)
    return reportOf(
      { ok: false, report: [{ line: read.line, nip: null, status: 'error', problems: [read.problem] }] },
      false,
    );
  const header = read.records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  const emailAt = header.indexOf('email');
  const emails =
    emailAt < 0
      ? []
      : read.records
          .slice(1)
          .map((r) => (r.cells[emailAt] ?? '').trim().toLowerCase())
          .filter(Boolean);
  const accountIds = await ctx.identity.accountIdsByEmail(emails);
  const linked = await repo.nipsOfAccounts(ctx.db, [...accountIds.values()]);
  const accounts = new Map([...accountIds].map(([email, id]) => [email, linked.get(id) ?? null]));
  const checked = validateEmployeeSheet(read.records, {
    organizationIds: await repo.organizationIds(ctx.db),
    existing: await repo.supervisorMap(ctx.db),
    accounts,
  });
  if (!checked.ok || !commit) return reportOf(checked, false);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await repo.upsertEmployees(
      trx,
      checked.rows.map((r) => ({
        ...r,
        id: ctx.ids.uuid(),
        accountId: r.email ? (accountIds.get(r.email) ?? null) : null,
      })),
      now,
    );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'employee.import',
      subjectType: 'employees',
      subjectId: null,
      after: {
        new: checked.report.filter((x) => x.status === 'new').length,
        updated: checked.report.filter((x) => x.status === 'update').length,
        nips: checked.rows.map((r) => r.nip),
      },
    });
  });
  return reportOf(checked, true);
}

/** Every record in the sheet format the import reads (BKPSDM only; audited: it holds NIPs). */
export async function exportEmployeeSheet(ctx: EmployeesContext, actor: Actor, format: SheetFormat) {
  const rows = await repo.sheetRows(ctx.db);
  const emails = await ctx.identity.emailsOfAccounts(
    rows.map((r) => r.account_id).filter((x): x is string => x !== null),
  );
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'employee.export',
    subjectType: 'employees',
    subjectId: null,
    after: { rows: rows.length, format },
  });
  return writeSheet(
    {
      name: 'Data Pegawai',
      columns: EMPLOYEE_SHEET_COLUMNS.map((name) => ({ name, width: SHEET_WIDTHS[name] })),
      rows: rows.map((r) =>
        employeeCells({
          nip: r.nip,
          fullName: r.full_name,
          status: r.status,
          gender: r.gender,
          birthDate: r.birth_date,
          tmt: r.tmt,
          organizationId: r.organization_id,
          unit: r.unit,
          jabatanKind: r.jabatan_kind,
          jabatan: r.jabatan,
          jenjang: r.jenjang,
          golongan: r.golongan,
          supervisorNip: r.supervisor_nip,
          email: r.account_id ? (emails.get(r.account_id) ?? null) : null,
        }),
      ),
    },
    format,
  );
}

/** An empty sheet with the header and one example row (a Diskominfo pranata komputer). */
export function employeeTemplate(_ctx: unknown, format: SheetFormat) {
  return writeSheet(
    {
      name: 'Data Pegawai',
      columns: EMPLOYEE_SHEET_COLUMNS.map((name) => ({ name, width: SHEET_WIDTHS[name] })),
      rows: [
        [
          '199001012015031001',
          'Andi Lamarauna, S.Kom.',
          'PNS',
          '2015-03-01',
          'kominfo',
          'Bidang Aplikasi Informatika',
          'fungsional',
          'Pranata Komputer Ahli Muda',
          'Ahli Muda',
          'III/c',
          '',
          '',
        ],
      ],
    },
    format,
  );
}
