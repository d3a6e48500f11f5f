/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type { NotificationPreferencesTable, ReminderKind, ReminderTables, RemindersSentTable } from './schema.ts';
