/** Kysely table types for migration 0012 (issue 15, hardening); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface SignInsTable {
  account_id: string;
  kind: 'login' | 'logout';
  at: Timestamp;
}

export interface ExamSessionProctorsTable {
  session_id: string;
  proctor_id: string;
  assigned_by: string | null;
  assigned_at: Timestamp;
}

export interface HardeningTables {
  sign_ins: SignInsTable;
  exam_session_proctors: ExamSessionProctorsTable;
}
