-- Selection (RULES.md §2.2–2.6): passing grades per year as data, SKD scores, SKB weights and
-- scores, and immutable, versioned publications of the open-data files.

create table threshold_rule_sets (
  year integer primary key,
  regulation text not null,
  rules jsonb not null,                     -- { umum: {kind:'subtests',twk,tiu,tkp}, cumlaude: {kind:'total',total,tiu}, … }
  uncertain jsonb not null default '[]',
  updated_by uuid references accounts (id),
  updated_at timestamptz not null default now()
);

-- One SKD result per participant of a period: from the CAT or imported (e.g. from BKN).
create table skd_scores (
  application_id uuid primary key references applications (id),
  period_id uuid not null references recruitment_periods (id),
  twk integer,                              -- all three null = absent (TH)
  tiu integer,
  tkp integer,
  source text not null check (source in ('cat', 'import')),
  recorded_by uuid references accounts (id),
  recorded_at timestamptz not null default now(),
  check ((twk is null) = (tiu is null) and (tiu is null) = (tkp is null))
);
create index skd_scores_period_idx on skd_scores (period_id);

-- SKB components and weights per formation (CAT SKB ≥ 50 % for instansi daerah, tambahan ≤ 40 %).
create table skb_weights (
  formation_id uuid primary key references formations (id),
  components jsonb not null,                -- [{ key, name, kind: 'cat'|'tambahan'|'wawancara', weightPct }]
  updated_by uuid references accounts (id),
  updated_at timestamptz not null default now()
);

create table skb_scores (
  application_id uuid primary key references applications (id),
  period_id uuid not null references recruitment_periods (id),
  components jsonb,                         -- { key: score 0–100 with ≤ 2 decimals }; null = absent (TH)
  skb_hundredths integer,                   -- weighted SKB in hundredths; null = absent
  recorded_by uuid references accounts (id),
  recorded_at timestamptz not null default now()
);
create index skb_scores_period_idx on skb_scores (period_id);

-- A publication is proposed by one committee member and approved by another; once published it
-- is never changed: a correction is a new version with a reason, and both stay visible.
create table result_publications (
  id uuid primary key,
  period_id uuid not null references recruitment_periods (id),
  stage text not null check (stage in ('skd', 'final')),
  version integer not null,
  status text not null check (status in ('proposed', 'published', 'rejected')),
  reason text,
  proposed_by uuid not null references accounts (id),
  proposed_at timestamptz not null,
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  unique (period_id, stage, version)
);

create table publication_files (
  publication_id uuid not null references result_publications (id),
  name text not null,
  content text not null,
  sha256 text not null,
  primary key (publication_id, name)
);

-- Per-period choices of the committee; optimalisasi (RULES.md §1.9) is off unless enabled.
create table selection_settings (
  period_id uuid primary key references recruitment_periods (id),
  optimalisasi boolean not null default false,
  updated_by uuid references accounts (id),
  updated_at timestamptz not null default now()
);
