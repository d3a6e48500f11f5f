-- Foundation: organizations (OPD), accounts and sessions, one-time tokens, throttling,
-- the e-mail outbox, and the hash-chained audit log with signed Merkle checkpoints.

create table organizations (
  id text primary key,                      -- short stable code, e.g. 'bkpsdm'
  name text not null,
  kind text not null,                       -- sekretariat | inspektorat | badan | dinas | satpol | rsud | kecamatan
  created_at timestamptz not null default now()
);

create table accounts (
  id uuid primary key,
  email text not null,
  email_normalized text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin', 'committee', 'verifier', 'exam_admin', 'proctor', 'training_admin',
                                     'supervisor', 'employee', 'observer', 'applicant')),
  full_name text not null,
  phone text,
  nik text unique,                          -- applicants only; never leaves through a public field
  birth_place text,
  birth_date date,
  gender text check (gender in ('L', 'P')),
  organization_id text references organizations (id),
  email_verified_at timestamptz,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index accounts_role_idx on accounts (role);

create table sessions (
  id_hash text primary key,                 -- SHA-256 of the cookie token; the token itself is never stored
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account_idx on sessions (account_id);

create table account_tokens (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index account_tokens_account_idx on account_tokens (account_id, purpose);

-- Failed logins and other throttled actions, keyed by 'login:account:<id>' or 'login:ip:<ip>'.
-- Kept in the database so that every app instance sees the same counts.
create table throttle_events (
  key text not null,
  occurred_at timestamptz not null default now()
);
create index throttle_events_key_idx on throttle_events (key, occurred_at);

create table outbox_emails (
  id uuid primary key,
  to_address text not null,
  subject text not null,
  body_text text not null,
  transport text not null,                  -- 'outbox' (kept here only) | 'smtp'
  sent_at timestamptz,
  error text,
  created_at timestamptz not null default now()
);
create index outbox_emails_created_idx on outbox_emails (created_at desc);

create table audit_events (
  seq bigint primary key,                   -- 1, 2, 3 … assigned under an advisory lock
  occurred_at timestamptz not null,
  actor_id uuid,
  actor_role text,
  action text not null,
  subject_type text not null,
  subject_id text,
  before_digest text,
  after_digest text,
  prev_hash text not null,
  hash text not null unique
);

create table audit_keys (
  key_id text primary key,                  -- SHA-256 of the raw public key, hex
  public_key_pem text not null,
  created_at timestamptz not null default now()
);

create table audit_checkpoints (
  tree_size bigint primary key,
  root_hash text not null,
  key_id text not null references audit_keys (key_id),
  signature text not null,                  -- Ed25519 over 'merit-audit-checkpoint/v1\n<size>\n<root>'
  created_at timestamptz not null default now()
);
