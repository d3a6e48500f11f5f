/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type {
  OrganizationPredikatsTable,
  PerformanceRuleSetsTable,
  PerformanceTables,
  PoliciesTable,
  PolicyActionsTable,
  PolicyMilestonesTable,
  SkpBehavioursTable,
  SkpEvaluationsTable,
  SkpIndicatorsTable,
  SkpNotesTable,
  SkpPlansTable,
  SkpResultsTable,
} from './schema.ts';
