/**
 * Reading hukuman disiplin records: BKPSDM's list and per-employee history, one record, the
 * person's own records and SK. Only BKPSDM and the person themself ever get here (the endpoint
 * access list, then the ownership check below); every read is audited, naming whose record it was.
 */
import type { z } from 'zod';
import type { DisciplineListQuery } from '../../../../common/contracts/discipline.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import { employeeCards } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { objectionRoute, PUNISHMENTS, PUNISHMENT_KINDS, suggestedForAbsence, termEnd } from './domain/discipline.ts';
import { disciplineRepository as repo } from './discipline.repository.ts';
import { auditActor, cardsById, type DisciplineContext, viewOf, viewsOf } from './discipline.shared.ts';

const isBkpsdm = (a: Actor) => a.role === 'admin' || a.role === 'training_admin';

/** The records BKPSDM filters by OPD and running-or-not (audited: the employees whose records were shown). */
export async function listRecords(ctx: DisciplineContext, actor: Actor, q: z.infer<typeof DisciplineListQuery>) {
  const ids = q.organizationId
    ? (await employeeCards(ctx.db, { organizationId: q.organizationId })).map((c) => c.id)
    : null;
  let records = await viewsOf(ctx, ctx.db, await repo.ofEmployees(ctx.db, ids));
  if (q.active !== 'all') records = records.filter((r) => r.active === (q.active === 'active'));
  await ctx.audit.record(ctx.db, {
    actor: auditActor(actor),
    action: 'discipline.list',
    subjectType: 'discipline_records',
    subjectId: null,
    after: { filter: q, employeeIds: [...new Set(records.map((r) => r.employee.id))], records: records.length },
  });
  return { records };
}

/** One record (BKPSDM; audited). */
export async function getRecord(ctx: DisciplineContext, actor: Actor, id: string) {
  const row = await repo.record(ctx.db, id);
  if (!row) throw notFound();
  const card = (await cardsById(ctx.db, [row.employee_id])).get(row.employee_id);
  if (!card) throw notFound();
  await ctx.audit.record(ctx.db, {
    actor: auditActor(actor),
    action: 'discipline.read',
    subjectType: 'discipline_record',
    subjectId: id,
    after: { employeeId: row.employee_id },
  });
  return viewOf(ctx, row, card);
}

/** One employee's whole history, for the panel on their record (BKPSDM; audited). */
export async function recordsOfEmployee(ctx: DisciplineContext, actor: Actor, employeeId: string) {
  const card = (await cardsById(ctx.db, [employeeId])).get(employeeId);
  if (!card) throw notFound();
  const records = await viewsOf(ctx, ctx.db, await repo.ofEmployees(ctx.db, [employeeId]));
  await ctx.audit.record(ctx.db, {
    actor: auditActor(actor),
    action: 'discipline.read_employee',
    subjectType: 'employee_discipline',
    subjectId: employeeId,
    after: { records: records.length },
  });
  return {
    employee: {
      id: card.id,
      nip: card.nip,
      fullName: card.full_name,
      organization: { id: card.organization_id, name: card.organization_name },
    },
    records,
  };
}

/** The signed-in employee's own records, running or not, with term and objection (audited as themself). */
export async function myRecords(ctx: DisciplineContext, actor: Actor) {
  const [card] = await employeeCards(ctx.db, { accountId: actor.accountId });
  if (!card) return { employee: null, records: [] };
  const rows = await repo.ofEmployees(ctx.db, [card.id]);
  await ctx.audit.record(ctx.db, {
    actor: auditActor(actor),
    action: 'discipline.read_own',
    subjectType: 'employee_discipline',
    subjectId: card.id,
    after: { records: rows.length },
  });
  return {
    employee: {
      id: card.id,
      nip: card.nip,
      fullName: card.full_name,
      organization: { id: card.organization_id, name: card.organization_name },
    },
    records: rows.map((r) => viewOf(ctx, r, card)),
  };
}

/** The SK PDF, for BKPSDM or the person it punishes; anyone else is told it does not exist (audited). */
export async function skFile(ctx: DisciplineContext, actor: Actor, id: string) {
  const row = await repo.record(ctx.db, id);
  if (!row || !row.sk_file_key) throw notFound();
  if (!isBkpsdm(actor)) {
    const [own] = await employeeCards(ctx.db, { accountId: actor.accountId });
    if (!own || own.id !== row.employee_id) throw notFound();
  }
  await ctx.audit.record(ctx.db, {
    actor: auditActor(actor),
    action: 'discipline.sk.download',
    subjectType: 'discipline_record',
    subjectId: id,
    after: { employeeId: row.employee_id },
  });
  return {
    data: await ctx.files.get(row.sk_file_key),
    mime: 'application/pdf',
    name: `sk-hukuman-disiplin-${row.id.slice(0, 8)}.pdf`,
  };
}

/** The PP 94/2021 kinds with level, term and objection route; with `start`, each term's proposed end. */
export function kinds(_ctx: unknown, start?: string) {
  return {
    kinds: PUNISHMENT_KINDS.map((kind) => ({
      kind,
      name: PUNISHMENTS[kind].name,
      level: PUNISHMENTS[kind].level,
      months: PUNISHMENTS[kind].months,
      route: objectionRoute(kind),
      proposedEnd: start ? termEnd(kind, start) : null,
    })),
  };
}

/**
 * The punishment Pasal 11 points to for a year's absence without valid reason — a suggestion only:
 * the decision stays with the official after an examination.
 */
export function absenceSuggestion(_ctx: unknown, year: number, cumulativeDays: number, longestRun: number) {
  const kind = suggestedForAbsence(cumulativeDays, longestRun);
  return {
    year,
    suggested: kind ? { kind, name: PUNISHMENTS[kind].name, level: PUNISHMENTS[kind].level } : null,
    note: msg(
      'Ini hanya usulan menurut Pasal 11 PP 94/2021; keputusan tetap pada pejabat yang berwenang setelah pemeriksaan.',
      'This is only a suggestion under Article 11 of PP 94/2021; the decision stays with the authorised official after an examination.',
    ),
  };
}
