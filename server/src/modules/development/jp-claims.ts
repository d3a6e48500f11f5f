/** Outside activities (RULES.md §3.3): an employee reports one, their supervisor or BKPSDM approves it (posting JP) or rejects it. */
import type { z } from 'zod';
import type { JpClaimBody } from '../../../../common/contracts/development.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../identity/index.ts';
import { developmentRepository as people, trainingRepository as repo } from './development.repository.ts';
import { actorOf, conflict, notLinked, reach, tell } from './development.shared.ts';
import { claimMachine, jpOfMinutes } from './domain/training.ts';
import type { TrainingContext } from './training-catalog.ts';

/** An employee reports an activity outside Merit's training; it counts only once approved. */
export async function submitClaim(ctx: TrainingContext, actor: Actor, body: z.infer<typeof JpClaimBody>) {
  const own = await people.employeeOfAccount(ctx.db, actor.accountId);
  if (!own) throw notLinked();
  if (body.heldOn > localDate(ctx.clock.now()))
    throw new AppError(
      'VALIDATION_FAILED',
      msg('Kegiatan yang dilaporkan harus sudah terlaksana.', 'The activity must already have taken place.'),
      {
        fields: [
          { field: 'heldOn', message: msg('Tanggal tidak boleh di masa depan.', 'The date cannot be in the future.') },
        ],
      },
    );
  const id = ctx.ids.uuid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertClaim(trx, {
      id,
      employee_id: own.id,
      kind: body.kind,
      title: body.title,
      organizer: body.organizer,
      held_on: body.heldOn,
      minutes: body.minutes,
      evidence_url: body.evidenceUrl,
      status: 'submitted',
      submitted_at: ctx.clock.now(),
    });
    await ctx.audit.record(trx, {
      actor: actorOf(actor),
      action: 'jp_claim.submit',
      subjectType: 'jp_claim',
      subjectId: id,
      after: { kind: body.kind, minutes: body.minutes },
    });
  });
  return { id, jp: jpOfMinutes(body.minutes) };
}

/** Claims waiting (or decided) for the people an actor decides for: a supervisor's unit but not their own, BKPSDM all. */
export async function listClaims(ctx: TrainingContext, actor: Actor, status: 'submitted' | 'approved' | 'rejected') {
  const only = await reach(ctx, actor);
  const own = await people.employeeOfAccount(ctx.db, actor.accountId);
  const rows = await repo.claims(ctx.db, only ? only.filter((id) => id !== own?.id) : null, status);
  return rows.map((c) => ({
    id: c.id,
    employee: { id: c.employee_id, nip: c.nip, fullName: c.full_name },
    kind: c.kind,
    title: c.title,
    organizer: c.organizer,
    heldOn: c.held_on,
    minutes: c.minutes,
    jp: jpOfMinutes(c.minutes),
    evidenceUrl: c.evidence_url,
    status: c.status,
    submittedAt: new Date(c.submitted_at).toISOString(),
    decisionNote: c.decision_note,
  }));
}

/** Approves (posting the JP for the year it was held) or rejects a claim, once; not one's own. */
export async function decideClaim(
  ctx: TrainingContext,
  actor: Actor,
  claimId: string,
  body: { approve: boolean; note: string | null },
) {
  const only = await reach(ctx, actor);
  const own = await people.employeeOfAccount(ctx.db, actor.accountId);
  await ctx.db.transaction().execute(async (trx) => {
    const c = await repo.claim(trx, claimId);
    if (!c || (only && !only.includes(c.employee_id))) throw notFound();
    if (own && c.employee_id === own.id)
      throw conflict(
        'Klaim JP Anda sendiri diputuskan oleh atasan Anda atau BKPSDM.',
        'Your own JP claim is decided by your supervisor or BKPSDM.',
      );
    if (!body.approve && !body.note)
      throw new AppError(
        'VALIDATION_FAILED',
        msg(
          'Tuliskan alasan penolakan agar pegawai tahu yang perlu diperbaiki.',
          'Give a reason for the rejection so the employee knows what to fix.',
        ),
        { fields: [{ field: 'note', message: msg('Alasan wajib diisi.', 'A reason is required.') }] },
      );
    const now = ctx.clock.now();
    await ctx.steps(trx, {
      machine: claimMachine,
      subject: { type: 'jp_claim', id: c.id, status: c.status },
      event: body.approve ? 'approve' : 'reject',
      actor: actorOf(actor),
      apply: (status) =>
        repo.decideClaim(trx, c.id, { status, decided_by: actor.accountId, decided_at: now, decision_note: body.note }),
      audit: { action: body.approve ? 'jp_claim.approve' : 'jp_claim.reject' },
    });
    if (body.approve)
      await repo.postJp(trx, {
        id: ctx.ids.uuid(),
        employee_id: c.employee_id,
        year: Number(c.held_on.slice(0, 4)),
        jp: jpOfMinutes(c.minutes),
        source: 'claim',
        claim_id: c.id,
        title: `${c.title} (${c.organizer})`,
        recorded_at: now,
      });
    const who = (await repo.employeeForEnrollment(trx, c.employee_id))!;
    await tell(
      ctx,
      trx,
      who.account_id,
      who.full_name,
      body.approve ? `Klaim JP disetujui: ${c.title}` : `Klaim JP ditolak: ${c.title}`,
      body.approve ? `${jpOfMinutes(c.minutes)} JP masuk catatan Anda.` : `Alasan: ${body.note}`,
    );
  });
}
