/** Enrolment in a batch: a seat or the waitlist, a cancellation that moves the waitlist up, and finishing (JP to the ledger). */
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { formatCalendarDate } from '../../../../common/rules/wita.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { completionRepository as completion } from './completion.repository.ts';
import { trainingRepository as repo } from './development.repository.ts';
import { actorOf, conflict, reach, tell } from './development.shared.ts';
import { scopeOf } from './development.policy.ts';
import { batchNotOverProblems, completionProblems, completionYear } from './domain/completion.ts';
import {
  batchStatus,
  type Eligibility,
  eligibilityProblems,
  enrollmentMachine,
  placement,
  promotions,
} from './domain/training.ts';
import type { TrainingContext } from './training-catalog.ts';

/**
 * Enrols an employee: BKPSDM anyone, a supervisor someone of their unit (a nomination). A seat
 * when one is free, else the waitlist; eligibility and a batch still open are required.
 */
export async function enroll(ctx: TrainingContext, actor: Actor, batchId: string, employeeId: string) {
  const only = await reach(ctx, actor);
  if (only && !only.includes(employeeId)) throw notFound();
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await repo.lockBatch(trx, batchId);
    if (!batch) throw notFound();
    const status = batchStatus(batch.status, batch.ends_on, localDate(ctx.clock.now()));
    if (status === 'finished')
      throw conflict(
        `Angkatan ini sudah selesai (berakhir ${formatCalendarDate(batch.ends_on)}); daftarkan di angkatan yang masih berjalan atau yang akan datang.`,
        `This batch has finished (it ended on ${formatCalendarDate(batch.ends_on, 'en')}); enrol in a running or coming batch.`,
      );
    if (status !== 'open')
      throw conflict('Pendaftaran angkatan ini sudah ditutup.', 'Enrolment for this batch is closed.');
    const employee = await repo.employeeForEnrollment(trx, employeeId);
    if (!employee) throw notFound();
    const problems = eligibilityProblems(batch.eligibility as Eligibility, {
      status: employee.status,
      jabatanKind: employee.jabatan_kind,
      organizationId: employee.organization_id,
    });
    if (problems.length > 0)
      throw new AppError('VALIDATION_FAILED', problems[0]!, {
        fields: problems.map((p) => ({ field: 'employeeId', message: p })),
      });
    const existing = await repo.enrollmentOf(trx, batchId, employeeId);
    if (existing && existing.status !== 'cancelled')
      throw conflict(
        `${employee.full_name} sudah terdaftar di angkatan ini.`,
        `${employee.full_name} is already enrolled in this batch.`,
      );
    if (existing)
      throw conflict(
        `Pendaftaran ${employee.full_name} di angkatan ini pernah dibatalkan; daftarkan di angkatan lain.`,
        `${employee.full_name}'s enrolment in this batch was cancelled; enrol them in another batch.`,
      );
    const seat = placement(batch.capacity, await repo.seatedCount(trx, batchId));
    const id = ctx.ids.uuid();
    const now = ctx.clock.now();
    await repo.insertEnrollment(trx, {
      id,
      batch_id: batchId,
      employee_id: employeeId,
      status: seat,
      source: scopeOf(actor) === 'all' ? 'bkpsdm' : 'nomination',
      requested_at: now,
      requested_by: actor.accountId,
      updated_at: now,
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'training.enroll',
      subjectType: 'enrollment',
      subjectId: id,
      after: { batchId, employeeId, status: seat },
    });
    await tell(
      ctx,
      trx,
      employee.account_id,
      employee.full_name,
      seat === 'enrolled' ? `Terdaftar: ${batch.title}` : `Daftar tunggu: ${batch.title}`,
      seat === 'enrolled'
        ? `Anda terdaftar sebagai peserta ${batch.title} (${batch.name}).`
        : `Kuota ${batch.title} (${batch.name}) penuh; Anda masuk daftar tunggu dan otomatis menjadi peserta bila ada kursi kosong.`,
    );
    return { id, status: seat };
  });
}

