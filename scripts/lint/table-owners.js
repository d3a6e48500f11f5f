/**
 * Who owns each table (issue #25, point 3): the module whose repositories create and write it,
 * from the migration that made it. 'platform' tables belong to server/src/platform (or db/): no
 * module names them; modules call the platform's functions. A module reads another's table only
 * through the owner's named read functions (x.reads.ts) or an entry in table-allowlist.js.
 * Checked by the lint rule merit/own-tables (eslint.config.js). A new table gets a line here.
 */
export const TABLE_OWNERS = {
  // platform: migrations, the shared throttle, mail, notifications, holidays, file store, reference data
  schema_migrations: 'platform', // db/migrate.ts
  throttle_events: 'platform', // platform/throttle.ts
  outbox_emails: 'platform', // platform/mailer.ts
  notifications: 'platform', // platform/notifications.ts
  holidays: 'platform', // platform/holidays.ts
  holiday_years: 'platform', // platform/holidays.ts
  file_store_marks: 'platform', // platform/file-store-check.ts
  organizations: 'platform', // the city's units (OPD): seeded reference data no module writes

  // identity (0001, 0012, 0025 sign-ins)
  accounts: 'identity',
  sessions: 'identity',
  account_tokens: 'identity',
  sign_ins: 'identity',

  // transparency (0001)
  audit_events: 'transparency',
  audit_keys: 'transparency',
  audit_checkpoints: 'transparency',

  // recruitment (0002, 0016)
  recruitment_periods: 'recruitment',
  period_verifiers: 'recruitment',
  period_committee_members: 'recruitment',
  formations: 'recruitment',
  applicant_profiles: 'recruitment',
  applications: 'recruitment',
  application_documents: 'recruitment',
  application_events: 'recruitment',
  announcements: 'recruitment',
  objections: 'recruitment',
  exam_sites: 'recruitment',
  exam_sessions: 'recruitment',
  exam_assignments: 'recruitment',

  // selection (0004)
  threshold_rule_sets: 'selection',
  skd_scores: 'selection',
  skb_weights: 'selection',
  skb_scores: 'selection',
  result_publications: 'selection',
  publication_files: 'selection',
  selection_settings: 'selection',

  // exam (0005, 0012, 0017, 0018, 0025)
  items: 'exam',
  item_versions: 'exam',
  item_images: 'exam',
  blueprints: 'exam',
  cat_sessions: 'exam',
  attempts: 'exam',
  answers: 'exam',
  time_grants: 'exam',
  device_approvals: 'exam',
  incidents: 'exam',
  exam_session_proctors: 'exam',
  cat_sign_in_sources: 'exam',
  assessment_attempts: 'exam', // 0018: training pre/post tests run on the exam engine
  assessment_answers: 'exam',

  // development (0009, 0010, 0011, 0013, 0018)
  employees: 'development',
  training_partners: 'development',
  training_programs: 'development',
  training_batches: 'development',
  enrollments: 'development',
  jp_ledger: 'development',
  jp_claims: 'development',
  training_meetings: 'development',
  training_attendance: 'development',
  training_certificate_counters: 'development',
  training_certificates: 'development',
  training_feedback: 'development',
  batch_tests: 'development',

  // performance (0014)
  performance_rule_sets: 'performance',
  organization_predikats: 'performance',
  skp_plans: 'performance',
  skp_results: 'performance',
  skp_indicators: 'performance',
  skp_behaviours: 'performance',
  skp_evaluations: 'performance',
  skp_notes: 'performance',

  // policy (0014)
  policies: 'policy',
  policy_actions: 'policy',
  policy_milestones: 'policy',

  // participation (0015)
  participation_settings: 'participation',
  complaints: 'participation',
  complaint_events: 'participation',
  complaint_attachments: 'participation',
  complaint_steps: 'participation',
  participation_challenges_used: 'participation',
  service_units: 'participation',
  survey_responses: 'participation',
  observer_accreditations: 'participation',
  observer_findings: 'participation',
  consultations: 'participation',
  consultation_sections: 'participation',
  consultation_comments: 'participation',
  forums: 'participation',
  forum_registrations: 'participation',
  forum_actions: 'participation',

  // home (0020)
  reminders_sent: 'home',
  notification_preferences: 'home',

  // professionalism (0027)
  education_records: 'professionalism',
  education_corrections: 'professionalism',
  competency_records: 'professionalism',
  discipline_records: 'professionalism',
  ip_asn_instruments: 'professionalism',
  ip_asn_years: 'professionalism',
  ip_asn_results: 'professionalism',
  ip_asn_details: 'professionalism',
  ip_asn_official: 'professionalism',
};

/**
 * Reference data every module may read (join for a unit's name, filter by unit), though only its
 * owner writes it: the city's units are seeded and change by migration, not by any module.
 */
export const SHARED_READ_TABLES = new Set(['organizations']);
