/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type { ExamSessionProctorsTable, HardeningTables, SignInsTable } from './schema.ts';
