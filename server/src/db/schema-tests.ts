/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type {
  AssessmentAnswersTable,
  AssessmentAttemptsTable,
  BatchTestsTable,
  TrainingTestsTables,
} from './schema.ts';
