-- Indexes for the recruitment read paths under load (catalog, verifier queue, applicant timeline),
-- added from bench/recruitment.ts measurements.

-- Verifier queue page (`order by submitted_at, id limit 25 offset n` over a period): walk the
-- period in queue order and stop after one page, instead of sorting every submitted file.
create index applications_queue_order_idx on applications (period_id, submitted_at, id);

-- Verifier queue counts (per status, unassigned, awaiting review): an index-only scan of this
-- narrow index instead of reading every application row of the period.
create index applications_period_counts_idx on applications (period_id, status) include (verifier_id, proposed_verdict, reviewed_by);

-- "My files" in the verifier queue: a verifier's own assignments of a period, counted and paged.
create index applications_verifier_idx on applications (verifier_id, period_id, status);
