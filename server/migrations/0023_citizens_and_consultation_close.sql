-- Citizens take part without an applicant account (issue 23 §3): a `citizen` (warga) role with
-- name and verified e-mail only (no NIK), for forum registration and consultation comments.
alter table accounts drop constraint accounts_role_check;
alter table accounts add constraint accounts_role_check check (role in ('admin', 'committee', 'verifier', 'exam_admin', 'proctor', 'training_admin',
                                                                         'supervisor', 'employee', 'observer', 'applicant', 'citizen'));

-- A consultation's comment window closed early by the committee: when and by whom (closes_at is
-- moved to that moment, so every rule that reads the window sees it closed).
alter table consultations add column closed_early_at timestamptz;
alter table consultations add column closed_by uuid references accounts (id);
