/**
 * Named reads other modules may call (the signed-in home's inbox): an OPD's policy milestones due
 * soon or late, with the lateness the policy pages show (the working-day deadline of followup.ts).
 */
import { addDays, dayNumber, shiftDate } from '../../../../common/rules/calendar.ts';
import type { Executor } from '../../db/database.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import { lateness } from './domain/followup.ts';
import { policyRepository as repo } from './policy.repository.ts';

/** How many working days ahead a milestone counts as "due" on the home. */
export const MILESTONE_LOOKAHEAD_WORKING_DAYS = 5;

/**
 * The open milestones of `organizationId`'s actions whose working-day deadline is within the next
 * five working days or past: how many, the nearest deadline, whether it is late, and the policy
 * to open when they all belong to one.
 */
export async function milestonesDueFor(db: Executor, organizationId: string, today: string) {
  const [rows, holidays] = await Promise.all([repo.openMilestonesOf(db, organizationId), loadHolidays(db)]);
  const horizon = dayNumber(addDays(shiftDate(today, 1), MILESTONE_LOOKAHEAD_WORKING_DAYS, 'working', holidays));
  const due = rows
    .map((m) => ({
      policyId: m.policy_id,
      ...lateness({ dueOn: m.due_on, status: m.status, doneOn: m.done_on }, today, holidays),
    }))
    .filter((m) => dayNumber(m.deadline) <= horizon)
    .sort((a, b) => a.deadline.localeCompare(b.deadline));
  const policies = new Set(due.map((m) => m.policyId));
  return {
    count: due.length,
    dueOn: due[0]?.deadline ?? null,
    late: due.some((m) => m.late),
    policyId: policies.size === 1 ? [...policies][0]! : null,
  };
}
