-- SKD scores say where they came from: the CAT session that scored (or saw the absence of) the
-- participant, an import, or the committee's record of an absence. Publication refuses while a
-- participant has none of these (the CAT's own scores used to be published as "TH").
alter table skd_scores add column session_id uuid references exam_sessions (id);
alter table skd_scores drop constraint skd_scores_source_check;
alter table skd_scores add constraint skd_scores_source_check check (source in ('cat', 'import', 'absence'));
alter table skd_scores add constraint skd_scores_cat_session check (source <> 'cat' or session_id is not null);
