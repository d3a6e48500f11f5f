/** Kysely table types: one interface per table, mirroring server/migrations. */
import type { ColumnType, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type Role =
  | 'admin'
  | 'committee'
  | 'verifier'
  | 'proctor'
  | 'training_admin'
  | 'supervisor'
  | 'employee'
  | 'observer'
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

export interface DB {
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
}

export type Account = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
