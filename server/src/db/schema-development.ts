/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type {
  DevelopmentCompletionTables,
  TrainingAttendanceTable,
  TrainingCertificateCountersTable,
  TrainingCertificatesTable,
  TrainingFeedbackTable,
  TrainingMeetingsTable,
} from './schema.ts';
