/**
 * ASN records (data pegawai): who the civil servants are, where they work and who supervises them
 * — the base that training, the 20 JP ledger and SKP hang on. BKPSDM (admin, training admin) keeps
 * them, one by one or by sheet (dry run, then all rows or none); supervisors see their unit; each
 * employee sees their own. Every change is audited.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { EmployeeListQuery } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Clock, Ids } from '../../platform/clock.ts';
import { readSheet, type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { developmentRepository as repo } from './development.repository.ts';
import { scopeOf } from './development.policy.ts';
import { EMPLOYEE_SHEET_COLUMNS, MAX_EMPLOYEE_ROWS, employeeCells, validateEmployeeSheet } from './domain/employee-sheet.ts';
import { presentEmployee } from './employees.presenter.ts';

export interface EmployeesDeps {
  db: Kysely<DB>;
  clock: Clock;
  ids: Ids;
  audit: AuditService;
  identity: Pick<IdentityService, 'accountIdsByEmail' | 'emailsOfAccounts'>;
}

const actorOf = (a: Actor) => ({ id: a.accountId, role: a.role });

const SHEET_WIDTHS: Record<(typeof EMPLOYEE_SHEET_COLUMNS)[number], number> = { nip: 22, nama: 32, status: 8, tmt: 12, kode_opd: 14, unit: 28, jenis_jabatan: 14, jabatan: 36, jenjang: 16, golongan: 10, nip_atasan: 22, email: 28 };

export function createEmployeesService(deps: EmployeesDeps) {
  const { db, clock, ids, audit } = deps;

  /** The records this actor may see: null = all (BKPSDM), else these ids. */
  async function visibleIds(actor: Actor): Promise<{ scope: 'all' | 'unit' | 'self'; ids: string[] | null }> {
    const scope = scopeOf(actor);
    if (scope === 'all') return { scope, ids: null };
    const own = await repo.employeeOfAccount(db, actor.accountId);
    if (!own) return { scope, ids: [] };
    return { scope, ids: scope === 'unit' ? await repo.unitIds(db, own.id) : [own.id] };
  }

  return {
    async list(actor: Actor, query: z.infer<typeof EmployeeListQuery>) {
      const { scope, ids: only } = await visibleIds(actor);
      const { total, rows } = await repo.list(db, { ids: only, q: query.q, organizationId: query.organizationId, status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
      return { total, page: query.page, pageSize: query.pageSize, scope, employees: rows.map((r) => presentEmployee(r, { withBirthDate: scope === 'all' || r.account_id === actor.accountId })) };
    },

    /** One record, if the actor may see it; anyone else's answers NOT_FOUND. */
    async get(actor: Actor, id: string) {
      const { scope, ids: only } = await visibleIds(actor);
      if (only && !only.includes(id)) throw notFound();
      const row = await repo.employee(db, id);
      if (!row) throw notFound();
      return presentEmployee(row, { withBirthDate: scope === 'all' || row.account_id === actor.accountId });
    },

    /** The signed-in person's own record. */
    async mine(actor: Actor) {
      const own = await repo.employeeOfAccount(db, actor.accountId);
      if (!own) throw new AppError('NOT_FOUND', msg('Akun Anda belum terhubung ke data pegawai. Hubungi BKPSDM untuk menautkan NIP Anda.', 'Your account is not linked to an employee record yet. Ask BKPSDM to link your NIP.'));
      return presentEmployee((await repo.employee(db, own.id))!, { withBirthDate: true });
    },

    /**
     * Checks a sheet and, with `commit`, imports it: every row or none. The report is the same
     * either way, so the dry run shows exactly what the import will do.
     */
    async importSheet(actor: Actor, data: Buffer, format: SheetFormat, commit: boolean) {
      const read = await readSheet(data, format, { maxRows: MAX_EMPLOYEE_ROWS, columns: EMPLOYEE_SHEET_COLUMNS.length, noun: { id: 'pegawai', en: 'employee' } });
      const report = (r: { ok: boolean; report: { line: number; nip: string | null; status: 'new' | 'update' | 'error'; problems: { id: string; en: string }[] }[] }, committed: boolean) => ({
        committed,
        ok: r.ok,
        counts: { new: r.report.filter((x) => x.status === 'new').length, update: r.report.filter((x) => x.status === 'update').length, error: r.report.filter((x) => x.status === 'error').length },
        report: r.report,
      });
      if (!read.ok) return report({ ok: false, report: [{ line: read.line, nip: null, status: 'error', problems: [read.problem] }] }, false);
      const header = read.records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
      const emailAt = header.indexOf('email');
      const emails = emailAt < 0 ? [] : read.records.slice(1).map((r) => (r.cells[emailAt] ?? '').trim().toLowerCase()).filter(Boolean);
      const accountIds = await deps.identity.accountIdsByEmail(emails);
      const linked = await repo.nipsOfAccounts(db, [...accountIds.values()]);
      const accounts = new Map([...accountIds].map(([email, id]) => [email, linked.get(id) ?? null]));
      const checked = validateEmployeeSheet(read.records, { organizationIds: await repo.organizationIds(db), existing: await repo.supervisorMap(db), accounts });
      if (!checked.ok || !commit) return report(checked, false);
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        await repo.upsertEmployees(trx, checked.rows.map((r) => ({ ...r, id: ids.uuid(), accountId: r.email ? (accountIds.get(r.email) ?? null) : null })), now);
        await audit.record(trx, { actor: actorOf(actor), action: 'employee.import', subjectType: 'employees', subjectId: null, after: { new: checked.report.filter((x) => x.status === 'new').length, updated: checked.report.filter((x) => x.status === 'update').length, nips: checked.rows.map((r) => r.nip) } });
      });
      return report(checked, true);
    },

    /** Every record in the sheet format the import reads (BKPSDM only; audited: it holds NIPs). */
    async exportSheet(actor: Actor, format: SheetFormat) {
      const rows = await repo.sheetRows(db);
      const emails = await deps.identity.emailsOfAccounts(rows.map((r) => r.account_id).filter((x): x is string => x !== null));
      await audit.record(db, { actor: actorOf(actor), action: 'employee.export', subjectType: 'employees', subjectId: null, after: { rows: rows.length, format } });
      return writeSheet(
        {
          name: 'Data Pegawai',
          columns: EMPLOYEE_SHEET_COLUMNS.map((name) => ({ name, width: SHEET_WIDTHS[name] })),
          rows: rows.map((r) =>
            employeeCells({ nip: r.nip, fullName: r.full_name, status: r.status, gender: r.gender, birthDate: r.birth_date, tmt: r.tmt, organizationId: r.organization_id, unit: r.unit, jabatanKind: r.jabatan_kind, jabatan: r.jabatan, jenjang: r.jenjang, golongan: r.golongan, supervisorNip: r.supervisor_nip, email: r.account_id ? (emails.get(r.account_id) ?? null) : null }),
          ),
        },
        format,
      );
    },

    /** An empty sheet with the header and one example row (a Diskominfo pranata komputer). */
    template(format: SheetFormat) {
      return writeSheet(
        {
          name: 'Data Pegawai',
          columns: EMPLOYEE_SHEET_COLUMNS.map((name) => ({ name, width: SHEET_WIDTHS[name] })),
          rows: [['199001012015031001', 'Andi Lamarauna, S.Kom.', 'PNS', '2015-03-01', 'kominfo', 'Bidang Aplikasi Informatika', 'fungsional', 'Pranata Komputer Ahli Muda', 'Ahli Muda', 'III/c', '', '']],
        },
        format,
      );
    },
  };
}

export type EmployeesService = ReturnType<typeof createEmployeesService>;
