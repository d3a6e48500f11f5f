/**
 * Policy follow-up rules (issue 13): a milestone's deadline counts in Palu's working days (a
 * deadline on a weekend or holiday moves to the next working day), a milestone not done by then is
 * late by the working days since, the roll-up is the share of milestones done, and a milestone's
 * status moves planned → in progress → done (and back to in progress when reopened). Pure: today
 * and the holidays are parameters.
 */
import { msg } from '../../../../../common/contracts/messages.ts';
import { addDays, shiftDate, workingDaysBetween } from '../../../../../common/rules/calendar.ts';
import { defineStateMachine } from '../../../../../common/rules/state-machine.ts';

export const milestoneMachine = defineStateMachine({
  statuses: ['planned', 'in_progress', 'done'] as const,
  events: ['start', 'complete', 'reopen'] as const,
  transitions: {
    planned: { start: 'in_progress', complete: 'done' },
    in_progress: { complete: 'done' },
    done: { reopen: 'in_progress' },
  },
  refusal: (status) =>
    status === 'done'
      ? msg(
          'Tonggak ini sudah selesai; buka kembali (status "Berjalan") bila perlu dikerjakan lagi.',
          'This milestone is done; reopen it ("In progress") if it needs more work.',
        )
      : msg(
          'Perubahan status tonggak ini tidak dapat dilakukan dari status sekarang.',
          'This milestone cannot move to that status from its current one.',
        ),
});
export type MilestoneStatus = (typeof milestoneMachine.statuses)[number];

/** The event that takes a milestone from one status to another (null = no change). */
export function eventFor(from: MilestoneStatus, to: MilestoneStatus): 'start' | 'complete' | 'reopen' | null {
  if (from === to) return null;
  if (to === 'done') return 'complete';
  if (from === 'done') return 'reopen';
  return 'start';
}

/** The working-day deadline: the due date, or the next working day when it falls on a weekend or holiday. */
export const workingDeadline = (dueOn: string, holidays: ReadonlySet<string>) => addDays(dueOn, 1, 'working', holidays);

/** Whether a milestone is late today, and by how many working days (done milestones count to their done date). */
export function lateness(
  m: { dueOn: string; status: MilestoneStatus; doneOn: string | null },
  today: string,
  holidays: ReadonlySet<string>,
): { deadline: string; late: boolean; workingDaysLate: number } {
  const deadline = workingDeadline(m.dueOn, holidays);
  const end = m.status === 'done' ? (m.doneOn ?? deadline) : today;
  const days = end > deadline ? workingDaysBetween(shiftDate(deadline, 1), end, holidays) : 0;
  return { deadline, late: days > 0 && m.status !== 'done', workingDaysLate: days };
}

/** The roll-up of a policy: milestones done, their share in whole percent, and how many are late now. */
export function rollUp(ms: readonly { status: MilestoneStatus; late: boolean }[]): {
  done: number;
  total: number;
  percent: number;
  late: number;
} {
  const done = ms.filter((m) => m.status === 'done').length;
  return {
    done,
    total: ms.length,
    percent: ms.length === 0 ? 0 : Math.round((done * 100) / ms.length),
    late: ms.filter((m) => m.late).length,
  };
}
