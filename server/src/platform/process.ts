/**
 * The one way a status changes: a process step checks the move against the subject's state
 * machine, applies it, writes the timeline entry and appends the audit event — all in the caller's
 * transaction, so a refused or rolled-back step leaves no trace. Deadlines that the step sets
 * (a sanggah answer due in 5 working days) are computed with common/rules/calendar.ts by the caller
 * and written by `apply`.
 */
import type { Msg } from '../../../common/contracts/messages.ts';
import type { StateMachine } from '../../../common/rules/state-machine.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { AuditActor, AuditService } from '../modules/transparency/index.ts';

export interface Step<S extends string, E extends string> {
  machine: StateMachine<S, E>;
  subject: { type: string; id: string; status: S };
  event: E;
  actor: AuditActor;
  /** Writes the new status, and what changes with it, in the same transaction. */
  apply(next: S): Promise<unknown>;
  /** The subject's timeline entry for this step, when it has a timeline. */
  timeline?: (next: S) => Promise<unknown>;
  /** The audit action (e.g. `application.submit`) and what else the event records. */
  audit: { action: string; after?: Record<string, unknown> };
}

export type StepRunner = <S extends string, E extends string>(trx: Executor, step: Step<S, E>) => Promise<S>;

/** Refusals of a move the machine does not allow answer 409 with the machine's own message. */
export function createProcessSteps(deps: { audit: AuditService }): StepRunner {
  return async (trx, s) => {
    const moved = s.machine.transition(s.subject.status, s.event);
    if (!moved.ok) throw new AppError('CONFLICT', moved.error as Msg);
    await s.apply(moved.status);
    if (s.timeline) await s.timeline(moved.status);
    await deps.audit.record(trx, {
      actor: s.actor,
      action: s.audit.action,
      subjectType: s.subject.type,
      subjectId: s.subject.id,
      before: { status: s.subject.status },
      after: { status: moved.status, ...s.audit.after },
    });
    return moved.status;
  };
}
