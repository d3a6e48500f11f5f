/** Kysely table types for migration 0025 (issue 24 §1, address blocks); merged into DB in schema.ts. */
import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CatSignInSourcesTable {
  session_id: string;
  address: string;
  first_at: Timestamp;
}

export interface SignInSourcesTables {
  cat_sign_in_sources: CatSignInSourcesTable;
}
