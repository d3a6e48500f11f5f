-- Issue 28 §3: each SMTP message is sent by a durable job that retries with backoff. The row
-- stays the record: how many attempts were made, the last error, and when the retries ran out.
alter table outbox_emails add column attempts integer not null default 0;
alter table outbox_emails add column failed_at timestamptz;
-- Before retries a refused message was final: it stays failed, not sent again after the upgrade.
update outbox_emails set failed_at = coalesce(claimed_at, created_at), attempts = 1
  where error is not null and sent_at is null;
drop index outbox_emails_pending_idx;
create index outbox_emails_unsent_idx on outbox_emails (created_at)
  where transport = 'smtp' and sent_at is null and failed_at is null;
