/** A milestone's update by its responsible OPD: status, evidence, and the answer for a delay. */
import type { z } from 'zod';
import type { MilestoneUpdateBody } from '../../../../common/contracts/performance.ts';
import { msg } from '../../../../common/contracts/messages.ts';
import { localDate } from '../../../../common/rules/calendar.ts';
import { AppError, notFound } from '../../errors.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Actor } from '../identity/index.ts';
import { eventFor, lateness, milestoneMachine } from './domain/followup.ts';
import { actorOf, canUpdateAction, invalid, type PolicyContext } from './policy.shared.ts';
import { policyRepository as repo } from './policy.repository.ts';

/**
 * The responsible OPD (or BKPSDM) moves a milestone's status, sets its evidence and, when it is
 * late, answers for the delay. Someone of another OPD gets NOT_FOUND; nothing changes on a refusal.
 */
export async function updateMilestone(
  ctx: PolicyContext,
  actor: Actor,
  id: string,
  body: z.infer<typeof MilestoneUpdateBody>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const m = await repo.lockMilestone(trx, id);
    if (!m) throw notFound();
    const action = (await repo.action(trx, m.action_id))!;
    if (!canUpdateAction(actor, action.organization_id)) throw notFound();
    const now = ctx.clock.now();
    const today = localDate(now);
    const holidays = await loadHolidays(trx);
    if (body.lateAnswer !== undefined) {
      const l = lateness({ dueOn: m.due_on, status: m.status, doneOn: m.done_on }, today, holidays);
      if (l.workingDaysLate === 0)
        throw invalid(
          'lateAnswer',
          'Jawaban keterlambatan hanya untuk tonggak yang melewati tenggat hari kerjanya.',
          'An answer for a delay is only for a milestone past its working-day deadline.',
        );
    }
    if (body.evidencePublic === true && !(body.evidenceUrl ?? m.evidence_url))
      throw invalid(
        'evidencePublic',
        'Tambahkan tautan bukti sebelum menampilkannya di halaman publik.',
        'Add an evidence link before showing it on the public page.',
      );
    const event = body.status ? eventFor(m.status, body.status) : null;
    if (event) {
      // reopening lands on "in progress", never straight back to "planned"
      const moved = milestoneMachine.transition(m.status, event);
      if (moved.ok && moved.status !== body.status)
        throw new AppError(
          'CONFLICT',
          msg(
            'Tonggak yang sudah selesai hanya dapat dibuka kembali ke status "Berjalan".',
            'A done milestone can only be reopened to "In progress".',
          ),
        );
    }
    if (event) {
      await ctx.steps(trx, {
        machine: milestoneMachine,
        subject: { type: 'policy_milestone', id, status: m.status },
        event,
        actor: actorOf(actor),
        apply: (status) =>
          repo.updateMilestone(trx, id, { status, done_on: status === 'done' ? today : null, updated_at: now }),
        audit: { action: `policy.milestone.${event}` },
      });
    }
    const patch = {
      ...(body.evidenceUrl !== undefined ? { evidence_url: body.evidenceUrl } : {}),
      ...(body.evidencePublic !== undefined ? { evidence_public: body.evidencePublic } : {}),
      ...(body.lateAnswer !== undefined ? { late_answer: body.lateAnswer, late_answered_at: now } : {}),
    };
    if (Object.keys(patch).length > 0) {
      await repo.updateMilestone(trx, id, { ...patch, updated_at: now });
      await ctx.audit.record(trx, {
        actor: actorOf(actor),
        action: 'policy.milestone.update',
        subjectType: 'policy_milestone',
        subjectId: id,
        before: { evidenceUrl: m.evidence_url, evidencePublic: m.evidence_public, lateAnswer: m.late_answer },
        after: { evidenceUrl: body.evidenceUrl, evidencePublic: body.evidencePublic, lateAnswer: body.lateAnswer },
      });
    }
    const after = (await repo.lockMilestone(trx, id))!;
    return {
      id,
      status: after.status,
      doneOn: after.done_on,
      ...lateness({ dueOn: after.due_on, status: after.status, doneOn: after.done_on }, today, holidays),
      evidenceUrl: after.evidence_url,
      evidencePublic: after.evidence_public,
      lateAnswer: after.late_answer,
    };
  });
}
