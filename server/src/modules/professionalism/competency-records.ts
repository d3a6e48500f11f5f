/**
 * Competency history per ASN (issue 26 §1): courses from before or outside Merit, classified as
 * kepemimpinan (with level), fungsional (whether it is the JF's course), teknis (with JP) or
 * seminar; BKPSDM adds, edits and deletes them one by one. Merit's own completions and approved
 * JP claims are read from development, never copied here. Every change is audited.
 */
import type { z } from 'zod';
import type { CompetencyBody } from '../../../../common/contracts/records.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { recordsRepository as repo } from './education.repository.ts';
import { actorOf, invalid, isBkpsdm, personOf, type RecordsContext, todayOf } from './education.shared.ts';

type Body = z.infer<typeof CompetencyBody>;

/** The columns of a body; the rules of CompetencyBody have already held (kind ⇔ level, teknis ⇒ JP). */
function columnsOf(ctx: RecordsContext, body: Body) {
  const { day } = todayOf(ctx);
  for (const [field, date] of [
    ['completedOn', body.completedOn],
    ['startedOn', body.startedOn],
  ] as const)
    if (date && date > day)
      throw invalid(
        field,
        msg(
          `Tanggal ${date} belum terjadi (hari ini ${day}). Riwayat hanya memuat yang sudah selesai.`,
          `Date ${date} is in the future (today is ${day}). The history holds only what has happened.`,
        ),
      );
  return {
    kind: body.kind,
    leadership_level: body.kind === 'kepemimpinan' ? body.leadershipLevel : null,
    matches_jabatan: body.kind === 'fungsional' ? body.matchesJabatan : null,
    title: body.title,
    organizer: body.organizer,
    started_on: body.startedOn,
    completed_on: body.completedOn,
    jp: body.jp,
  };
}

/** Adds one course to a person's competency history. */
export async function addCompetency(ctx: RecordsContext, actor: Actor, employeeId: string, body: Body) {
  if (!isBkpsdm(actor)) throw notFound();
  const person = await personOf(ctx, employeeId);
  const columns = columnsOf(ctx, body);
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCompetency(trx, [
      {
        id,
        employee_id: person.id,
        ...columns,
        source: 'bkpsdm',
        recorded_by: actor.accountId,
        created_at: ctx.clock.now(),
      },
    ]);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'competency.add',
      subjectType: 'competency_record',
      subjectId: id,
      after: { employeeId: person.id, ...body },
    });
  });
  return { id };
}

/** Edits one course of a competency history. */
export async function editCompetency(ctx: RecordsContext, actor: Actor, id: string, body: Body) {
  if (!isBkpsdm(actor)) throw notFound();
  const columns = columnsOf(ctx, body);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.competencyRecord(trx, id);
    if (!before) throw notFound();
    await repo.updateCompetency(trx, id, columns);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'competency.edit',
      subjectType: 'competency_record',
      subjectId: id,
      before: { ...before, created_at: undefined },
      after: body,
    });
  });
  return { ok: true as const };
}

/** Deletes one course of a competency history. */
export async function deleteCompetency(ctx: RecordsContext, actor: Actor, id: string) {
  if (!isBkpsdm(actor)) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.competencyRecord(trx, id);
    if (!before) throw notFound();
    await repo.deleteCompetency(trx, id);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'competency.delete',
      subjectType: 'competency_record',
      subjectId: id,
      before: { ...before, created_at: undefined },
    });
  });
  return { ok: true as const };
}
