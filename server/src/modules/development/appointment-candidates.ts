/** A period's appointees (`L` in its published final result), who still has no ASN record, and the sheet to fill in. */
import { type SheetFormat, writeSheet } from '../../platform/sheets.ts';
import { appointmentRepository as repo } from './appointment.repository.ts';
import type { DevelopmentContext } from './development.shared.ts';
import { APPOINTMENT_SHEET_COLUMNS } from './domain/appointment-sheet.ts';

export type AppointmentContext = Pick<
  DevelopmentContext,
  'db' | 'clock' | 'ids' | 'audit' | 'notifier' | 'selection'
> & {
  identity: Pick<DevelopmentContext['identity'], 'emailsOfAccounts' | 'appointEmployee' | 'forgetSessionsOf'>;
};

/** A period's appointees (`L` in its published final result) and whether each is recorded yet. */
export async function listCandidates(ctx: AppointmentContext, periodId: string) {
  const r = await ctx.selection.appointees(periodId);
  const done = await repo.employeesOfApplications(
    ctx.db,
    r.rows.map((x) => x.applicationId),
  );
  const names = await repo.organizationNames(ctx.db);
  return {
    published: r.published,
    type: r.type,
    candidates: r.rows.map((x) => ({
      applicationId: x.applicationId,
      participantNo: x.participantNo,
      fullName: x.fullName,
      formationCode: x.formationCode,
      jabatan: x.jabatan,
      organization: { id: x.organizationId, name: names.get(x.organizationId) ?? x.organizationId },
      employee: done.get(x.applicationId)
        ? { id: done.get(x.applicationId)!.id, nip: done.get(x.applicationId)!.nip }
        : null,
    })),
  };
}

/**
 * Appointees of every published final result who have no ASN record yet (NIP/NI PPPK and TMT
 * not entered): the appointment page's candidates without an employee, summed over periods.
 */
export async function waitingForRecord(ctx: AppointmentContext): Promise<{ count: number; periodId: string | null }> {
  const periods = await ctx.selection.periodsWithFinal();
  const waiting = await Promise.all(
    periods.map(async (id) => ({
      id,
      n: (await listCandidates(ctx, id)).candidates.filter((c) => c.employee === null).length,
    })),
  );
  const open = waiting.filter((w) => w.n > 0);
  return { count: open.reduce((a, w) => a + w.n, 0), periodId: open.length === 1 ? open[0]!.id : null };
}

/** The period's appointees as a sheet (NIP and TMT to fill in; recorded ones show theirs). */
export async function appointmentSheet(ctx: AppointmentContext, periodId: string, format: SheetFormat) {
  const r = await ctx.selection.appointees(periodId);
  const done = await repo.employeesOfApplications(
    ctx.db,
    r.rows.map((x) => x.applicationId),
  );
  return writeSheet(
    {
      name: 'Pengangkatan',
      columns: APPOINTMENT_SHEET_COLUMNS.map((name) => ({
        name,
        width: name === 'nama' ? 32 : name === 'nip' || name === 'nip_atasan' ? 22 : 14,
      })),
      rows: r.rows.map((x) => [
        x.participantNo,
        x.fullName,
        x.formationCode,
        done.get(x.applicationId)?.nip ?? '',
        '',
        r.type === 'PPPK' ? '' : 'III/a',
        '',
        'fungsional',
        '',
        '',
      ]),
    },
    format,
  );
}
