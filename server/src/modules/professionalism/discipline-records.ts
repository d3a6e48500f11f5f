/**
 * BKPSDM's changes to hukuman disiplin records: record one, correct it, record the objection and
 * its outcome, attach the SK as PDF. Each refuses bad input with a message per field and saves
 * nothing; each change is audited in its own transaction.
 */
import type { z } from 'zod';
import type { DisciplineBody, DisciplineEditBody, ObjectionBody } from '../../../../common/contracts/discipline.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { notFound } from '../../errors.ts';
import { putRecorded } from '../../platform/file-store.ts';
import { checkUpload } from '../../platform/upload-check.ts';
import { employeeCards } from '../development/index.ts';
import type { Actor } from '../identity/index.ts';
import { PUNISHMENTS, type PunishmentKind, termEnd } from './domain/discipline.ts';
import { recordProblems } from './domain/discipline-checks.ts';
import { disciplineRepository as repo } from './discipline.repository.ts';
import {
  auditActor,
  cardsById,
  type DisciplineContext,
  factsOf,
  invalidFields,
  SK_RULE,
  viewOf,
} from './discipline.shared.ts';

type Edit = z.infer<typeof DisciplineEditBody>;

/** The body's fields as stored; an end left out takes the kind's term (termEnd). */
const columnsOf = (b: Edit) => ({
  kind: b.kind,
  level: PUNISHMENTS[b.kind as PunishmentKind].level,
  reason: b.reason,
  sk_number: b.skNumber,
  sk_date: b.skDate,
  imposed_by: b.imposedBy,
  start_on: b.start,
  end_on: b.end === undefined ? termEnd(b.kind, b.start) : b.end,
});

/** Refuses the body when it breaks a rule against the person's other punishments. */
async function check(
  ctx: DisciplineContext,
  employeeId: string,
  id: string | undefined,
  cols: ReturnType<typeof columnsOf>,
) {
  const others = (await repo.ofEmployees(ctx.db, [employeeId])).map(factsOf);
  const problems = recordProblems(
    {
      ...(id ? { id } : {}),
      kind: cols.kind,
      skNumber: cols.sk_number,
      skDate: cols.sk_date,
      start: cols.start_on,
      end: cols.end_on,
    },
    others,
  );
  if (problems.length > 0) throw invalidFields(problems);
}

/** Records a punishment for an employee in the city's register (BKPSDM; audited). */
export async function createRecord(ctx: DisciplineContext, actor: Actor, body: z.infer<typeof DisciplineBody>) {
  const [card] = await employeeCards(ctx.db, { nips: [body.nip] });
  if (!card)
    throw invalidFields([
      {
        field: 'nip',
        message: msg(
          `NIP ${body.nip} tidak ada dalam data pegawai Kota Palu. Hukuman disiplin hanya dapat dicatat untuk pegawai yang terdaftar; periksa NIP atau tambahkan pegawainya lebih dulu di Data Pegawai.`,
          `NIP ${body.nip} is not in the city's employee records. A punishment can only be recorded for a registered employee; check the NIP or add the employee under Employee records first.`,
        ),
      },
    ]);
  const cols = columnsOf(body);
  await check(ctx, card.id, undefined, cols);
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insert(trx, [{ id, employee_id: card.id, ...cols, recorded_by: actor.accountId }]);
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'discipline.create',
      subjectType: 'discipline_record',
      subjectId: id,
      after: { employeeId: card.id, ...cols },
    });
  });
  return { id };
}

/** Corrects a record's punishment, SK or term (BKPSDM; audited with before and after). */
export async function updateRecord(ctx: DisciplineContext, actor: Actor, id: string, body: Edit) {
  const before = await repo.record(ctx.db, id);
  if (!before) throw notFound();
  const cols = columnsOf(body);
  await check(ctx, before.employee_id, id, cols);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.update(trx, id, { ...cols, updated_at: ctx.clock.now() });
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'discipline.update',
      subjectType: 'discipline_record',
      subjectId: id,
      before,
      after: cols,
    });
  });
  return reread(ctx, id);
}

