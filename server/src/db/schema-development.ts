/** Kysely table types for migration 0013 (issue 12, development completed); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface TrainingMeetingsTable {
  id: string;
  batch_id: string;
  seq: number;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_at: CreatedAt;
}

export interface TrainingAttendanceTable {
  meeting_id: string;
  enrollment_id: string;
  method: 'scan' | 'manual';
  attended_at: Timestamp;
  recorded_at: Timestamp;
  recorded_by: string | null;
}

export interface TrainingCertificateCountersTable {
  program_id: string;
  year: number;
  last: number;
}

export interface TrainingCertificatesTable {
  id: string;
  enrollment_id: string;
  number: string;
  full_name: string;
  program_title: string;
  batch_name: string;
  partner_name: string | null;
  jp: number;
  starts_on: string;
  ends_on: string;
  issued_at: Timestamp;
  issued_by: string | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface TrainingFeedbackTable {
  enrollment_id: string;
  facilitator: number;
  material: number;
  venue: number;
  usefulness: number;
  comment: string;
  submitted_at: Timestamp;
}

export interface DevelopmentCompletionTables {
  training_meetings: TrainingMeetingsTable;
  training_attendance: TrainingAttendanceTable;
  training_certificate_counters: TrainingCertificateCountersTable;
  training_certificates: TrainingCertificatesTable;
  training_feedback: TrainingFeedbackTable;
}
