/**
 * The (file, table) pairs where a module still names a table another module owns
 * (scripts/lint/table-owners.js), each with why. Seeded with the code as it stood when the rule
 * landed (issue #25); it only shrinks: move a read behind the owner's x.reads.ts and delete its
 * entry (merit/own-tables reports entries a file no longer needs). Statements that must span
 * modules — selection's ranking, the proctor console, the home inbox — stay here by name.
 */
export const TABLE_ALLOWLIST = {
  'server/src/modules/exam/attempts.repository.ts': {
    accounts: 'participant-number lookup and certificate facts name the applicant',
    applications: 'an attempt belongs to an application: seating, verdicts, certificates, newest attempts',
    exam_assignments: "an attempt starts from the applicant's seat assignment",
    exam_sessions: "an attempt's CAT session belongs to a scheduled exam session",
    formations: 'verdicts and scored attempts carry the formation',
    recruitment_periods: "verdicts and certificates read the period's rule set and name",
  },
  'server/src/modules/exam/cat-sessions.repository.ts': {
    accounts: 'the proctor console names proctors',
    exam_assignments: "a CAT session's rows count its seated applicants",
    exam_sessions: 'a CAT session opens on a scheduled exam session',
    exam_sites: 'sessions listed by site',
    period_committee_members: 'a committee member sees only the sessions of their periods',
    recruitment_periods: 'sessions are scoped by period',
  },
  'server/src/modules/exam/item-images.repository.ts': {
    applications: 'an item image is shown only to an applicant with an open attempt',
  },
  'server/src/modules/exam/proctor-console.repository.ts': {
    accounts: 'the proctor console names the participants',
    applications: 'the proctor console lists the seated applicants',
    exam_assignments: 'the proctor console lists who is seated in the session',
    exam_sessions: 'the proctor console checks the exam session exists',
  },
  'server/src/modules/exam/session-results.repository.ts': {
    accounts: "a session's result sheet names the participants",
    applications: "a session's result sheet lists the seated applications",
    exam_assignments: "a session's result sheet lists who was seated",
    exam_sessions: "a session's result sheet heads with the session",
    exam_sites: "a session's result sheet heads with the site",
    formations: "a session's result sheet shows each participant's formation",
  },
  'server/src/modules/home/home.repository.ts': {
    accounts: "the admin's inbox counts accounts",
    announcements: "the committee's inbox counts announcements to decide",
    applications: "the committee's and verifiers' inboxes count applications by status",
    attempts: "the exam admin's inbox: the question bank's use",
    blueprints: "the exam admin's inbox: blueprints of the bank",
    cat_sessions: "the exam admin's and proctors' inboxes list open CAT sessions",
    exam_assignments: 'the inbox lists upcoming sessions with their seats',
    exam_sessions: 'the inbox lists upcoming exam sessions',
    exam_sites: 'the inbox lists upcoming sessions by site',
    formations: 'the inbox counts formations by unit and applications by formation',
    item_versions: "the exam admin's inbox: the question bank's versions",
    items: "the exam admin's inbox: the question bank",
    objections: "the committee's inbox counts objections to answer",
    outbox_emails: "the admin's inbox counts unsent mail",
    period_committee_members: "the committee's inbox covers its own periods",
    period_verifiers: "the verifier's inbox covers its assigned periods",
    recruitment_periods: 'the inbox lists the periods in progress',
  },
  'server/src/modules/participation/participation.repository.ts': {
    accounts: 'comments and warnings name staff accounts',
    announcements: 'observers see the published announcements',
    applications: 'oversight counts applications and objections by status and outcomes by formation',
    attempts: 'observers see exam sessions with their attempt counts',
    cat_sessions: 'observers see the CAT sessions',
    exam_assignments: 'observers see exam sessions with their seats',
    exam_sessions: 'observers see the exam sessions',
    exam_sites: 'observers see exam sessions by site',
    formations: 'public oversight lists open formations and outcomes by formation',
    objections: 'oversight counts objections by status',
    recruitment_periods: 'accreditations and findings are per period',
    result_publications: 'observers see the published results',
  },
  'server/src/modules/performance/performance.repository.ts': {
    accounts: 'SKP notes name their author',
    employees: "SKP plans and evaluations are of employees (development's register)",
  },
  'server/src/modules/recruitment/outcomes.repository.ts': {
    accounts: 'outcome rows name the applicant',
  },
  'server/src/modules/recruitment/recruitment.repository.ts': {
    accounts: 'applicants, verifiers and committee members are accounts',
    result_publications: "a publication's period",
  },
  'server/src/modules/selection/selection.repository.ts': {
    accounts: "selection's ranking and appointees name the participants",
    applications: "selection's ranking joins applications",
    attempts: 'selection lists applicants seated but not scored',
    exam_assignments: 'selection lists applicants seated but not scored',
    exam_sessions: 'selection lists applicants seated but not scored',
    exam_sites: 'selection lists applicants seated but not scored',
    formations: 'selection ranks per formation (quota)',
    period_committee_members: "proposals awaiting a committee member's decision",
    recruitment_periods: "a publication's period",
  },
};
