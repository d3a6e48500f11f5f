-- Activities outside Merit's own training that count toward the 20 JP (RULES.md §3.3: seminars,
-- coaching, mentoring, e-learning, benchmarking …): the employee reports them with evidence, their
-- supervisor (or BKPSDM) approves; only an approved claim posts JP to the ledger.
create table jp_claims (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  kind text not null check (kind in ('seminar', 'coaching', 'mentoring', 'elearning', 'benchmarking', 'pelatihan_jarak_jauh', 'belajar_mandiri', 'lainnya')),
  title text not null,
  organizer text not null,
  held_on date not null,
  minutes integer not null check (minutes between 45 and 60000),
  evidence_url text not null,
  status text not null check (status in ('submitted', 'approved', 'rejected')),
  submitted_at timestamptz not null,
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  decision_note text
);
create index jp_claims_employee_idx on jp_claims (employee_id, submitted_at desc);
create index jp_claims_status_idx on jp_claims (status, submitted_at);
alter table jp_ledger add column claim_id uuid unique references jp_claims (id);
