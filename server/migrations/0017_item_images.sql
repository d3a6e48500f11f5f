-- Pictures in exam items (figures, tables, series for TIU): checked like documents, stored in the
-- file store, referenced from an item version's content by `imageKey` (the row's id).
create table item_images (
  id uuid primary key,
  file_key text not null,
  mime text not null check (mime in ('image/jpeg', 'image/png')),
  size integer not null,
  sha256 text not null,
  uploaded_by uuid references accounts (id),
  uploaded_at timestamptz not null default now()
);
