/** The training catalogue: partner institutions, programmes with their completion rule, batches and their dates, one batch with its participants. */
import type { z } from 'zod';
import type {
  BatchBody,
  BatchScheduleBody,
  PartnerBody,
  ProgramBody,
} from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { completionRepository as completion } from './completion.repository.ts';
import { trainingRepository as repo } from './development.repository.ts';
import { actorOf, conflict, type DevelopmentContext, reach } from './development.shared.ts';
import { attendancePercent, batchGain, completionProblems, testGain } from './domain/completion.ts';
import { batchStatus, type Eligibility } from './domain/training.ts';

export type TrainingContext = Pick<DevelopmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'steps' | 'notifier'> & {
  identity: Pick<DevelopmentContext['identity'], 'emailsOfAccounts'>;
};

/** A batch row → contract, its status for today (a batch past its end date is finished). */
export const presentBatch = (b: Awaited<ReturnType<typeof repo.batches>>[number], today: string) => ({
  id: b.id,
  programId: b.program_id,
  programTitle: b.program_title,
  jp: b.jp,
  name: b.name,
  startsOn: b.starts_on,
  endsOn: b.ends_on,
  venue: b.venue,
  facilitators: b.facilitators,
  capacity: b.capacity,
  status: batchStatus(b.status, b.ends_on, today),
  seated: Number(b.seated ?? 0),
  waiting: Number(b.waiting ?? 0),
});
/** A programme row → contract, with its completion rule. */
export const presentProgram = (p: NonNullable<Awaited<ReturnType<typeof repo.program>>>) => ({
  id: p.id,
  code: p.code,
  title: p.title,
  kind: p.kind,
  competencyArea: p.competency_area,
  jp: p.jp,
  modality: p.modality,
  partner: p.partner_id ? { id: p.partner_id, name: p.partner_name ?? p.partner_id } : null,
  eligibility: p.eligibility as Eligibility,
  costRupiah: p.cost_rupiah,
  description: p.description,
  completion: {
    minAttendancePct: p.min_attendance_pct,
    postTestPass: p.post_test_pass,
    assignmentRequired: p.assignment_required,
  },
});

/** The partner institutions that run trainings. */
export async function listPartners(ctx: TrainingContext) {
  return (await repo.partners(ctx.db)).map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
}

/** Adds a partner institution; its code is unique. */
export async function createPartner(ctx: TrainingContext, actor: Actor, body: z.infer<typeof PartnerBody>) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.insertPartner(trx, body)))
      throw conflict(`Kode mitra "${body.id}" sudah dipakai.`, `Partner code "${body.id}" is taken.`);
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.partner.create',
      subjectType: 'training_partner',
      subjectId: body.id,
      after: body,
    });
  });
  return { id: body.id };
}

/** The programme catalogue, each with its batches. */
export async function listPrograms(ctx: TrainingContext) {
  const [programs, batches] = await Promise.all([repo.programs(ctx.db), repo.batches(ctx.db)]);
  const today = localDate(ctx.clock.now());
  return programs.map((p) => ({
    ...presentProgram(p),
    batches: batches.filter((b) => b.program_id === p.id).map((b) => presentBatch(b, today)),
  }));
}

/** Adds a programme; its code is unique and its partner, if any, known. */
export async function createProgram(ctx: TrainingContext, actor: Actor, body: z.infer<typeof ProgramBody>) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    if (await repo.programByCode(trx, body.code))
      throw new AppError(
        'VALIDATION_FAILED',
        msg(`Kode program "${body.code}" sudah dipakai.`, `Programme code "${body.code}" is taken.`),
        { fields: [{ field: 'code', message: msg('Kode sudah dipakai.', 'Code taken.') }] },
      );
    if (body.partnerId && !(await repo.partner(trx, body.partnerId)))
      throw new AppError('VALIDATION_FAILED', msg('Mitra pelaksana tidak dikenal.', 'Unknown partner.'), {
        fields: [{ field: 'partnerId', message: msg('Pilih mitra dari daftar.', 'Choose a partner from the list.') }],
      });
    await repo.insertProgram(trx, {
      id,
      code: body.code,
      title: body.title,
      kind: body.kind,
      competency_area: body.competencyArea,
      jp: body.jp,
      modality: body.modality,
      partner_id: body.partnerId,
      eligibility: JSON.stringify(body.eligibility),
      cost_rupiah: body.costRupiah,
      description: body.description,
      created_by: actor.accountId,
      min_attendance_pct: body.completion.minAttendancePct,
      post_test_pass: body.completion.postTestPass,
      assignment_required: body.completion.assignmentRequired,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.program.create',
      subjectType: 'training_program',
      subjectId: id,
      after: body,
    });
  });
  return { id };
}

