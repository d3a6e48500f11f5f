/**
 * The database's types for Kysely: `DB` is generated from the migrations (db/generated.ts, by
 * kysely-codegen; `npm run db:types`), with the narrower column types of db/column-types.ts
 * applied through db/codegen-overrides.ts. The per-table names below keep existing imports working.
 */
import type { Insertable, Selectable } from 'kysely';
import type { DB } from './generated.ts';

export type { DB } from './generated.ts';
export type * from './column-types.ts';

export type AccountTokensTable = DB['account_tokens'];
export type AccountsTable = DB['accounts'];
export type AnnouncementsTable = DB['announcements'];
export type AnswersTable = DB['answers'];
export type ApplicantProfilesTable = DB['applicant_profiles'];
export type ApplicationDocumentsTable = DB['application_documents'];
export type ApplicationEventsTable = DB['application_events'];
export type ApplicationsTable = DB['applications'];
export type AssessmentAnswersTable = DB['assessment_answers'];
export type AssessmentAttemptsTable = DB['assessment_attempts'];
export type AttemptsTable = DB['attempts'];
export type AuditCheckpointsTable = DB['audit_checkpoints'];
export type AuditEventsTable = DB['audit_events'];
export type AuditKeysTable = DB['audit_keys'];
export type BatchTestsTable = DB['batch_tests'];
export type BlueprintsTable = DB['blueprints'];
export type CatSessionsTable = DB['cat_sessions'];
export type CatSignInSourcesTable = DB['cat_sign_in_sources'];
export type ComplaintAttachmentsTable = DB['complaint_attachments'];
export type ComplaintEventsTable = DB['complaint_events'];
export type ComplaintStepsTable = DB['complaint_steps'];
export type ComplaintsTable = DB['complaints'];
export type ConsultationCommentsTable = DB['consultation_comments'];
export type ConsultationSectionsTable = DB['consultation_sections'];
export type ConsultationsTable = DB['consultations'];
export type DeviceApprovalsTable = DB['device_approvals'];
export type EmployeesTable = DB['employees'];
export type EnrollmentsTable = DB['enrollments'];
export type ExamAssignmentsTable = DB['exam_assignments'];
export type ExamSessionProctorsTable = DB['exam_session_proctors'];
export type ExamSessionsTable = DB['exam_sessions'];
export type ExamSitesTable = DB['exam_sites'];
export type FormationsTable = DB['formations'];
export type ForumActionsTable = DB['forum_actions'];
export type ForumRegistrationsTable = DB['forum_registrations'];
export type ForumsTable = DB['forums'];
export type HolidayYearsTable = DB['holiday_years'];
export type HolidaysTable = DB['holidays'];
export type IncidentsTable = DB['incidents'];
export type ItemImagesTable = DB['item_images'];
export type ItemVersionsTable = DB['item_versions'];
export type ItemsTable = DB['items'];
export type JpClaimsTable = DB['jp_claims'];
export type JpLedgerTable = DB['jp_ledger'];
export type NotificationPreferencesTable = DB['notification_preferences'];
export type NotificationsTable = DB['notifications'];
export type ObjectionsTable = DB['objections'];
export type ObserverAccreditationsTable = DB['observer_accreditations'];
export type ObserverFindingsTable = DB['observer_findings'];
export type OrganizationPredikatsTable = DB['organization_predikats'];
export type OrganizationsTable = DB['organizations'];
export type OutboxEmailsTable = DB['outbox_emails'];
export type ParticipationChallengesUsedTable = DB['participation_challenges_used'];
export type ParticipationSettingsTable = DB['participation_settings'];
export type PerformanceRuleSetsTable = DB['performance_rule_sets'];
export type PeriodCommitteeMembersTable = DB['period_committee_members'];
export type PeriodVerifiersTable = DB['period_verifiers'];
export type PoliciesTable = DB['policies'];
export type PolicyActionsTable = DB['policy_actions'];
export type PolicyMilestonesTable = DB['policy_milestones'];
export type PublicationFilesTable = DB['publication_files'];
export type RecruitmentPeriodsTable = DB['recruitment_periods'];
export type RemindersSentTable = DB['reminders_sent'];
export type ResultPublicationsTable = DB['result_publications'];
export type SchemaMigrationsTable = DB['schema_migrations'];
export type SelectionSettingsTable = DB['selection_settings'];
export type ServiceUnitsTable = DB['service_units'];
export type SessionsTable = DB['sessions'];
export type SignInsTable = DB['sign_ins'];
export type SkbScoresTable = DB['skb_scores'];
export type SkbWeightsTable = DB['skb_weights'];
export type SkdScoresTable = DB['skd_scores'];
export type SkpBehavioursTable = DB['skp_behaviours'];
export type SkpEvaluationsTable = DB['skp_evaluations'];
export type SkpIndicatorsTable = DB['skp_indicators'];
export type SkpNotesTable = DB['skp_notes'];
export type SkpPlansTable = DB['skp_plans'];
export type SkpResultsTable = DB['skp_results'];
export type SurveyResponsesTable = DB['survey_responses'];
export type ThresholdRuleSetsTable = DB['threshold_rule_sets'];
export type ThrottleEventsTable = DB['throttle_events'];
export type TimeGrantsTable = DB['time_grants'];
export type TrainingAttendanceTable = DB['training_attendance'];
export type TrainingBatchesTable = DB['training_batches'];
export type TrainingCertificateCountersTable = DB['training_certificate_counters'];
export type TrainingCertificatesTable = DB['training_certificates'];
export type TrainingFeedbackTable = DB['training_feedback'];
export type TrainingMeetingsTable = DB['training_meetings'];
export type TrainingPartnersTable = DB['training_partners'];
export type TrainingProgramsTable = DB['training_programs'];

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

/** Groups of tables some modules name (kept from the hand-written files). */
export type DevelopmentCompletionTables = Pick<
  DB,
  | 'training_meetings'
  | 'training_attendance'
  | 'training_certificate_counters'
  | 'training_certificates'
  | 'training_feedback'
>;
export type HardeningTables = Pick<DB, 'sign_ins' | 'exam_session_proctors'>;
export type ParticipationTables = Pick<
  DB,
  | 'participation_settings'
  | 'complaints'
  | 'complaint_events'
  | 'complaint_attachments'
  | 'complaint_steps'
  | 'participation_challenges_used'
  | 'service_units'
  | 'survey_responses'
  | 'observer_accreditations'
  | 'observer_findings'
> &
  ConsultationTables &
  ForumTables;
export type ConsultationTables = Pick<DB, 'consultations' | 'consultation_sections' | 'consultation_comments'>;
export type ForumTables = Pick<DB, 'forums' | 'forum_registrations' | 'forum_actions'>;
export type PerformanceTables = Pick<
  DB,
  | 'performance_rule_sets'
  | 'organization_predikats'
  | 'skp_plans'
  | 'skp_results'
  | 'skp_indicators'
  | 'skp_behaviours'
  | 'skp_evaluations'
  | 'skp_notes'
  | 'policies'
  | 'policy_actions'
  | 'policy_milestones'
>;
export type ReminderTables = Pick<DB, 'reminders_sent' | 'notification_preferences'>;
export type SignInSourcesTables = Pick<DB, 'cat_sign_in_sources'>;
export type TrainingTestsTables = Pick<DB, 'assessment_attempts' | 'assessment_answers' | 'batch_tests'>;
