-- Training (RULES.md §3): partner institutions, programmes with their JP and eligibility, batches
-- (angkatan) with capacity, enrolments with a waitlist, and the JP ledger each completed
-- activity posts to (the ≥ 20 JP a year right, PP 17/2020 Pasal 203(4); 1 JP = 45 minutes).
create table training_partners (
  id text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
  name text not null,
  kind text not null check (kind in ('universitas', 'pemerintah', 'lembaga_diklat', 'lainnya')),
  created_at timestamptz not null default now()
);

create table training_programs (
  id uuid primary key,
  code text not null unique,
  title text not null,
  kind text not null check (kind in ('latsar', 'orientasi_pppk', 'pkp', 'pka', 'pkn', 'teknis', 'fungsional', 'seminar', 'elearning')),
  competency_area text not null,
  jp integer not null check (jp between 1 and 2000),
  modality text not null check (modality in ('klasikal', 'blended', 'daring')),
  partner_id text references training_partners (id),
  eligibility jsonb not null default '{}',   -- { statuses?: [], jabatanKinds?: [], organizationIds?: [] }
  cost_rupiah bigint not null default 0 check (cost_rupiah >= 0),
  description text not null default '',
  created_by uuid references accounts (id),
  created_at timestamptz not null default now()
);

create table training_batches (
  id uuid primary key,
  program_id uuid not null references training_programs (id),
  name text not null,
  starts_on date not null,
  ends_on date not null,
  venue text not null,
  facilitators text not null default '',
  capacity integer not null check (capacity between 1 and 10000),
  status text not null default 'open' check (status in ('open', 'closed', 'cancelled')),
  created_at timestamptz not null default now(),
  check (ends_on >= starts_on),
  unique (program_id, name)
);

create table enrollments (
  id uuid primary key,
  batch_id uuid not null references training_batches (id),
  employee_id uuid not null references employees (id),
  status text not null check (status in ('enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed')),
  source text not null check (source in ('nomination', 'bkpsdm', 'appointment')),
  requested_at timestamptz not null,
  requested_by uuid references accounts (id),
  updated_at timestamptz not null,
  unique (batch_id, employee_id)
);
create index enrollments_batch_idx on enrollments (batch_id, status, requested_at);
create index enrollments_employee_idx on enrollments (employee_id);

-- One row per JP-earning activity; a completed enrolment posts exactly one.
create table jp_ledger (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  year integer not null,
  jp integer not null check (jp > 0),
  source text not null check (source in ('training', 'claim')),
  enrollment_id uuid unique references enrollments (id),
  title text not null,
  recorded_at timestamptz not null
);
create index jp_ledger_year_idx on jp_ledger (year, employee_id);