async function reread(ctx: DisciplineContext, id: string) {
  const row = (await repo.record(ctx.db, id))!;
  const card = (await cardsById(ctx.db, [row.employee_id])).get(row.employee_id)!;
  return viewOf(ctx, row, card);
}

/** The dates an objection's status needs, in order: filed not before the SK, decided not before filed. */
function objectionProblems(o: z.infer<typeof ObjectionBody>, skDate: string) {
  const out: { field: string; message: ReturnType<typeof msg> }[] = [];
  if (o.status === 'none') return out;
  if (!o.filedOn)
    out.push({ field: 'filedOn', message: msg('Isi tanggal pengajuan keberatan/banding.', 'Enter the filing date.') });
  else if (o.filedOn < skDate)
    out.push({
      field: 'filedOn',
      message: msg(
        'Keberatan/banding tidak dapat diajukan sebelum tanggal SK.',
        'An objection cannot be filed before the SK date.',
      ),
    });
  if (o.status !== 'filed' && !o.decidedOn)
    out.push({
      field: 'decidedOn',
      message: msg('Isi tanggal keputusan atas keberatan/banding.', 'Enter the decision date.'),
    });
  if (o.status !== 'filed' && o.decidedOn && o.filedOn && o.decidedOn < o.filedOn)
    out.push({
      field: 'decidedOn',
      message: msg(
        'Tanggal keputusan tidak boleh sebelum tanggal pengajuan.',
        'The decision cannot precede the filing.',
      ),
    });
  return out;
}

/**
 * Records the upaya administratif (keberatan or banding, PP 79/2021) and its outcome. 'cancelled'
 * marks the SK cancelled so it no longer counts (IP ASN, talent filters); any other status lifts it.
 */
export async function recordObjection(
  ctx: DisciplineContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof ObjectionBody>,
) {
  const before = await repo.record(ctx.db, id);
  if (!before) throw notFound();
  const problems = objectionProblems(body, before.sk_date);
  if (problems.length > 0) throw invalidFields(problems);
  const none = body.status === 'none';
  const values = {
    objection_status: body.status,
    objection_filed_on: none ? null : body.filedOn,
    objection_decided_on: none || body.status === 'filed' ? null : body.decidedOn,
    objection_note: none ? null : body.note || null,
    cancelled: body.status === 'cancelled',
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.update(trx, id, { ...values, updated_at: ctx.clock.now() });
    await ctx.audit.record(trx, {
      actor: auditActor(actor),
      action: 'discipline.objection',
      subjectType: 'discipline_record',
      subjectId: id,
      before,
      after: values,
    });
  });
  return reread(ctx, id);
}

/** Attaches (or replaces) the SK as a PDF checked by its bytes; the replaced file is removed. */
export async function uploadSk(ctx: DisciplineContext, actor: Actor, id: string, data: Buffer, size?: number) {
  const before = await repo.record(ctx.db, id);
  if (!before) throw notFound();
  const check = await checkUpload(data, SK_RULE, { label: 'SK hukuman disiplin', ...(size ? { size } : {}) });
  if (!check.ok) throw invalidFields([{ field: 'file', message: check.message }]);
  await putRecorded(ctx.files, check.data, { contentType: check.mime }, (stored) =>
    ctx.db.transaction().execute(async (trx) => {
      await repo.update(trx, id, { sk_file_key: stored.key, updated_at: ctx.clock.now() });
      await ctx.audit.record(trx, {
        actor: auditActor(actor),
        action: 'discipline.sk.upload',
        subjectType: 'discipline_record',
        subjectId: id,
        after: { size: check.size, sha256: stored.sha256 },
      });
    }),
  );
  if (before.sk_file_key) await ctx.files.delete(before.sk_file_key).catch(() => {});
  return reread(ctx, id);
}
