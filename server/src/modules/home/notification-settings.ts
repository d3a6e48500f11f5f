/** A person's own notification settings: the daily digest on or off (deadline reminders are not optional). */
import type { NotificationSettings } from '../../../../common/contracts/reminders.ts';
import type { Actor } from '../identity/index.ts';
import type { ReminderContext } from './reminders.shared.ts';
import { remindersRepository as repo } from './reminders.repository.ts';

/** The signed-in person's own notification settings. */
export async function notificationSettings(
  ctx: Pick<ReminderContext, 'db' | 'hour'>,
  actor: Actor,
): Promise<NotificationSettings> {
  return { dailyDigest: await repo.dailyDigest(ctx.db, actor.accountId), hour: ctx.hour };
}

/** Turns the person's daily digest on or off (audited; an unchanged setting writes nothing). */
export async function setNotificationSettings(
  ctx: ReminderContext,
  actor: Actor,
  body: { dailyDigest: boolean },
): Promise<NotificationSettings> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.dailyDigest(trx, actor.accountId);
    if (before === body.dailyDigest) return;
    await repo.setDailyDigest(trx, actor.accountId, body.dailyDigest, ctx.clock.now());
    await ctx.audit.record(trx, {
      actor: { id: actor.accountId, role: actor.role },
      action: 'account.notification_settings',
      subjectType: 'account',
      subjectId: actor.accountId,
      before: { dailyDigest: before },
      after: { dailyDigest: body.dailyDigest },
    });
  });
  return notificationSettings(ctx, actor);
}
