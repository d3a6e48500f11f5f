/**
 * The reminder sweep: for every task with a deadline, an in-app notification and an e-mail one
 * working day before it and once it has passed; and a daily e-mail digest of everything waiting
 * (opt-out per person). Exactly once across app instances: each reminder is claimed by its key in
 * the transaction that writes its notification and outbox row.
 */
import { windowStartInstant } from '../../../../common/rules/calendar.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import { type Actor, activeStaffAccounts } from '../identity/index.ts';
import { digestDay, digestMail, isSendingTime, reminderDue, reminderNotice } from './domain/reminders.ts';
import type { ReminderContext } from './reminders.shared.ts';
import { remindersRepository as repo } from './reminders.repository.ts';

export interface SweepResult {
  reminders: number;
  digests: number;
}

type Account = Awaited<ReturnType<typeof activeStaffAccounts>>[number] & { daily_digest: boolean };
type Holidays = Awaited<ReturnType<typeof loadHolidays>>;

/** Sends one person's due reminders and, on a digest day, their digest; counts what this instance claimed. */
async function remindAccount(
  ctx: ReminderContext,
  a: Account,
  now: Date,
  today: string | null,
  holidays: Holidays,
  result: SweepResult,
) {
  const actor: Actor = { accountId: a.id, role: a.role, organizationId: a.organization_id };
  const waiting = (await ctx.home.summary(actor)).tasks.filter((t) => t.count > 0);
  const to = { accountId: a.id, email: a.email_normalized, fullName: a.full_name };
  for (const task of waiting) {
    if (!task.dueAt) continue;
    const dueAt = new Date(task.dueAt);
    const kind = reminderDue({ count: task.count, dueAt }, now, ctx.hour, holidays);
    if (!kind) continue;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.claim(trx, { account_id: a.id, task_key: task.key, due_at: dueAt, kind, sent_at: now }))) return;
      await ctx.notifier.notify(trx, to, reminderNotice(kind, { ...task, dueAt: task.dueAt! }));
      result.reminders++;
    });
  }
  if (today && waiting.length > 0 && a.daily_digest) {
    await ctx.db.transaction().execute(async (trx) => {
      if (
        !(await repo.claim(trx, {
          account_id: a.id,
          task_key: 'digest',
          due_at: windowStartInstant(today),
          kind: 'digest',
          sent_at: now,
        }))
      )
        return;
      await ctx.mailer.enqueue(trx, {
        to: a.email_normalized,
        ...digestMail({ fullName: a.full_name, day: today, tasks: waiting, now, publicUrl: ctx.publicUrl }),
      });
      result.digests++;
    });
  }
}

/**
 * Sends every reminder and digest due at `now` that no instance has sent yet. Safe to run on
 * several instances at once and as often as wanted: what was claimed is never sent again.
 */
export async function sweepReminders(ctx: ReminderContext, now: Date): Promise<SweepResult> {
  const result: SweepResult = { reminders: 0, digests: 0 };
  // Nothing goes out at night: skip reading everyone's work until the sending hour.
  if (!isSendingTime(now, ctx.hour)) return result;
  const [staff, optedOut, holidays] = await Promise.all([
    activeStaffAccounts(ctx.db),
    repo.digestOptOuts(ctx.db),
    loadHolidays(ctx.db),
  ]);
  const accounts = staff.map((a) => ({ ...a, daily_digest: !optedOut.has(a.id) }));
  const today = digestDay(now, ctx.hour, holidays);
  let failure: unknown = null;
  for (const a of accounts) {
    try {
      await remindAccount(ctx, a, now, today, holidays, result);
    } catch (err) {
      // One person's failing summary must not keep the others' reminders back.
      failure ??= err;
    }
  }
  if (failure) throw failure;
  return result;
}
