-- Participation and oversight (RULES.md §5, issue 14): complaints with working-day SLAs
-- (SP4N-LAPOR!), SKM/IKM surveys per service unit (PermenPANRB 14/2017), accredited observers
-- and their findings. Personal data (a reporter's name and contact) stays in these tables and never
-- leaves through a public route.

-- Editable rules: the complaint windows and the IKM bands (the source is marked uncertain).
create table participation_settings (
  id text primary key check (id = 'default'),
  sla jsonb not null,
  bands jsonb not null,
  updated_at timestamptz not null default now()
);

create table complaints (
  id uuid primary key,
  tracking_id text not null unique,
  kind text not null check (kind in ('pengaduan', 'aspirasi', 'informasi')),
  category text not null check (category in ('recruitment', 'exam', 'training', 'service')),
  title text not null,
  body text not null,
  privacy text not null check (privacy in ('open', 'confidential', 'anonymous')),
  reporter_account_id uuid references accounts (id),
  reporter_name text,
  reporter_contact text,
  organization_id text references organizations (id),
  status text not null check (status in ('submitted', 'disposed', 'followed_up', 'closed', 'rejected')),
  filed_at timestamptz not null,
  filed_on date not null,
  disposed_on date,
  followed_up_on date,
  closed_at timestamptz,
  closed_reason text check (closed_reason in ('accepted', 'expired', 'rejected')),
  reopen_count integer not null default 0,
  -- The step (status) whose deadline passed and was escalated, so each late step warns staff once.
  escalated_status text,
  check (privacy <> 'anonymous' or (reporter_account_id is null and reporter_name is null and reporter_contact is null))
);
create index complaints_status_idx on complaints (status, filed_at);
create index complaints_org_idx on complaints (organization_id, status);

-- The thread a reporter sees (public = shown on the tracking page) and staff notes.
create table complaint_events (
  id uuid primary key,
  seq bigint generated always as identity,
  complaint_id uuid not null references complaints (id),
  kind text not null check (kind in ('filed', 'disposed', 'rejected', 'follow_up', 'reporter_reply', 'reopened', 'accepted', 'expired')),
  author text not null check (author in ('reporter', 'coordinator', 'opd', 'system')),
  author_account_id uuid references accounts (id),
  organization_id text references organizations (id),
  body text not null default '',
  at timestamptz not null
);
create index complaint_events_idx on complaint_events (complaint_id, seq);

create table complaint_attachments (
  id uuid primary key,
  complaint_id uuid not null references complaints (id),
  file_key text not null,
  mime text not null,
  size integer not null,
  sha256 text not null,
  uploaded_at timestamptz not null
);
create index complaint_attachments_idx on complaint_attachments (complaint_id);

-- Each disposition (and each reopening) gives the OPD one follow-up window: the on-time statistics.
create table complaint_steps (
  id uuid primary key,
  complaint_id uuid not null references complaints (id),
  organization_id text not null references organizations (id),
  disposed_on date not null,
  due_on date not null,
  followed_up_on date
);
create index complaint_steps_idx on complaint_steps (complaint_id, followed_up_on);

-- Proof-of-work challenges are single use: a solved one is kept until it would have expired anyway.
create table participation_challenges_used (
  nonce text primary key,
  expires_at timestamptz not null
);

create table service_units (
  id text primary key check (id ~ '^[a-z0-9-]{2,40}$'),
  name text not null,
  organization_id text not null references organizations (id),
  desk text not null default '',
  period_kind text not null check (period_kind in ('triwulan', 'semester', 'tahunan')),
  unsur jsonb not null,
  population integer not null default 0 check (population >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now()
);

-- respondent_key: a keyed digest of the respondent's account or of the ticket/phone number they
-- type, so one respondent answers once per period and the number itself is never stored.
create table survey_responses (
  id uuid primary key,
  unit_id text not null references service_units (id),
  period text not null,
  respondent_key text not null,
  scores jsonb not null,
  gender text not null check (gender in ('L', 'P')),
  age_band text not null check (age_band in ('<20', '20-29', '30-39', '40-49', '50+')),
  education text not null check (education in ('SD', 'SMP', 'SMA', 'D3', 'S1', 'S2')),
  occupation text not null check (occupation in ('asn', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya')),
  suggestion text not null default '',
  created_at timestamptz not null,
  unique (unit_id, period, respondent_key)
);
create index survey_responses_unit_idx on survey_responses (unit_id, period);

create table observer_accreditations (
  id uuid primary key,
  account_id uuid not null references accounts (id),
  period_id uuid not null references recruitment_periods (id),
  organization_name text not null,
  organization_kind text not null check (organization_kind in ('lsm', 'universitas', 'pers', 'ombudsman', 'lainnya')),
  contact_person text not null,
  letter_key text not null,
  letter_sha256 text not null,
  letter_size integer not null,
  status text not null check (status in ('pending', 'approved', 'refused')),
  reason text,
  decided_by uuid references accounts (id),
  decided_at timestamptz,
  expires_on date,
  created_at timestamptz not null
);
create unique index observer_accreditations_live_idx on observer_accreditations (account_id, period_id) where status in ('pending', 'approved');

create table observer_findings (
  id uuid primary key,
  accreditation_id uuid not null references observer_accreditations (id),
  period_id uuid not null references recruitment_periods (id),
  stage text not null,
  title text not null,
  body text not null,
  evidence_key text,
  evidence_mime text,
  evidence_sha256 text,
  status text not null check (status in ('open', 'answered')),
  filed_at timestamptz not null,
  filed_on date not null,
  due_on date not null,
  answer text,
  answered_by uuid references accounts (id),
  answered_at timestamptz,
  answered_on date
);
create index observer_findings_period_idx on observer_findings (period_id, status);

-- Public consultation on recruitment criteria: a draft in sections, a comment window, moderation
-- with a published reason, the committee's answers, and a final text whose changes are explained.
create table consultations (
  id uuid primary key,
  title text not null,
  summary text not null,
  period_id uuid references recruitment_periods (id),
  moderation_rules text not null,
  status text not null check (status in ('draft', 'open', 'final')),
  opens_at timestamptz,
  closes_at timestamptz,
  final_note text,
  created_by uuid not null references accounts (id),
  created_at timestamptz not null,
  finalized_at timestamptz,
  check (closes_at is null or closes_at > opens_at)
);

create table consultation_sections (
  id uuid primary key,
  consultation_id uuid not null references consultations (id),
  position integer not null,
  heading text not null,
  draft_body text not null,
  final_body text,
  change_reason text,
  unique (consultation_id, position)
);

create table consultation_comments (
  id uuid primary key,
  consultation_id uuid not null references consultations (id),
  section_id uuid not null references consultation_sections (id),
  account_id uuid not null references accounts (id),
  body text not null,
  status text not null check (status in ('visible', 'hidden')),
  hidden_reason text,
  moderated_by uuid references accounts (id),
  moderated_at timestamptz,
  answer text,
  answered_by uuid references accounts (id),
  answered_at timestamptz,
  created_at timestamptz not null,
  check (status = 'visible' or hidden_reason is not null)
);
create index consultation_comments_idx on consultation_comments (consultation_id, section_id, created_at);

-- Public forums (forum konsultasi publik, PermenPANRB 16/2017): schedule, registration with a
-- capacity, minutes, and follow-up actions with owners and deadlines tracked to done.
create table forums (
  id uuid primary key,
  title text not null,
  topic text not null,
  agenda text not null,
  held_at timestamptz not null,
  venue text not null,
  mode text not null check (mode in ('tatap_muka', 'daring', 'hibrida')),
  capacity integer not null check (capacity between 1 and 10000),
  status text not null check (status in ('scheduled', 'held', 'cancelled')),
  minutes text,
  created_by uuid not null references accounts (id),
  created_at timestamptz not null
);

create table forum_registrations (
  forum_id uuid not null references forums (id),
  account_id uuid not null references accounts (id),
  registered_at timestamptz not null,
  primary key (forum_id, account_id)
);

create table forum_actions (
  id uuid primary key,
  forum_id uuid not null references forums (id),
  description text not null,
  owner text not null,
  due_on date not null,
  status text not null check (status in ('open', 'done')),
  done_at timestamptz,
  done_note text
);
create index forum_actions_idx on forum_actions (forum_id, status);
