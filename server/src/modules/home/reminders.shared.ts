/** The reminders' context: the platform's database, clock, audit, mailer and notifier, the home's summary, and the sending hour. */
import type { AppContext } from '../../platform/context.ts';
import type { HomeService } from './home.service.ts';

export interface ReminderOptions {
  /** Palu clock hour (0–23) from which reminders and the digest go out (REMINDER_HOUR, default 7). */
  hour: number;
}

export type ReminderContext = Pick<AppContext, 'db' | 'clock' | 'audit' | 'mailer' | 'notifier' | 'publicUrl'> & {
  /** The tasks reminded of are the home's, so reminders, the home and the modules' pages count the same things. */
  home: Pick<HomeService, 'summary'>;
  hour: number;
};
