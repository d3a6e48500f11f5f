/**
 * Column types narrower than SQL can say: the unions a check constraint spells, the shape a json
 * column holds, write-once columns. db/codegen-overrides.ts names the columns that use them, and
 * kysely-codegen imports them into db/generated.ts.
 */
import type { ColumnType } from 'kysely';

/** Set by the database's default on insert, never updated. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A column with a default: optional on insert, but always set afterwards. */
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** A json/jsonb column read as `T`, written as JSON text (JSON.stringify). */
export type JsonText<T = unknown> = ColumnType<T, string, string>;

export type Role =
  | 'admin'
  | 'committee'
  | 'verifier'
  | 'exam_admin'
  | 'proctor'
  | 'training_admin'
  | 'supervisor'
  | 'employee'
  | 'observer'
  | 'citizen'
  | 'applicant';

export interface StageWindow {
  start: string; // ISO instant
  end: string;
}
export type StageName =
  'registration' | 'verification' | 'announcement' | 'objection' | 'objection_response' | 'reannouncement' | 'exam';
export type Stages = Partial<Record<StageName, StageWindow>>;
export type ApplicationStatus = 'draft' | 'submitted' | 'ms' | 'tms' | 'objection_filed' | 'tms_final' | 'withdrawn';
export type ComplaintStatusColumn = 'submitted' | 'disposed' | 'followed_up' | 'closed' | 'rejected';
export type ReminderKind = 'due_soon' | 'missed' | 'digest';
export type Rating = 'above' | 'meets' | 'below';
export type Predikat = 'sangat_baik' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
export type OrgPredikat = 'istimewa' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
