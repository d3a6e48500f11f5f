-- Development, completed (issue 12; RULES.md §3): completion rules per programme, pre/post-test
-- scores and the assignment per participant, meetings with attendance (rotating QR scans or the
-- facilitator's hand), numbered certificates that can be revoked, and feedback from attendees.

-- What completing a programme takes: a share of the meetings attended, a post-test pass score
-- (null = no post-test) and, when required, the assignment (aktualisasi, proyek perubahan …).
alter table training_programs add column min_attendance_pct integer not null default 0 check (min_attendance_pct between 0 and 100);
alter table training_programs add column post_test_pass integer check (post_test_pass between 0 and 100);
alter table training_programs add column assignment_required boolean not null default false;

alter table enrollments add column pre_test_score integer check (pre_test_score between 0 and 100);
alter table enrollments add column post_test_score integer check (post_test_score between 0 and 100);
alter table enrollments add column assignment_done boolean not null default false;

-- A batch's meetings (pertemuan); attendance is counted against them.
create table training_meetings (
  id uuid primary key,
  batch_id uuid not null references training_batches (id),
  seq integer not null check (seq between 1 and 1000),
  title text not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  created_at timestamptz not null default now(),
  check (ends_at > starts_at),
  unique (batch_id, seq)
);

-- One row per participant present at a meeting: scanned (at the scan's own time, also when the
-- scan waited offline) or marked by the facilitator.
create table training_attendance (
  meeting_id uuid not null references training_meetings (id),
  enrollment_id uuid not null references enrollments (id),
  method text not null check (method in ('scan', 'manual')),
  attended_at timestamptz not null,
  recorded_at timestamptz not null,
  recorded_by uuid references accounts (id),
  primary key (meeting_id, enrollment_id)
);
create index training_attendance_enrollment_idx on training_attendance (enrollment_id);

-- Certificate numbers run per programme and year without gaps from concurrent issues.
create table training_certificate_counters (
  program_id uuid not null references training_programs (id),
  year integer not null,
  last integer not null,
  primary key (program_id, year)
);

-- A certificate keeps what it certified as issued (name, programme, JP, dates), so the public
-- check shows the paper's own details; revoking keeps the row with the reason.
create table training_certificates (
  id uuid primary key,
  enrollment_id uuid not null unique references enrollments (id),
  number text not null unique,
  full_name text not null,
  program_title text not null,
  batch_name text not null,
  partner_name text,
  jp integer not null,
  starts_on date not null,
  ends_on date not null,
  issued_at timestamptz not null,
  issued_by uuid references accounts (id),
  revoked_at timestamptz,
  revoked_by uuid references accounts (id),
  revoke_reason text,
  check ((revoked_at is null) = (revoke_reason is null))
);

-- Feedback from an attendee, once per enrolment: 1–5 for the facilitator, the material, the venue
-- and the usefulness.
create table training_feedback (
  enrollment_id uuid primary key references enrollments (id),
  facilitator integer not null check (facilitator between 1 and 5),
  material integer not null check (material between 1 and 5),
  venue integer not null check (venue between 1 and 5),
  usefulness integer not null check (usefulness between 1 and 5),
  comment text not null default '',
  submitted_at timestamptz not null
);