/** Cancels an enrolment; a freed seat goes to the earliest on the waitlist, in the same transaction. */
export async function cancelEnrollment(ctx: TrainingContext, actor: Actor, enrollmentId: string) {
  const only = await reach(ctx, actor);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.enrollment(trx, enrollmentId);
    if (!current || (only && !only.includes(current.employee_id))) throw notFound();
    const batch = (await repo.lockBatch(trx, current.batch_id))!;
    const e = (await repo.enrollment(trx, enrollmentId))!;
    const now = ctx.clock.now();
    await ctx.steps(trx, {
      machine: enrollmentMachine,
      subject: { type: 'enrollment', id: e.id, status: e.status },
      event: 'cancel',
      actor: actorOf(actor),
      apply: (s) => repo.setEnrollmentStatus(trx, e.id, s, now),
      audit: { action: 'training.cancel' },
    });
    const free = batch.capacity - (await repo.seatedCount(trx, batch.id));
    const promoted = promotions(
      (await repo.waitlist(trx, batch.id)).map((w) => ({ ...w, requestedAt: new Date(w.requested_at) })),
      free,
    );
    for (const p of promoted) {
      await ctx.steps(trx, {
        machine: enrollmentMachine,
        subject: { type: 'enrollment', id: p.id, status: p.status },
        event: 'promote',
        actor: actorOf(actor),
        apply: (s) => repo.setEnrollmentStatus(trx, p.id, s, now),
        audit: { action: 'training.promote', after: { freedBy: e.id } },
      });
      const who = (await repo.employeeForEnrollment(trx, p.employee_id))!;
      await tell(
        ctx,
        trx,
        who.account_id,
        who.full_name,
        `Kursi tersedia: ${batch.title}`,
        `Ada kursi kosong di ${batch.title} (${batch.name}); Anda kini terdaftar sebagai peserta.`,
      );
    }
    return { promoted: promoted.map((p) => p.id) };
  });
}

/**
 * Marks enrolled participants as having completed (once the batch is over, posting the
 * programme's JP to their ledger for the year it is recorded, in Palu) or not; BKPSDM only.
 */
export async function finishBatch(
  ctx: TrainingContext,
  actor: Actor,
  batchId: string,
  body: { enrollmentIds: string[]; passed: boolean },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await repo.lockBatch(trx, batchId);
    if (!batch) throw notFound();
    const now = ctx.clock.now();
    const rule = await completion.completionRule(trx, batchId);
    const facts = await completion.facts(trx, batchId);
    const meetings = await completion.meetingCount(trx, batchId);
    const factOf = new Map(facts.map((f) => [f.id, f]));
    const notOver = batchNotOverProblems(
      {
        endsOn: batch.ends_on,
        meetings: (await completion.meetings(trx, batchId)).map((m) => ({
          seq: m.seq,
          title: m.title,
          endsAt: new Date(m.ends_at),
        })),
      },
      now,
    );
    for (const id of new Set(body.enrollmentIds)) {
      const e = await repo.enrollment(trx, id);
      if (!e || e.batch_id !== batchId)
        throw new AppError(
          'VALIDATION_FAILED',
          msg('Ada peserta yang bukan peserta angkatan ini.', 'Someone listed is not a participant of this batch.'),
          { fields: [{ field: 'enrollmentIds', message: msg('Bukan peserta angkatan ini.', 'Not in this batch.') }] },
        );
      const f = factOf.get(id)!;
      // "Selesai" only by the programme's own rule (attendance, post-test, assignment).
      const problems =
        body.passed && e.status === 'enrolled'
          ? [
              ...notOver,
              ...completionProblems(
                {
                  minAttendancePct: rule.min_attendance_pct,
                  postTestPass: rule.post_test_pass,
                  assignmentRequired: rule.assignment_required,
                },
                {
                  attended: Number(f.attended ?? 0),
                  meetings,
                  postTestScore: f.post_test_score,
                  assignmentDone: f.assignment_done,
                },
              ),
            ]
          : [];
      if (problems.length > 0) {
        const who = (await repo.employeeForEnrollment(trx, e.employee_id))!;
        throw new AppError(
          'VALIDATION_FAILED',
          msg(
            `${who.full_name} belum memenuhi syarat selesai: ${problems.map((p) => p.id).join(' ')}`,
            `${who.full_name} has not completed: ${problems.map((p) => p.en).join(' ')}`,
          ),
          { fields: [{ field: 'enrollmentIds', message: problems[0]! }] },
        );
      }
      await ctx.steps(trx, {
        machine: enrollmentMachine,
        subject: { type: 'enrollment', id, status: e.status },
        event: body.passed ? 'complete' : 'fail',
        actor: actorOf(actor),
        apply: (s) => repo.setEnrollmentStatus(trx, id, s, now),
        audit: { action: body.passed ? 'training.complete' : 'training.not_complete' },
      });
      if (body.passed)
        await repo.postJp(trx, {
          id: ctx.ids.uuid(),
          employee_id: e.employee_id,
          year: completionYear(now),
          jp: batch.jp,
          source: 'training',
          enrollment_id: id,
          title: `${batch.title} (${batch.name})`,
          recorded_at: now,
        });
    }
    return { finished: new Set(body.enrollmentIds).size };
  });
}
