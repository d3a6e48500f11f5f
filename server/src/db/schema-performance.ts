/** Kysely table types for migration 0014 (issue 13: SKP and policy follow-up); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string, string>;
type Rating = 'above' | 'meets' | 'below';
type Predikat = 'sangat_baik' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';
type OrgPredikat = 'istimewa' | 'baik' | 'butuh_perbaikan' | 'kurang' | 'sangat_kurang';

export interface PerformanceRuleSetsTable {
  year: number;
  matrix: Json<unknown>;
  note: Defaulted<string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface OrganizationPredikatsTable {
  organization_id: string;
  year: number;
  predikat: OrgPredikat;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SkpPlansTable {
  id: string;
  employee_id: string;
  year: number;
  organization_id: string;
  evaluator_id: string | null;
  evaluator_supervisor_id: string | null;
  status: 'draft' | 'agreed';
  clarification: Defaulted<string>;
  agreed_at: Timestamp | null;
  created_at: Defaulted<Date>;
  updated_at: Timestamp;
}

export interface SkpResultsTable {
  id: string;
  plan_id: string;
  parent_id: string | null;
  cascade_kind: 'direct' | 'indirect' | null;
  title: string;
  perspective: 'penerima_layanan' | 'proses_bisnis' | 'penguatan_internal' | 'anggaran';
  is_main: boolean;
  proposed_by: 'evaluator' | 'employee';
  position: number;
  created_at: Defaulted<Date>;
}

export interface SkpIndicatorsTable {
  id: string;
  result_id: string;
  description: string;
  kind: 'quantitative' | 'qualitative';
  target: string;
  unit: Defaulted<string>;
  position: number;
}

export interface SkpBehavioursTable {
  plan_id: string;
  value: string;
  expectation: Defaulted<string>;
}

export interface SkpEvaluationsTable {
  id: string;
  plan_id: string;
  period: 'q1' | 'q2' | 'q3' | 'q4' | 'annual';
  evaluator_id: string | null;
  organization_id: string;
  year: number;
  source: Defaulted<'merit' | 'import'>;
  rating_results: Rating;
  rating_behaviour: Rating;
  predikat: Predikat;
  result_ratings: Json<Record<string, Rating>>;
  behaviour_ratings: Json<Record<string, Rating>>;
  realisations: Json<Record<string, string>>;
  note: Defaulted<string>;
  status: 'draft' | 'final';
  finalised_at: Timestamp | null;
  finalised_by: string | null;
  updated_at: Timestamp;
}

export interface SkpNotesTable {
  id: string;
  result_id: string;
  author_account_id: string;
  author_side: 'employee' | 'evaluator';
  kind: 'feedback' | 'link' | 'file';
  body: Defaulted<string>;
  url: string | null;
  file_key: string | null;
  file_mime: string | null;
  file_size: number | null;
  created_at: Timestamp;
}

export interface PoliciesTable {
  id: string;
  number: string;
  title: string;
  issued_on: string;
  issuer: 'kemenpanrb' | 'bkn' | 'lan' | 'kemendagri' | 'presiden' | 'pemprov' | 'lainnya';
  summary: Defaulted<string>;
  created_by: string | null;
  created_at: Defaulted<Date>;
}

export interface PolicyActionsTable {
  id: string;
  policy_id: string;
  title: string;
  organization_id: string;
  position: number;
  created_at: Defaulted<Date>;
}

export interface PolicyMilestonesTable {
  id: string;
  action_id: string;
  title: string;
  due_on: string;
  status: 'planned' | 'in_progress' | 'done';
  done_on: string | null;
  evidence_url: string | null;
  evidence_public: Defaulted<boolean>;
  late_answer: string | null;
  late_answered_at: Timestamp | null;
  position: number;
  updated_at: Timestamp;
}

export interface PerformanceTables {
  performance_rule_sets: PerformanceRuleSetsTable;
  organization_predikats: OrganizationPredikatsTable;
  skp_plans: SkpPlansTable;
  skp_results: SkpResultsTable;
  skp_indicators: SkpIndicatorsTable;
  skp_behaviours: SkpBehavioursTable;
  skp_evaluations: SkpEvaluationsTable;
  skp_notes: SkpNotesTable;
  policies: PoliciesTable;
  policy_actions: PolicyActionsTable;
  policy_milestones: PolicyMilestonesTable;
}
