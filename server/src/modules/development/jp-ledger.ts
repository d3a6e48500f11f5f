/** The 20 JP a year (RULES.md §3.3): the report per OPD, its sheet, reminders to who is short, and an employee's own trainings and JP. */
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { writeSheet } from '../../platform/sheets.ts';
import type { Actor } from '../identity/index.ts';
import { developmentRepository as people, trainingRepository as repo } from './development.repository.ts';
import { actorOf, notLinked, reach, tell } from './development.shared.ts';
import { compliance, complianceByOrganization, jpOfMinutes } from './domain/training.ts';
import type { TrainingContext } from './training-catalog.ts';

/** Each employee's JP for a year against the 20 JP right, per OPD, and who is short by how much. */
export async function jpReport(ctx: TrainingContext, actor: Actor, year: number, organizationId?: string) {
  const only = await reach(ctx, actor);
  const rows = (await repo.jpTotals(ctx.db, year, only, organizationId)).map((r) => ({
    employeeId: r.id,
    nip: r.nip,
    fullName: r.full_name,
    organization: { id: r.organization_id, name: r.organization_name },
    unit: r.unit,
    ...compliance(Number(r.jp)),
  }));
  const names = new Map(rows.map((r) => [r.organization.id, r.organization.name]));
  return {
    year,
    required: rows[0]?.required ?? 20,
    employees: rows.length,
    met: rows.filter((r) => r.met).length,
    byOrganization: complianceByOrganization(rows.map((r) => ({ organizationId: r.organization.id, jp: r.jp }))).map(
      (o) => ({ ...o, name: names.get(o.organizationId) ?? o.organizationId }),
    ),
    short: rows.filter((r) => !r.met).sort((a, b) => b.short - a.short || a.fullName.localeCompare(b.fullName)),
  };
}

/** Every employee's JP for the year as XLSX, for the annual competency development plan; audited. */
export async function jpSheet(ctx: TrainingContext, actor: Actor, year: number) {
  const only = await reach(ctx, actor);
  const rows = await repo.jpTotals(ctx.db, year, only);
  await ctx.audit.record(ctx.db, {
    actor: actorOf(actor),
    action: 'training.jp.export',
    subjectType: 'jp_ledger',
    subjectId: null,
    after: { year, rows: rows.length },
  });
  return writeSheet(
    {
      name: `JP ${year}`,
      columns: [
        { name: 'nip', width: 22 },
        { name: 'nama', width: 32 },
        { name: 'perangkat_daerah', width: 40 },
        { name: 'unit', width: 28 },
        { name: 'jp', width: 8 },
        { name: 'wajib', width: 8 },
        { name: 'kurang', width: 8 },
        { name: 'memenuhi', width: 10 },
      ],
      rows: rows
        .map((r) => ({ r, c: compliance(Number(r.jp)) }))
        .sort(
          (a, b) =>
            a.r.organization_name.localeCompare(b.r.organization_name) ||
            b.c.short - a.c.short ||
            a.r.full_name.localeCompare(b.r.full_name),
        )
        .map(({ r, c }) => [
          r.nip,
          r.full_name,
          r.organization_name,
          r.unit,
          c.jp,
          c.required,
          c.short,
          c.met ? 'ya' : 'tidak',
        ]),
    },
    'xlsx',
  );
}

/** Reminds every employee (with a Merit account) still short of the year's 20 JP, by how much; audited. */
export async function remindShort(ctx: TrainingContext, actor: Actor, year: number) {
  const short = (await repo.jpTotals(ctx.db, year, null))
    .map((r) => ({ r, c: compliance(Number(r.jp)) }))
    .filter((x) => !x.c.met && x.r.account_id);
  await ctx.db.transaction().execute(async (trx) => {
    for (const { r, c } of short)
      await tell(
        ctx,
        trx,
        r.account_id,
        r.full_name,
        `Hak 20 JP ${year}: kurang ${c.short} JP`,
        `Catatan Anda ${c.jp} dari ${c.required} JP pada ${year}. Bicarakan pelatihan yang sesuai dengan atasan Anda atau laporkan kegiatan pengembangan lain di Pelatihan saya.`,
      );
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.jp.remind',
      subjectType: 'jp_ledger',
      subjectId: null,
      after: { year, employees: short.map((x) => x.r.nip) },
    });
  });
  return { reminded: short.length };
}

/** The signed-in employee's trainings and JP for the year. */
export async function myTraining(ctx: TrainingContext, actor: Actor, year: number) {
  const own = await people.employeeOfAccount(ctx.db, actor.accountId);
  if (!own) throw notLinked();
  const [enrollments, ledger, claims] = await Promise.all([
    repo.enrollmentsOfEmployee(ctx.db, own.id),
    repo.ledgerOf(ctx.db, own.id),
    repo.claims(ctx.db, [own.id], null),
  ]);
  const jp = ledger.filter((l) => l.year === year).reduce((a, l) => a + l.jp, 0);
  return {
    year,
    compliance: compliance(jp),
    enrollments: enrollments.map((e) => ({
      id: e.id,
      status: e.status,
      batchId: e.batch_id,
      batchName: e.batch_name,
      title: e.title,
      kind: e.kind,
      jp: e.jp,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      venue: e.venue,
      dates: `${formatCalendarDate(e.starts_on)} – ${formatCalendarDate(e.ends_on)}`,
    })),
    ledger: ledger.map((l) => ({
      id: l.id,
      year: l.year,
      jp: l.jp,
      source: l.source,
      title: l.title,
      recordedAt: new Date(l.recorded_at).toISOString(),
    })),
    claims: claims.map((c) => ({
      id: c.id,
      kind: c.kind,
      title: c.title,
      organizer: c.organizer,
      heldOn: c.held_on,
      jp: jpOfMinutes(c.minutes),
      status: c.status,
      decisionNote: c.decision_note,
    })),
  };
}
