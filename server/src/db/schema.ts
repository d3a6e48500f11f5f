/** Kysely table types: one interface per table, mirroring server/migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DevelopmentCompletionTables } from './schema-development.ts';
import type { TrainingTestsTables } from './schema-tests.ts';
import type { HardeningTables } from './schema-hardening.ts';
import type { PerformanceTables } from './schema-performance.ts';
import type { ParticipationTables } from './schema-participation.ts';
import type { ReminderTables } from './schema-reminders.ts';
import type { SignInSourcesTables } from './schema-sign-in-sources.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

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

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  kind: string;
  created_at: CreatedAt;
}

export interface AccountsTable {
  id: string;
  email: string;
  email_normalized: string;
  password_hash: string;
  role: Role;
  full_name: string;
  phone: string | null;
  nik: string | null;
  birth_place: string | null;
  birth_date: string | null;
  gender: 'L' | 'P' | null;
  organization_id: string | null;
  email_verified_at: Timestamp | null;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionsTable {
  id_hash: string;
  account_id: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
}

export interface AccountTokensTable {
  token_hash: string;
  account_id: string;
  purpose: 'verify_email' | 'reset_password';
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
  /** Migration 0012: the admin who caused the token (staff activation); null = the person asked. */
  issued_by: ColumnType<string | null, string | null | undefined, never>;
}

