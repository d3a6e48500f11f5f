/** CPNS probation (RULES.md §3.1): one year from TMT with Latsar to pass, riskiest first, with reminders to the CPNS and their supervisor. */
import { localDate } from '../../../../common/rules/calendar.ts';
import type { Actor } from '../identity/index.ts';
import type { AppointmentContext } from './appointment-candidates.ts';
import { appointmentRepository as repo } from './appointment.repository.ts';
import { developmentRepository as people } from './development.repository.ts';
import { presentProbation } from './development.presenter.ts';
import { actorOf, reach, tell } from './development.shared.ts';
import { type LatsarState, probation } from './domain/appointment.ts';

const RISK_ORDER = { overdue: 0, failed: 1, at_risk: 2, on_track: 3, passed: 4 } as const;

/** Probation rows of these employees (null = every CPNS), with account ids kept for the reminders. */
async function probations(ctx: AppointmentContext, only: string[] | null) {
  const today = localDate(ctx.clock.now());
  return (await repo.cpns(ctx.db, only))
    .map((r) => {
      const [status, batchName, programTitle, batchId] = r.latsar ? r.latsar.split('|') : [];
      const p = probation(r.tmt, today, (status as LatsarState) ?? null);
      return {
        employee: {
          id: r.id,
          nip: r.nip,
          fullName: r.full_name,
          organization: { id: r.organization_id, name: r.organization_name },
        },
        tmt: r.tmt,
        deadline: p.deadline,
        daysLeft: p.daysLeft,
        state: p.state,
        reason: p.reason,
        latsar: status ? { status, batchId: batchId!, batchName: batchName!, programTitle: programTitle! } : null,
        accountId: r.account_id,
        supervisor: r.supervisor_account_id
          ? { accountId: r.supervisor_account_id, fullName: r.supervisor_name! }
          : null,
      };
    })
    .sort((a, b) => RISK_ORDER[a.state] - RISK_ORDER[b.state] || a.daysLeft - b.daysLeft);
}

/** CPNS probation: BKPSDM every CPNS, a supervisor their unit's; riskiest first. */
export async function listProbations(ctx: AppointmentContext, actor: Actor) {
  const rows = await probations(ctx, await reach(ctx, actor));
  return {
    atRisk: rows.filter((r) => r.state === 'at_risk' || r.state === 'overdue' || r.state === 'failed').length,
    rows: rows.map(presentProbation),
  };
}

/** The signed-in CPNS's own probation (null for anyone else). */
export async function myProbation(ctx: AppointmentContext, actor: Actor) {
  const own = await people.employeeOfAccount(ctx.db, actor.accountId);
  if (!own) return { probation: null };
  const [row] = await probations(ctx, [own.id]);
  return { probation: row ? presentProbation(row) : null };
}

/** Reminds each CPNS whose probation is at risk (and their supervisor) in the app and by e-mail; audited. */
export async function remindProbations(ctx: AppointmentContext, actor: Actor) {
  const risky = (await probations(ctx, null)).filter((r) => r.state === 'at_risk' || r.state === 'overdue');
  if (risky.length === 0) return { reminded: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const r of risky) {
      const text = `${r.employee.fullName} (NIP ${r.employee.nip}): masa percobaan berakhir ${r.deadline}. ${r.reason.id}`;
      await tell(ctx, trx, r.accountId, r.employee.fullName, 'Masa percobaan CPNS berisiko', text, '/pelatihan/saya');
      if (r.supervisor)
        await tell(
          ctx,
          trx,
          r.supervisor.accountId,
          r.supervisor.fullName,
          `Masa percobaan ${r.employee.fullName} berisiko`,
          text,
          '/pegawai/masa-percobaan',
        );
    }
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'probation.remind',
      subjectType: 'employees',
      subjectId: null,
      after: { employees: risky.map((r) => r.employee.nip) },
    });
  });
  return { reminded: risky.length };
}
