/**
 * Reminders: the work on each person's home reaches them without opening the app. For every task
 * with a deadline, an in-app notification and an e-mail one working day before it and once it has
 * passed; and a daily e-mail digest of everything waiting (opt-out per person). The tasks come from
 * `home.summary`, so the reminders, the home and the modules' pages count the same things.
 * Exactly once across app instances: each reminder is claimed by its key in the transaction that
 * writes its notification and outbox row.
 */
import type { Kysely } from 'kysely';
import type { NotificationSettings } from '../../../../common/contracts/reminders.ts';
import { windowStartInstant } from '../../../../common/rules/calendar.ts';
import type { DB } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { loadHolidays } from '../../platform/holidays.ts';
import type { Mailer } from '../../platform/mailer.ts';
import type { Notifier } from '../../platform/notifications.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditService } from '../transparency/index.ts';
import { digestDay, digestMail, isSendingTime, reminderDue, reminderNotice } from './domain/reminders.ts';
import type { HomeService } from './home.service.ts';
import { remindersRepository as repo } from './reminders.repository.ts';

export interface ReminderOptions {
  /** Palu clock hour (0–23) from which reminders and the digest go out (REMINDER_HOUR, default 7). */
  hour: number;
}

export interface SweepResult {
  reminders: number;
  digests: number;
}

export function createReminderService(deps: { db: Kysely<DB>; clock: Clock; audit: AuditService; mailer: Mailer; notifier: Notifier; home: Pick<HomeService, 'summary'>; publicUrl: string; options?: Partial<ReminderOptions> }) {
  const { db, audit, mailer, notifier, home } = deps;
  const hour = deps.options?.hour ?? 7;

  /**
   * Sends every reminder and digest due at `now` that no instance has sent yet. Safe to run on
   * several instances at once and as often as wanted: what was claimed is never sent again.
   */
  async function sweepReminders(now: Date): Promise<SweepResult> {
    const result: SweepResult = { reminders: 0, digests: 0 };
    // Nothing goes out at night: skip reading everyone's work until the sending hour.
    if (!isSendingTime(now, hour)) return result;
    const [accounts, holidays] = await Promise.all([repo.activeStaff(db), loadHolidays(db)]);
    const today = digestDay(now, hour, holidays);
    let failure: unknown = null;
    for (const a of accounts) {
      try {
        const actor: Actor = { accountId: a.id, role: a.role, organizationId: a.organization_id };
        const waiting = (await home.summary(actor)).tasks.filter((t) => t.count > 0);
        const to = { accountId: a.id, email: a.email_normalized, fullName: a.full_name };
        for (const task of waiting) {
          if (!task.dueAt) continue;
          const dueAt = new Date(task.dueAt);
          const kind = reminderDue({ count: task.count, dueAt }, now, hour, holidays);
          if (!kind) continue;
          await db.transaction().execute(async (trx) => {
            if (!(await repo.claim(trx, { account_id: a.id, task_key: task.key, due_at: dueAt, kind, sent_at: now }))) return;
            await notifier.notify(trx, to, reminderNotice(kind, { ...task, dueAt: task.dueAt! }));
            result.reminders++;
          });
        }
        if (today && waiting.length > 0 && a.daily_digest !== false) {
          await db.transaction().execute(async (trx) => {
            if (!(await repo.claim(trx, { account_id: a.id, task_key: 'digest', due_at: windowStartInstant(today), kind: 'digest', sent_at: now }))) return;
            await mailer.enqueue(trx, { to: a.email_normalized, ...digestMail({ fullName: a.full_name, day: today, tasks: waiting, now, publicUrl: deps.publicUrl }) });
            result.digests++;
          });
        }
      } catch (err) {
        // One person's failing summary must not keep the others' reminders back.
        failure ??= err;
      }
    }
    if (failure) throw failure;
    return result;
  }

  return {
    hour,
    sweepReminders,

    /** The signed-in person's own notification settings. */
    async settings(actor: Actor): Promise<NotificationSettings> {
      return { dailyDigest: await repo.dailyDigest(db, actor.accountId), hour };
    },

    /** Turns the person's daily digest on or off (audited). */
    async setSettings(actor: Actor, body: { dailyDigest: boolean }): Promise<NotificationSettings> {
      await db.transaction().execute(async (trx) => {
        const before = await repo.dailyDigest(trx, actor.accountId);
        if (before === body.dailyDigest) return;
        await repo.setDailyDigest(trx, actor.accountId, body.dailyDigest, deps.clock.now());
        await audit.record(trx, { actor: { id: actor.accountId, role: actor.role }, action: 'account.notification_settings', subjectType: 'account', subjectId: actor.accountId, before: { dailyDigest: before }, after: { dailyDigest: body.dailyDigest } });
      });
      return this.settings(actor);
    },
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
