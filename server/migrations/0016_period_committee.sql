-- The Panitia Seleksi Daerah of each period (as in its SK): a committee account acts only on the
-- periods it is a member of. Existing periods keep everyone who could act on them until now.
create table period_committee_members (
  period_id uuid not null references recruitment_periods (id),
  account_id uuid not null references accounts (id),
  assigned_by uuid references accounts (id),
  assigned_at timestamptz not null default now(),
  primary key (period_id, account_id)
);
create index period_committee_members_account_idx on period_committee_members (account_id);

insert into period_committee_members (period_id, account_id)
select p.id, a.id from recruitment_periods p cross join accounts a where a.role = 'committee';
