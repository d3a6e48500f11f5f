-- Development (RULES.md §3): ASN records — the base that training, the 20 JP ledger, SKP and
-- participation build on. One row per civil servant (CPNS, PNS, PPPK) with the NIP / NI PPPK,
-- the OPD, jabatan, golongan and the supervisor (a tree: atasan langsung).
create table employees (
  id uuid primary key,
  nip text not null unique check (nip ~ '^[0-9]{18}$'),   -- NIP (CPNS/PNS) or NI PPPK, 18 digits
  status text not null check (status in ('CPNS', 'PNS', 'PPPK')),
  full_name text not null,
  gender text not null check (gender in ('L', 'P')),       -- from the NIP
  birth_date date not null,                                -- from the NIP
  tmt date not null,                                       -- TMT CPNS / PPPK
  organization_id text not null references organizations (id),
  unit text not null default '',
  jabatan_kind text not null check (jabatan_kind in ('struktural', 'fungsional', 'pelaksana')),
  jabatan text not null,
  jenjang text not null default '',
  golongan text not null,
  supervisor_id uuid references employees (id),
  account_id uuid unique references accounts (id),         -- the person's Merit account, when they have one
  application_id uuid unique references applications (id), -- the recruitment this CPNS/PPPK came from
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (supervisor_id is null or supervisor_id <> id)
);
create index employees_supervisor_idx on employees (supervisor_id);
create index employees_organization_idx on employees (organization_id, full_name);
