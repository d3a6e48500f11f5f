/**
 * Reminders: the work on each person's home reaches them without opening the app. For every task
 * with a deadline, an in-app notification and an e-mail one working day before it and once it has
 * passed; and a daily e-mail digest of everything waiting (opt-out per person). The tasks come from
 * `home.summary`, so the reminders, the home and the modules' pages count the same things.
 * Exactly once across app instances: each reminder is claimed by its key in the transaction that
 * writes its notification and outbox row.
 */
import { bindUseCases } from '../../platform/context.ts';
import { notificationSettings, setNotificationSettings } from './notification-settings.ts';
import type { ReminderContext, ReminderOptions } from './reminders.shared.ts';
import { sweepReminders } from './sweep-reminders.ts';

export type { ReminderContext, ReminderOptions } from './reminders.shared.ts';
export type { SweepResult } from './sweep-reminders.ts';

/** The reminder use-cases bound to one context; the sending hour defaults to 07:00 Palu time. */
export function createReminderService(deps: Omit<ReminderContext, 'hour'> & { options?: Partial<ReminderOptions> }) {
  const { options, ...rest } = deps;
  const hour = options?.hour ?? 7;
  return {
    hour,
    ...bindUseCases(
      { ...rest, hour },
      { sweepReminders, settings: notificationSettings, setSettings: setNotificationSettings },
    ),
  };
}

export type ReminderService = ReturnType<typeof createReminderService>;
