-- Issue 23 §7: free text written by staff that the public reads (committee answers to observer
-- findings, coordinator and OPD entries in a complaint's thread) gets a public version beside the
-- original. Until the coordinator redacts a name it is null and the public sees the original with
-- NIK, NIP, mobile numbers and e-mail addresses masked (common/rules/mask-personal-data.ts); after
-- a redaction it holds that whole public text. Staff keep reading the original.
alter table observer_findings add column answer_public text;
alter table complaint_events add column body_public text;
