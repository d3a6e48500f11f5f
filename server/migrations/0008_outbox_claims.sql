-- An instance claims queued e-mail before sending it (`for update skip locked`), so two app
-- instances never send the same message twice. A claim older than ten minutes without a result
-- (the instance died mid-send) may be taken again.
alter table outbox_emails add column claimed_at timestamptz;
create index outbox_emails_pending_idx on outbox_emails (created_at) where transport = 'smtp' and sent_at is null and error is null;
