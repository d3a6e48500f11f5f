-- The file store every instance should share (issue 24 §6): the first instance records the id
-- written in its files folder; an instance whose folder holds another id (or none it can keep)
-- is not looking at the same files, and /api/health says so.
create table file_store_marks (
  id smallint primary key check (id = 1),
  store_id text not null,
  recorded_at timestamptz not null default now()
);
