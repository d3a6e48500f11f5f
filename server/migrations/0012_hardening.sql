-- Issue 15 (hardening).

-- Sign-ins and sign-outs: kept for the platform's own security review, never in the public
-- audit log (an account's sign-in timeline is personal data, not a public event).
create table sign_ins (
  account_id uuid not null references accounts (id),
  kind text not null,                         -- 'login' | 'logout'
  at timestamptz not null
);
create index sign_ins_account_idx on sign_ins (account_id, at);

-- Who caused a one-time token (an admin creating a staff account; null = the person asked for it),
-- so that using it is recorded truthfully.
alter table account_tokens add column issued_by uuid references accounts (id);

-- Proctors (pengawas) assigned per exam session by the committee: a proctor acts only on these.
create table exam_session_proctors (
  session_id uuid not null references exam_sessions (id),
  proctor_id uuid not null references accounts (id),
  assigned_by uuid references accounts (id),
  assigned_at timestamptz not null,
  primary key (session_id, proctor_id)
);
create index exam_session_proctors_proctor_idx on exam_session_proctors (proctor_id);
