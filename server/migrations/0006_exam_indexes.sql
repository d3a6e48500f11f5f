-- Indexes for the CAT exam's hot paths, added from bench/exam.ts measurements: every answer save
-- and every exam load finds "my newest attempt" from the signed-in account. Without these, both
-- joins scanned every application and every attempt (the unique keys lead with period/session).

-- Applications of one account (the participant's own files).
create index applications_applicant_idx on applications (applicant_id);

-- Attempts of one application, newest first.
create index attempts_application_idx on attempts (application_id, started_at desc);
