-- Reminders and the daily digest (issue 23): what waits for a person reaches them without opening
-- the app. Each reminder is claimed once by its natural key, so app instances sweeping together
-- send one e-mail (the claim, the notification and the outbox row share one transaction).
create table reminders_sent (
  account_id uuid not null references accounts (id),
  task_key text not null,                   -- the home task's key, or 'digest'
  due_at timestamptz not null,              -- the task's deadline; for a digest, 00:00 WITA of its day
  kind text not null check (kind in ('due_soon', 'missed', 'digest')),
  sent_at timestamptz not null,
  primary key (account_id, task_key, due_at, kind)
);

-- A person's own notification settings; no row = the defaults (daily digest on).
create table notification_preferences (
  account_id uuid primary key references accounts (id),
  daily_digest boolean not null default true,
  updated_at timestamptz not null
);
