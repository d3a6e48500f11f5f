-- The holiday calendar never runs out (issue 23 §9). Fixed-date national holidays are known by rule
-- (common/rules/calendar.ts); moving holidays and cuti bersama come from each year's SKB 3 Menteri
-- list, which the admin imports or enters. A year is "loaded" when it has a row here: deadlines
-- falling in a year without one are provisional. Days changed after loading are amendments.
alter table holidays add column kind text not null default 'libur_nasional' check (kind in ('libur_nasional', 'cuti_bersama'));
alter table holidays add column amended_at timestamptz;

create table holiday_years (
  year integer primary key check (year between 1970 and 2200),
  skb_reference text not null,               -- e.g. 'SKB 1497/2025, 2/2025, 5/2025'
  skb_date date,                             -- the day the SKB was signed, when known
  loaded_by uuid references accounts (id),   -- null: loaded by the seed
  loaded_at timestamptz not null,
  amended_by uuid references accounts (id),
  amended_at timestamptz
);
