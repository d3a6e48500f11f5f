/** Kept so existing imports keep working: the types live in db/schema.ts (generated). */
export type { CatSignInSourcesTable, SignInSourcesTables } from './schema.ts';
