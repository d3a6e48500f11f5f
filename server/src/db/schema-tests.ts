/** Kysely table types for migration 0018 (training tests on the CAT engine); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface AssessmentAttemptsTable {
  id: string;
  key: string;
  account_id: string;
  blueprint_id: string;
  form_seed: string;
  form: ColumnType<unknown, string, string>;
  started_at: Timestamp;
  deadline_at: Timestamp;
  status: 'in_progress' | 'submitted';
  submitted_at: Timestamp | null;
  submitted_by: 'participant' | 'server' | null;
  score: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface AssessmentAnswersTable {
  attempt_id: string;
  item_id: string;
  chosen: string | null;
  seq: number;
  saved_at: Timestamp;
}

export interface BatchTestsTable {
  batch_id: string;
  phase: 'pre' | 'post';
  blueprint_id: string;
  opens_at: Timestamp;
  closes_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface TrainingTestsTables {
  assessment_attempts: AssessmentAttemptsTable;
  assessment_answers: AssessmentAnswersTable;
  batch_tests: BatchTestsTable;
}