export interface ThrottleEventsTable {
  key: string;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface OutboxEmailsTable {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  transport: 'outbox' | 'smtp';
  /** When an instance took the message to send it (see Mailer.deliverPending). */
  claimed_at: Timestamp | null;
  sent_at: Timestamp | null;
  error: string | null;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  seq: number;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditKeysTable {
  key_id: string;
  public_key_pem: string;
  created_at: CreatedAt;
}

export interface AuditCheckpointsTable {
  tree_size: number;
  root_hash: string;
  key_id: string;
  signature: string;
  created_at: CreatedAt;
}

export interface HolidaysTable {
  day: string;
  name: string;
  kind: ColumnType<'libur_nasional' | 'cuti_bersama', 'libur_nasional' | 'cuti_bersama' | undefined, 'libur_nasional' | 'cuti_bersama'>;
  /** Set when the day was added or changed after its year's list was loaded (migration 0021). */
  amended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A year whose SKB 3 Menteri list is loaded (migration 0021). */
export interface HolidayYearsTable {
  year: number;
  skb_reference: string;
  skb_date: string | null;
  loaded_by: string | null;
  loaded_at: ColumnType<Date, Date | string, Date | string>;
  amended_by: string | null;
  amended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface StageWindow {
  start: string; // ISO instant
  end: string;
}
export type StageName = 'registration' | 'verification' | 'announcement' | 'objection' | 'objection_response' | 'reannouncement' | 'exam';
export type Stages = Partial<Record<StageName, StageWindow>>;

export interface RecruitmentPeriodsTable {
  id: string;
  code: string;
  name: string;
  year: number;
  type: 'CPNS' | 'PPPK';
  rule_set: ColumnType<unknown, string, string>;
  stages: ColumnType<Stages, string, string>;
  age_cutoff_date: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PeriodVerifiersTable {
  period_id: string;
  account_id: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
}

export interface ItemImagesTable {
  id: string;
  file_key: string;
  mime: 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  uploaded_by: string | null;
  uploaded_at: CreatedAt;
}

export interface PeriodCommitteeMembersTable {
  period_id: string;
  account_id: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
}

export interface FormationsTable {
  id: string;
  period_id: string;
  code: string;
  organization_id: string;
  jabatan: string;
  education_levels: string[];
  majors: ColumnType<string[], string[] | undefined, string[]>;
  need_type: string;
  quota: number;
  placement: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApplicantProfilesTable {
  account_id: string;
  data: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ApplicationStatus = 'draft' | 'submitted' | 'ms' | 'tms' | 'objection_filed' | 'tms_final' | 'withdrawn';

export interface ApplicationsTable {
  id: string;
  period_id: string;
  applicant_id: string;
  formation_id: string;
  registration_no: string;
  status: ApplicationStatus;
  biodata: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: Timestamp | null;
  verifier_id: string | null;
  proposed_verdict: 'ms' | 'tms' | null;
  proposed_reasons: ColumnType<unknown, string | null | undefined, string | null>;
  proposed_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  published_result: 'ms' | 'tms' | null;
  published_at: Timestamp | null;
  participant_no: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ApplicationDocumentsTable {
  application_id: string;
  kind: string;
  file_key: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  original_name: string | null;
  uploaded_at: Timestamp;
  verdict: 'ms' | 'tms' | null;
  reason_code: string | null;
  reason_text: string | null;
  verified_by: string | null;
  verified_at: Timestamp | null;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: string;
  occurred_at: Timestamp;
  status: string;
  note_id: string;
  note_en: string;
}

export interface AnnouncementsTable {
  id: string;
  period_id: string;
  stage: 'administration' | 'reannouncement';
  status: 'proposed' | 'published' | 'rejected';
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  note: string | null;
  summary: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface ObjectionsTable {
  id: string;
  application_id: string;
  filed_at: Timestamp;
  deadline_at: Timestamp;
  reason: string;
  evidence_key: string | null;
  evidence_mime: string | null;
  status: 'filed' | 'accepted' | 'rejected';
  response: string | null;
  responded_by: string | null;
  responded_at: Timestamp | null;
  announced_at: Timestamp | null;
}

export interface ExamSitesTable {
  id: string;
  period_id: string;
  name: string;
  address: string;
  accessible: boolean;
}

export interface ExamSessionsTable {
  id: string;
  site_id: string;
  starts_at: Timestamp;
  duration_minutes: number;
  capacity: number;
}

export interface ExamAssignmentsTable {
  application_id: string;
  session_id: string;
  seat: number;
  extra_minutes: number;
}

export interface NotificationsTable {
  id: string;
  account_id: string;
  created_at: CreatedAt;
  title: string;
  body: string;
  read_at: Timestamp | null;
}

export interface ItemsTable {
  id: string;
  current_version: number;
  created_by: string | null;
  created_at: CreatedAt;
  retired_at: Timestamp | null;
}

export interface ItemVersionsTable {
  item_id: string;
  version: number;
  exam_type: string;
  subtest: string;
  category: string;
  content: ColumnType<unknown, string, string>;
  first_delivered_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BlueprintsTable {
  id: string;
  name: string;
  exam_type: string;
  content: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CatSessionsTable {
  session_id: string;
  blueprint_id: string;
  token_hash: string;
  opened_at: Timestamp;
  opened_by: string | null;
  closed_at: Timestamp | null;
  closed_by: string | null;
  grace_seconds: ColumnType<number, number | undefined, number>;
}

export interface AttemptsTable {
  id: string;
  session_id: string;
  application_id: string;
  form_seed: string;
  form: ColumnType<unknown, string, string>;
  started_at: Timestamp;
  deadline_at: Timestamp;
  extra_minutes: number;
  status: 'in_progress' | 'submitted';
  submitted_at: Timestamp | null;
  submitted_by: 'participant' | 'server' | null;
  device_hash: string;
  last_seen_at: Timestamp;
  score: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface AnswersTable {
  attempt_id: string;
  item_id: string;
  chosen: string | null;
  seq: number;
  flagged: boolean;
  saved_at: Timestamp;
}

export interface TimeGrantsTable {
  id: Generated<number>;
  attempt_id: string;
  minutes: number;
  reason: string;
  granted_by: string | null;
  at: Timestamp;
}

export interface DeviceApprovalsTable {
  id: Generated<number>;
  attempt_id: string;
  approved_by: string | null;
  approved_at: Timestamp;
  used_at: Timestamp | null;
}

export interface IncidentsTable {
  id: Generated<number>;
  session_id: string;
  attempt_id: string | null;
  application_id: string | null;
  kind: string;
  detail: string;
  at: Timestamp;
}

// ── selection ──
export interface ThresholdRuleSetsTable {
  year: number;
  regulation: string;
  rules: ColumnType<unknown, string, string>;
  uncertain: ColumnType<unknown, string | undefined, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SkdScoresTable {
  application_id: string;
  period_id: string;
  twk: number | null;
  tiu: number | null;
  tkp: number | null;
  /** cat: scored (or seen absent) by a CAT session; import: skd.csv; absence: recorded by the committee. */
  source: 'cat' | 'import' | 'absence';
  session_id: string | null;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SkbWeightsTable {
  formation_id: string;
  components: ColumnType<unknown, string, string>;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SkbScoresTable {
  application_id: string;
  period_id: string;
  components: ColumnType<unknown, string | null, string | null>;
  skb_hundredths: number | null;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ResultPublicationsTable {
  id: string;
  period_id: string;
  stage: 'skd' | 'final';
  version: number;
  status: 'proposed' | 'published' | 'rejected';
  reason: string | null;
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface SelectionSettingsTable {
  period_id: string;
  optimalisasi: boolean;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PublicationFilesTable {
  publication_id: string;
  name: string;
  content: string;
  sha256: string;
}

export interface EmployeesTable {
  id: string;
  nip: string;
  status: 'CPNS' | 'PNS' | 'PPPK';
  full_name: string;
  gender: 'L' | 'P';
  /** `date` columns come back as 'YYYY-MM-DD' text (see db/database.ts type parsers). */
  birth_date: string;
  tmt: string;
  organization_id: string;
  unit: string;
  jabatan_kind: 'struktural' | 'fungsional' | 'pelaksana';
  jabatan: string;
  jenjang: string;
  golongan: string;
  supervisor_id: string | null;
  account_id: string | null;
  application_id: string | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TrainingPartnersTable {
  id: string;
  name: string;
  kind: 'universitas' | 'pemerintah' | 'lembaga_diklat' | 'lainnya';
  created_at: CreatedAt;
}

export interface TrainingProgramsTable {
  id: string;
  code: string;
  title: string;
  kind: 'latsar' | 'orientasi_pppk' | 'pkp' | 'pka' | 'pkn' | 'teknis' | 'fungsional' | 'seminar' | 'elearning';
  competency_area: string;
  jp: number;
  modality: 'klasikal' | 'blended' | 'daring';
  partner_id: string | null;
  eligibility: ColumnType<unknown, string, string>;
  cost_rupiah: ColumnType<number, number, number>;
  description: string;
  created_by: string | null;
  created_at: CreatedAt;
  /** Migration 0013: the completion rule. */
  min_attendance_pct: Generated<number>;
  post_test_pass: number | null;
  assignment_required: Generated<boolean>;
}

export interface TrainingBatchesTable {
  id: string;
  program_id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  venue: string;
  facilitators: string;
  capacity: number;
  status: 'open' | 'closed' | 'cancelled';
  created_at: CreatedAt;
}

export interface EnrollmentsTable {
  id: string;
  batch_id: string;
  employee_id: string;
  status: 'enrolled' | 'waitlisted' | 'cancelled' | 'completed' | 'not_completed';
  source: 'nomination' | 'bkpsdm' | 'appointment';
  requested_at: Timestamp;
  requested_by: string | null;
  updated_at: Timestamp;
  /** Migration 0013: test scores (0–100) and the assignment. */
  pre_test_score: number | null;
  post_test_score: number | null;
  assignment_done: Generated<boolean>;
}

export interface JpLedgerTable {
  id: string;
  employee_id: string;
  year: number;
  jp: number;
  source: 'training' | 'claim';
  enrollment_id: string | null;
  claim_id: string | null;
  title: string;
  recorded_at: Timestamp;
}

export interface JpClaimsTable {
  id: string;
  employee_id: string;
  kind: 'seminar' | 'coaching' | 'mentoring' | 'elearning' | 'benchmarking' | 'pelatihan_jarak_jauh' | 'belajar_mandiri' | 'lainnya';
  title: string;
  organizer: string;
  held_on: string;
  minutes: number;
  evidence_url: string;
  status: 'submitted' | 'approved' | 'rejected';
  submitted_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
}

export interface DB extends HardeningTables, DevelopmentCompletionTables, TrainingTestsTables, PerformanceTables, ParticipationTables, ReminderTables, SignInSourcesTables {
  schema_migrations: SchemaMigrationsTable;
  organizations: OrganizationsTable;
  accounts: AccountsTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  throttle_events: ThrottleEventsTable;
  outbox_emails: OutboxEmailsTable;
  audit_events: AuditEventsTable;
  audit_keys: AuditKeysTable;
  audit_checkpoints: AuditCheckpointsTable;
  holidays: HolidaysTable;
  holiday_years: HolidayYearsTable;
  recruitment_periods: RecruitmentPeriodsTable;
  formations: FormationsTable;
  period_verifiers: PeriodVerifiersTable;
  period_committee_members: PeriodCommitteeMembersTable;
  item_images: ItemImagesTable;
  applicant_profiles: ApplicantProfilesTable;
  applications: ApplicationsTable;
  application_documents: ApplicationDocumentsTable;
  application_events: ApplicationEventsTable;
  announcements: AnnouncementsTable;
  objections: ObjectionsTable;
  exam_sites: ExamSitesTable;
  exam_sessions: ExamSessionsTable;
  exam_assignments: ExamAssignmentsTable;
  notifications: NotificationsTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  blueprints: BlueprintsTable;
  cat_sessions: CatSessionsTable;
  attempts: AttemptsTable;
  answers: AnswersTable;
  time_grants: TimeGrantsTable;
  device_approvals: DeviceApprovalsTable;
  incidents: IncidentsTable;
  threshold_rule_sets: ThresholdRuleSetsTable;
  skd_scores: SkdScoresTable;
  employees: EmployeesTable;
  training_partners: TrainingPartnersTable;
  training_programs: TrainingProgramsTable;
  training_batches: TrainingBatchesTable;
  enrollments: EnrollmentsTable;
  jp_ledger: JpLedgerTable;
  jp_claims: JpClaimsTable;
  skb_weights: SkbWeightsTable;
  skb_scores: SkbScoresTable;
  result_publications: ResultPublicationsTable;
  publication_files: PublicationFilesTable;
  selection_settings: SelectionSettingsTable;
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