/** Adds a batch (angkatan) to a programme; its name is unique within the programme. */
export async function createBatch(
  ctx: TrainingContext,
  actor: Actor,
  programId: string,
  body: z.infer<typeof BatchBody>,
) {
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.program(trx, programId))) throw notFound();
    if (await repo.batchExists(trx, programId, body.name))
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          `Angkatan "${body.name}" sudah ada di program ini.`,
          `Batch "${body.name}" already exists in this programme.`,
        ),
        { fields: [{ field: 'name', message: msg('Nama angkatan sudah dipakai.', 'Batch name taken.') }] },
      );
    await repo.insertBatch(trx, {
      id,
      program_id: programId,
      name: body.name,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      venue: body.venue,
      facilitators: body.facilitators,
      capacity: body.capacity,
      status: 'open',
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.batch.create',
      subjectType: 'training_batch',
      subjectId: id,
      after: { programId, ...body },
    });
  });
  return { id };
}

/**
 * Moves a batch's dates (its schedule changed); every meeting must start inside them. Audited
 * with the reason; the batch's status, completion and certificates follow the new end date.
 */
export async function rescheduleBatch(
  ctx: TrainingContext,
  actor: Actor,
  batchId: string,
  body: z.infer<typeof BatchScheduleBody>,
) {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockBatch(trx, batchId))) throw notFound();
    const before = (await repo.batches(trx)).find((b) => b.id === batchId)!;
    // A meeting belongs to the day it starts (an evening session may run past midnight).
    const outside = (await completion.meetings(trx, batchId)).find(
      (m) => localDate(new Date(m.starts_at)) < body.startsOn || localDate(new Date(m.starts_at)) > body.endsOn,
    );
    if (outside) {
      const day = localDate(new Date(outside.starts_at));
      const why = msg(
        `Pertemuan ke-${outside.seq} (${formatCalendarDate(day)}) berada di luar tanggal baru; pilih tanggal yang mencakup semua pertemuan.`,
        `Meeting ${outside.seq} (${formatCalendarDate(day, 'en')}) falls outside the new dates; choose dates that cover every meeting.`,
      );
      throw new AppError('VALIDATION_FAILED', why, {
        fields: [{ field: day < body.startsOn ? 'startsOn' : 'endsOn', message: why }],
      });
    }
    await repo.setBatchDates(trx, batchId, { starts_on: body.startsOn, ends_on: body.endsOn });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.batch.reschedule',
      subjectType: 'training_batch',
      subjectId: batchId,
      before: { startsOn: before.starts_on, endsOn: before.ends_on },
      after: body,
    });
  });
}

/** A batch with its programme and participants; a supervisor sees only their unit's people in it. */
export async function getBatch(ctx: TrainingContext, actor: Actor, batchId: string) {
  const { db } = ctx;
  const b = (await repo.batches(db)).find((x) => x.id === batchId);
  if (!b) throw notFound();
  const only = await reach(ctx, actor);
  const list = (await repo.enrollments(db, batchId)).filter((e) => !only || only.includes(e.employee_id));
  const program = (await repo.program(db, b.program_id))!;
  const [facts, meetings] = await Promise.all([completion.facts(db, batchId), completion.meetingCount(db, batchId)]);
  const rule = {
    minAttendancePct: program.min_attendance_pct,
    postTestPass: program.post_test_pass,
    assignmentRequired: program.assignment_required,
  };
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const progressOf = (id: string) => {
    const f = factOf.get(id)!;
    const attended = Number(f.attended ?? 0);
    return {
      attended,
      attendancePct: attendancePercent(attended, meetings),
      preTest: f.pre_test_score,
      postTest: f.post_test_score,
      gain: testGain(f.pre_test_score, f.post_test_score),
      assignmentDone: f.assignment_done,
      problems: completionProblems(rule, {
        attended,
        meetings,
        postTestScore: f.post_test_score,
        assignmentDone: f.assignment_done,
      }),
    };
  };
  const seated = list.filter(
    (e) => e.status === 'enrolled' || e.status === 'completed' || e.status === 'not_completed',
  );
  return {
    batch: presentBatch(b, localDate(ctx.clock.now())),
    program: presentProgram(program),
    meetings,
    gain: batchGain(
      seated.map((e) => ({ pre: factOf.get(e.id)!.pre_test_score, post: factOf.get(e.id)!.post_test_score })),
    ),
    enrollments: list.map((e) => ({
      id: e.id,
      employeeId: e.employee_id,
      nip: e.nip,
      fullName: e.full_name,
      organization: { id: e.organization_id, name: e.organization_name },
      status: e.status,
      source: e.source,
      requestedAt: new Date(e.requested_at).toISOString(),
      progress: progressOf(e.id),
    })),
  };
}
