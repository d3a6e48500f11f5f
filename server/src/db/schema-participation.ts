/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type {
  ComplaintAttachmentsTable,
  ComplaintEventsTable,
  ComplaintStatusColumn,
  ComplaintStepsTable,
  ComplaintsTable,
  ConsultationCommentsTable,
  ConsultationSectionsTable,
  ConsultationTables,
  ConsultationsTable,
  ForumActionsTable,
  ForumRegistrationsTable,
  ForumTables,
  ForumsTable,
  ObserverAccreditationsTable,
  ObserverFindingsTable,
  ParticipationChallengesUsedTable,
  ParticipationSettingsTable,
  ParticipationTables,
  ServiceUnitsTable,
  SurveyResponsesTable
} from './schema.ts';
