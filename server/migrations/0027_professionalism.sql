-- Professionalism (issue 26; PROFESSIONALISM.md §1, §4): the records the IP ASN index needs
-- beside what development and performance already hold, the instrument as versioned data, and the
-- yearly results kept per instrument version.

-- Formal education per ASN (SIASN riwayat pendidikan). The highest one counts for kualifikasi.
create table education_records (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  level text not null check (level in ('sd', 'smp', 'sma', 'd1', 'd2', 'd3', 'd4', 's1', 's2', 's3')),
  institution text not null,
  major text not null default '',
  graduation_year integer not null check (graduation_year between 1950 and 2100),
  ijazah_file_key text,                       -- the ijazah PDF, through the upload check
  is_highest boolean not null default false,
  source text not null check (source in ('import', 'bkpsdm')),
  recorded_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index education_records_employee_idx on education_records (employee_id, graduation_year desc);
create unique index education_records_one_highest on education_records (employee_id) where is_highest;

-- An employee's proposed correction of their education history, with evidence; BKPSDM decides.
create table education_corrections (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  education_record_id uuid references education_records (id) on delete set null,  -- null: a missing record
  proposal text not null,
  evidence_file_key text not null,
  status text not null check (status in ('submitted', 'accepted', 'rejected')),
  submitted_at timestamptz not null default now(),
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  decision_note text
);
create index education_corrections_status_idx on education_corrections (status, submitted_at);
create index education_corrections_employee_idx on education_corrections (employee_id, submitted_at desc);

-- Competency history from before Merit (or from outside it), imported from a sheet or entered by
-- BKPSDM. Merit's own completions and approved JP claims are read from development, not copied.
create table competency_records (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  kind text not null check (kind in ('kepemimpinan', 'fungsional', 'teknis', 'seminar')),
  leadership_level text check (leadership_level in ('pkn_i', 'pkn_ii', 'pka', 'pkp')),
  matches_jabatan boolean,                    -- fungsional: the course of the JF held
  title text not null,
  organizer text not null default '',
  started_on date,
  completed_on date not null,
  jp integer check (jp between 1 and 2000),
  source text not null check (source in ('import', 'bkpsdm')),
  recorded_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  check ((kind = 'kepemimpinan') = (leadership_level is not null)),
  check (started_on is null or started_on <= completed_on)
);
create index competency_records_employee_idx on competency_records (employee_id, completed_on desc);

-- Hukuman disiplin (PP 94/2021; SIASN riwayat hukdis, §4.6). Entered by BKPSDM only; never public.
create table discipline_records (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  kind text not null,                         -- PunishmentKind (domain/discipline.ts)
  level text not null check (level in ('ringan', 'sedang', 'berat')),
  reason text not null,
  sk_number text not null,
  sk_date date not null,
  imposed_by text not null,                   -- the official who imposed it (name and jabatan)
  start_on date not null,
  end_on date,                                -- null: no term (teguran, pernyataan) or permanent
  sk_file_key text,                           -- the SK as PDF
  -- upaya administratif (PP 79/2021): keberatan or banding, and its outcome
  objection_status text not null default 'none'
    check (objection_status in ('none', 'filed', 'upheld', 'reduced', 'cancelled')),
  objection_filed_on date,
  objection_decided_on date,
  objection_note text,
  cancelled boolean not null default false,   -- an SK cancelled (by objection or court) does not count
  recorded_by uuid not null references accounts (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (employee_id, sk_number),
  check (end_on is null or end_on >= start_on),
  check (start_on >= sk_date)
);
create index discipline_records_employee_idx on discipline_records (employee_id, start_on desc);

-- The IP ASN instrument as data (§6 IpAsnRuleSet): every cell with its source or provisional flag.
-- A version is never changed once a result uses it; BKPSDM edits by saving a new version.
create table ip_asn_instruments (
  id uuid primary key,
  version text not null unique,
  body jsonb not null,                        -- IpAsnInstrument (domain/ip-asn.ts)
  based_on uuid references ip_asn_instruments (id),
  note text not null default '',
  created_by uuid references accounts (id),
  created_at timestamptz not null default now()
);

-- Which instrument version measures each year.
create table ip_asn_years (
  year integer primary key check (year between 2015 and 2100),
  instrument_id uuid not null references ip_asn_instruments (id),
  updated_by uuid references accounts (id),
  updated_at timestamptz not null default now()
);

-- A person's index for a year under one instrument version. Recomputing a year with another
-- version adds rows beside the old ones; recomputing with the same version replaces them.
create table ip_asn_results (
  employee_id uuid not null references employees (id),
  year integer not null,
  instrument_id uuid not null references ip_asn_instruments (id),
  employee_status text not null check (employee_status in ('CPNS', 'PNS', 'PPPK')),
  organization_id text not null references organizations (id),
  jabatan_type text,                          -- jpt | administrator | pengawas | fungsional | pelaksana
  kualifikasi numeric(5, 2) not null,
  kompetensi numeric(5, 2) not null,
  kinerja numeric(5, 2) not null,
  disiplin numeric(5, 2) not null,
  total numeric(5, 2) not null,
  band text not null,
  complete boolean not null,
  provisional boolean not null,
  detail jsonb not null,                      -- IpAsnResult (reasons per dimension)
  computed_at timestamptz not null default now(),
  primary key (employee_id, year, instrument_id)
);
create index ip_asn_results_year_idx on ip_asn_results (year, instrument_id, organization_id);

-- BKN's official figures for a past year (imported to compare): city-wide when organization_id is null.
create table ip_asn_official (
  id uuid primary key,
  year integer not null,
  employee_status text not null check (employee_status in ('PNS', 'PPPK')),
  organization_id text references organizations (id),
  respondents integer check (respondents >= 0),
  kualifikasi numeric(5, 2) not null,
  kompetensi numeric(5, 2) not null,
  kinerja numeric(5, 2) not null,
  disiplin numeric(5, 2) not null,
  total numeric(5, 2) not null,
  imported_by uuid references accounts (id),
  imported_at timestamptz not null default now()
);
create unique index ip_asn_official_key on ip_asn_official (year, employee_status, coalesce(organization_id, ''));
