-- Pre-tests and post-tests of trainings on the CAT engine (issue 12). The exam module's assessment
-- attempts are its own (recruitment's `attempts` belong to exam sessions and applications): the
-- caller names each attempt with a key (development: training:<batch>:<phase>:<enrolment>), one
-- attempt per key. The form pins item versions as the CAT does; the server owns the deadline.
create table assessment_attempts (
  id uuid primary key,
  key text not null unique,
  account_id uuid not null references accounts (id),
  blueprint_id uuid not null references blueprints (id),
  form_seed text not null,
  form jsonb not null,                      -- FormItem[]: item id, pinned version, option order
  started_at timestamptz not null,
  deadline_at timestamptz not null,         -- start + the blueprint's duration
  status text not null default 'in_progress' check (status in ('in_progress', 'submitted')),
  submitted_at timestamptz,
  submitted_by text check (submitted_by in ('participant', 'server')),
  score jsonb                               -- AttemptScore + max + percent
);
create index assessment_attempts_due_idx on assessment_attempts (deadline_at) where status = 'in_progress';
create index assessment_attempts_account_idx on assessment_attempts (account_id);

create table assessment_answers (
  attempt_id uuid not null references assessment_attempts (id),
  item_id uuid not null,
  chosen text,                              -- null = cleared
  seq integer not null,
  saved_at timestamptz not null,
  primary key (attempt_id, item_id)
);

-- Which blueprint a batch's pre-test or post-test uses and when participants may start it. A phase
-- with a row here is scored by the engine only; without one the facilitator types the score.
create table batch_tests (
  batch_id uuid not null references training_batches (id),
  phase text not null check (phase in ('pre', 'post')),
  blueprint_id uuid not null references blueprints (id),
  opens_at timestamptz not null,
  closes_at timestamptz not null,
  updated_by uuid references accounts (id),
  updated_at timestamptz not null,
  check (closes_at > opens_at),
  primary key (batch_id, phase)
);
