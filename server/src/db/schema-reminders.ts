/** Kysely table types for migration 0020 (reminders and the daily digest); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type ReminderKind = 'due_soon' | 'missed' | 'digest';

export interface RemindersSentTable {
  account_id: string;
  task_key: string;
  due_at: Timestamp;
  kind: ReminderKind;
  sent_at: Timestamp;
}

export interface NotificationPreferencesTable {
  account_id: string;
  daily_digest: boolean;
  updated_at: Timestamp;
}

export interface ReminderTables {
  reminders_sent: RemindersSentTable;
  notification_preferences: NotificationPreferencesTable;
}
