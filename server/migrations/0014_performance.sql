-- Performance (SKP, PermenPANRB 6/2022, RULES.md §4) and policy follow-up.
-- A year's rules: the predikat matrix (uncertain source, §4.4, so editable per year).
create table performance_rule_sets (
  year integer primary key check (year between 2000 and 2100),
  matrix jsonb not null,                      -- { hasilKerjaRating: { perilakuRating: predikat } }
  note text not null default '',
  updated_by uuid references accounts (id),
  updated_at timestamptz not null default now()
);

-- Organisation predikat per OPD and year (§4.5): sets the distribution pattern evaluators are warned against.
create table organization_predikats (
  organization_id text not null references organizations (id),
  year integer not null,
  predikat text not null check (predikat in ('istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
  updated_by uuid references accounts (id),
  updated_at timestamptz not null default now(),
  primary key (organization_id, year)
);

-- One SKP per employee and year, with the pejabat penilai and atasan pejabat penilai of the tree (§4.6).
create table skp_plans (
  id uuid primary key,
  employee_id uuid not null references employees (id),
  year integer not null check (year between 2000 and 2100),
  organization_id text not null references organizations (id),
  evaluator_id uuid references employees (id),
  evaluator_supervisor_id uuid references employees (id),
  status text not null check (status in ('draft', 'agreed')),
  clarification text not null default '',     -- klarifikasi ekspektasi, recorded when the employee agrees
  agreed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null,
  unique (employee_id, year)
);
create index skp_plans_evaluator_idx on skp_plans (evaluator_id, year);
create index skp_plans_org_idx on skp_plans (year, organization_id);

-- Hasil kerja: the employee's own, or cascaded (direct or indirect) from the evaluator's result.
create table skp_results (
  id uuid primary key,
  plan_id uuid not null references skp_plans (id),
  parent_id uuid references skp_results (id),
  cascade_kind text check (cascade_kind in ('direct', 'indirect')),
  title text not null,
  perspective text not null check (perspective in ('penerima_layanan', 'proses_bisnis', 'penguatan_internal', 'anggaran')),
  is_main boolean not null default true,
  proposed_by text not null check (proposed_by in ('evaluator', 'employee')),
  position integer not null,
  created_at timestamptz not null default now(),
  unique (plan_id, parent_id)
);
create index skp_results_plan_idx on skp_results (plan_id, position);

create table skp_indicators (
  id uuid primary key,
  result_id uuid not null references skp_results (id),
  description text not null,
  kind text not null check (kind in ('quantitative', 'qualitative')),
  target text not null,                       -- "12", "100%", or a qualitative description
  unit text not null default '',
  position integer not null
);
create index skp_indicators_result_idx on skp_indicators (result_id, position);

-- Perilaku kerja: the seven BerAKHLAK values with the evaluator's ekspektasi khusus.
create table skp_behaviours (
  plan_id uuid not null references skp_plans (id),
  value text not null check (value in ('berorientasi_pelayanan', 'akuntabel', 'kompeten', 'harmonis', 'loyal', 'adaptif', 'kolaboratif')),
  expectation text not null default '',
  primary key (plan_id, value)
);

-- Quarterly and annual evaluations by the pejabat penilai; final ones never change.
create table skp_evaluations (
  id uuid primary key,
  plan_id uuid not null references skp_plans (id),
  period text not null check (period in ('q1', 'q2', 'q3', 'q4', 'annual')),
  evaluator_id uuid references employees (id),       -- null only for an imported result whose evaluator is not on record
  organization_id text not null references organizations (id),
  year integer not null,
  source text not null default 'merit' check (source in ('merit', 'import')),   -- import: last year's result from e-Kinerja
  rating_results text not null check (rating_results in ('above', 'meets', 'below')),
  rating_behaviour text not null check (rating_behaviour in ('above', 'meets', 'below')),
  predikat text not null check (predikat in ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')),
  result_ratings jsonb not null default '{}',       -- { resultId: rating }
  behaviour_ratings jsonb not null default '{}',    -- { value: rating }
  realisations jsonb not null default '{}',         -- { indicatorId: text }
  note text not null default '',
  status text not null check (status in ('draft', 'final')),
  finalised_at timestamptz,
  finalised_by uuid references accounts (id),
  updated_at timestamptz not null,
  unique (plan_id, period)
);
create index skp_evaluations_org_idx on skp_evaluations (year, period, organization_id, status);
-- The dashboard's counts per OPD, period and predikat read only this index.
create index skp_evaluations_final_idx on skp_evaluations (year, organization_id, period, predikat) where status = 'final';
create index skp_evaluations_evaluator_idx on skp_evaluations (evaluator_id, year, period);

-- Continuous feedback and evidence per hasil kerja, visible to the employee and the evaluator.
create table skp_notes (
  id uuid primary key,
  result_id uuid not null references skp_results (id),
  author_account_id uuid not null references accounts (id),
  author_side text not null check (author_side in ('employee', 'evaluator')),
  kind text not null check (kind in ('feedback', 'link', 'file')),
  body text not null default '',
  url text,
  file_key text,
  file_mime text,
  file_size integer,
  created_at timestamptz not null
);
create index skp_notes_result_idx on skp_notes (result_id, created_at);

-- Policy follow-up: a central policy → local actions per responsible OPD → milestones with deadlines.
create table policies (
  id uuid primary key,
  number text not null,
  title text not null,
  issued_on date not null,
  issuer text not null check (issuer in ('kemenpanrb', 'bkn', 'lan', 'kemendagri', 'presiden', 'pemprov', 'lainnya')),
  summary text not null default '',
  created_by uuid references accounts (id),
  created_at timestamptz not null default now(),
  unique (issuer, number)
);

create table policy_actions (
  id uuid primary key,
  policy_id uuid not null references policies (id),
  title text not null,
  organization_id text not null references organizations (id),
  position integer not null,
  created_at timestamptz not null default now()
);
create index policy_actions_policy_idx on policy_actions (policy_id, position);

create table policy_milestones (
  id uuid primary key,
  action_id uuid not null references policy_actions (id),
  title text not null,
  due_on date not null,
  status text not null check (status in ('planned', 'in_progress', 'done')),
  done_on date,
  evidence_url text,
  evidence_public boolean not null default false,
  late_answer text,                            -- the responsible OPD's answer when the milestone is late
  late_answered_at timestamptz,
  position integer not null,
  updated_at timestamptz not null
);
create index policy_milestones_action_idx on policy_milestones (action_id, position);
