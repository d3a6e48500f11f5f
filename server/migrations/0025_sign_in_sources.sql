-- Issue 24 §1: the network addresses that signed in (or tried to) to a CAT session, so its proctor
-- can see and lift a slowed address of their own hall — and only of their hall.
create table cat_sign_in_sources (
  session_id uuid not null references exam_sessions (id),
  address text not null,
  first_at timestamptz not null,
  primary key (session_id, address)
);
