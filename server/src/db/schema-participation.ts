/** Kysely table types for migration 0015 (issue 14, participation); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface ParticipationSettingsTable {
  id: 'default';
  sla: Json;
  bands: Json;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ComplaintStatusColumn = 'submitted' | 'disposed' | 'followed_up' | 'closed' | 'rejected';

export interface ComplaintsTable {
  id: string;
  tracking_id: string;
  kind: 'pengaduan' | 'aspirasi' | 'informasi';
  category: 'recruitment' | 'exam' | 'training' | 'service';
  title: string;
  body: string;
  privacy: 'open' | 'confidential' | 'anonymous';
  reporter_account_id: string | null;
  reporter_name: string | null;
  reporter_contact: string | null;
  organization_id: string | null;
  status: ComplaintStatusColumn;
  filed_at: Timestamp;
  filed_on: string;
  disposed_on: string | null;
  followed_up_on: string | null;
  closed_at: Timestamp | null;
  closed_reason: 'accepted' | 'expired' | 'rejected' | null;
  reopen_count: ColumnType<number, number | undefined, number>;
  escalated_status: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ComplaintEventsTable {
  id: string;
  seq: ColumnType<string, never, never>;
  complaint_id: string;
  kind: 'filed' | 'disposed' | 'rejected' | 'follow_up' | 'reporter_reply' | 'reopened' | 'accepted' | 'expired';
  author: 'reporter' | 'coordinator' | 'opd' | 'system';
  author_account_id: string | null;
  organization_id: string | null;
  body: ColumnType<string, string | undefined, string>;
  at: Timestamp;
  /** The public version after a coordinator's redaction (migration 0024); null: the original, masked. */
  body_public: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ComplaintAttachmentsTable {
  id: string;
  complaint_id: string;
  file_key: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_at: Timestamp;
}

export interface ComplaintStepsTable {
  id: string;
  complaint_id: string;
  organization_id: string;
  disposed_on: string;
  due_on: string;
  followed_up_on: string | null;
}

export interface ParticipationChallengesUsedTable {
  nonce: string;
  expires_at: Timestamp;
}

export interface ServiceUnitsTable {
  id: string;
  name: string;
  organization_id: string;
  desk: ColumnType<string, string | undefined, string>;
  period_kind: 'triwulan' | 'semester' | 'tahunan';
  unsur: Json;
  population: ColumnType<number, number | undefined, number>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SurveyResponsesTable {
  id: string;
  unit_id: string;
  period: string;
  respondent_key: string;
  scores: Json;
  gender: 'L' | 'P';
  age_band: '<20' | '20-29' | '30-39' | '40-49' | '50+';
  education: 'SD' | 'SMP' | 'SMA' | 'D3' | 'S1' | 'S2';
  occupation: 'asn' | 'tni_polri' | 'swasta' | 'wirausaha' | 'pelajar' | 'lainnya';
  suggestion: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
}

export interface ObserverAccreditationsTable {
  id: string;
  account_id: string;
  period_id: string;
  organization_name: string;
  organization_kind: 'lsm' | 'universitas' | 'pers' | 'ombudsman' | 'lainnya';
  contact_person: string;
  letter_key: string;
  letter_sha256: string;
  letter_size: number;
  status: 'pending' | 'approved' | 'refused';
  reason: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  expires_on: string | null;
  created_at: Timestamp;
}

export interface ObserverFindingsTable {
  id: string;
  accreditation_id: string;
  period_id: string;
  stage: string;
  title: string;
  body: string;
  evidence_key: string | null;
  evidence_mime: string | null;
  evidence_sha256: string | null;
  status: 'open' | 'answered';
  filed_at: Timestamp;
  filed_on: string;
  due_on: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  answered_on: string | null;
  /** The public answer after a coordinator's redaction (migration 0024); null: the answer, masked. */
  answer_public: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ParticipationTables extends ConsultationTables, ForumTables {
  participation_settings: ParticipationSettingsTable;
  complaints: ComplaintsTable;
  complaint_events: ComplaintEventsTable;
  complaint_attachments: ComplaintAttachmentsTable;
  complaint_steps: ComplaintStepsTable;
  participation_challenges_used: ParticipationChallengesUsedTable;
  service_units: ServiceUnitsTable;
  survey_responses: SurveyResponsesTable;
  observer_accreditations: ObserverAccreditationsTable;
  observer_findings: ObserverFindingsTable;
}

export interface ConsultationsTable {
  id: string;
  title: string;
  summary: string;
  period_id: string | null;
  moderation_rules: string;
  status: 'draft' | 'open' | 'final';
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  final_note: string | null;
  created_by: string;
  created_at: Timestamp;
  finalized_at: Timestamp | null;
  closed_early_at: Timestamp | null;
  closed_by: string | null;
}

export interface ConsultationSectionsTable {
  id: string;
  consultation_id: string;
  position: number;
  heading: string;
  draft_body: string;
  final_body: string | null;
  change_reason: string | null;
}

export interface ConsultationCommentsTable {
  id: string;
  consultation_id: string;
  section_id: string;
  account_id: string;
  body: string;
  status: 'visible' | 'hidden';
  hidden_reason: string | null;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  answer: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface ConsultationTables {
  consultations: ConsultationsTable;
  consultation_sections: ConsultationSectionsTable;
  consultation_comments: ConsultationCommentsTable;
}

export interface ForumsTable {
  id: string;
  title: string;
  topic: string;
  agenda: string;
  held_at: Timestamp;
  venue: string;
  mode: 'tatap_muka' | 'daring' | 'hibrida';
  capacity: number;
  status: 'scheduled' | 'held' | 'cancelled';
  minutes: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface ForumRegistrationsTable {
  forum_id: string;
  account_id: string;
  registered_at: Timestamp;
}

export interface ForumActionsTable {
  id: string;
  forum_id: string;
  description: string;
  owner: string;
  due_on: string;
  status: 'open' | 'done';
  done_at: Timestamp | null;
  done_note: string | null;
}

export interface ForumTables {
  forums: ForumsTable;
  forum_registrations: ForumRegistrationsTable;
  forum_actions: ForumActionsTable;
}
