/**
 * Wires adapters and module services. main.ts, the CLI and the tests all compose through here,
 * so each gets the same graph with its own database, clock and settings.
 */
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { type Clock, type Ids, cryptoIds, systemClock } from './platform/clock.ts';
import { createMailer, type Mailer } from './platform/mailer.ts';
import { createJobRunner } from './platform/jobs.ts';
import { createNotifier } from './platform/notifications.ts';
import { createProcessSteps } from './platform/process.ts';
import { createIdentityService, type IdentityLimits } from './modules/identity/index.ts';
import { type AuditSigner, createAuditService } from './modules/transparency/index.ts';
import {
  createAnnouncementService,
  createExamScheduleService,
  createHolidayService,
  createObjectionService,
  createPeriodCommitteeService,
  createRecruitmentService,
  createVerificationService,
} from './modules/recruitment/index.ts';
import { createSelectionService } from './modules/selection/selection.service.ts';
import { createResultAnnouncementService } from './modules/selection/index.ts';
import {
  createAnswerWriter,
  createAssessmentService,
  createCatService,
  createItemBankService,
  createItemImagesService,
  createLiveHub,
  createSessionResultsService,
} from './modules/exam/index.ts';
import { createCatSessionsService } from './modules/exam/cat-sessions.service.ts';
import {
  createAppointmentService,
  createCompletionService,
  createEmployeesService,
  createTrainingService,
  createTrainingTestsService,
} from './modules/development/index.ts';
import type { FileStore } from './platform/file-store.ts';
import { openFileStore } from './platform/file-stores.ts';
import { createHmac } from 'node:crypto';
import { createHomeService, createReminderService } from './modules/home/index.ts';
import { createOutcomesService } from './modules/recruitment/outcomes.service.ts';
import { createPerformanceService } from './modules/performance/index.ts';
import { createPolicyService } from './modules/policy/index.ts';
import { createDisciplineService, createIpAsnService } from './modules/professionalism/index.ts';
import { indexTrainingNeeds } from './modules/professionalism/index.ts';
import { createCorrelationService } from './modules/professionalism/index.ts';
import { createRecordsService } from './modules/professionalism/index.ts';
import { createIpReportService } from './modules/professionalism/index.ts';
import {
  type ComplaintLimits,
  createChallenges,
  createComplaintsService,
  createConsultationsService,
  createForumsService,
  createObserversService,
  createOpenDataService,
  createSurveysService,
  type ObserverLimits,
  type SurveyLimits,
} from './modules/participation/index.ts';

export interface ComposeOptions {
  database: Database;
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom' | 'sessionSecret' | 'filesDir' | 'fileEncryptionKey'> &
    Partial<Pick<Config, 'outboxShowsSecrets' | 'challengeBits' | 'reminderHour'>> &
    Partial<Pick<Config, 'fileStore' | 's3'>>;
  files?: FileStore;
  signer?: AuditSigner;
  clock?: Clock;
  ids?: Ids;
  identityLimits?: Partial<IdentityLimits>;
  /** Anti-spam on the anonymous forms: challenge bits (default 14) and per-source limits (tests, the bench). */
  participation?: {
    challengeBits?: number;
    complaints?: Partial<ComplaintLimits>;
    surveys?: Partial<SurveyLimits>;
    observers?: Partial<ObserverLimits>;
  };
}

/**
 * Builds the service graph, area by area in dependency order: platform and identity, recruitment,
 * selection and exams, development, the live hub, home, participation.
 */
export function composeServices(opts: ComposeOptions) {
  const core = composeCore(opts);
  const recruitmentArea = composeRecruitment(core);
  const examArea = composeExam(core, recruitmentArea);
  const developmentArea = composeDevelopment(core, recruitmentArea, examArea.selection);
  const { cat } = examArea;
  const live = createLiveHub({
    database: opts.database,
    snapshot: (kind, sessionId) => (kind === 'scoreboard' ? cat.scoreboard(sessionId) : cat.participants(sessionId)),
  });
  const homeArea = composeHome(core, recruitmentArea.notifications, developmentArea, opts);
  const participationArea = composeParticipation(core, recruitmentArea, developmentArea.performance, opts);
  const { clock, ids, mailer, audit, identity, files } = core;
  const ipAsn = createIpAsnService({ db: core.db, clock, ids, audit });
  const correlation = createCorrelationService({ db: core.db, committee: recruitmentArea.periodCommittee });
  return {
    jobs: createJobRunner({ database: opts.database }),
    correlation,
    clock,
    ids,
    mailer,
    audit,
    identity,
    files,
    ...recruitmentArea,
    ...examArea,
    live,
    ...developmentArea,
    ...homeArea,
    ...participationArea,
    ipAsn,
    records: createRecordsService({ db: core.db, clock, ids, audit, files }),
  };
}

type Core = ReturnType<typeof composeCore>;

/** Platform adapters (clock, ids, mailer, files), the audit log, identity, and the deps every module shares. */
function composeCore(opts: ComposeOptions) {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? cryptoIds;
  const db = opts.database.db;
  const mailer: Mailer = createMailer({ smtpUrl: opts.config.smtpUrl, from: opts.config.mailFrom, ids, clock });
  // Audit digests are keyed by a secret derived from SESSION_SECRET (the same on every instance).
  const digestKey = createHmac('sha256', opts.config.sessionSecret).update('merit-audit-digests').digest();
  const audit = createAuditService({ clock, digestKey, ...(opts.signer ? { signer: opts.signer } : {}) });
  const identity = createIdentityService({
    db,
    clock,
    ids,
    audit,
    mailer,
    publicUrl: opts.config.publicUrl,
    outboxShowsSecrets: opts.config.outboxShowsSecrets === true,
    listen: (channel, onMessage) => opts.database.listen(channel, onMessage),
    ...(opts.identityLimits ? { limits: opts.identityLimits } : {}),
  });
  const files = opts.files ?? openFileStore(opts.config);
  const cardSecret = createHmac('sha256', opts.config.sessionSecret).update('merit-card-links').digest('base64url');
  const steps = createProcessSteps({ audit });
  const shared = { db, clock, ids, audit, steps, files, publicUrl: opts.config.publicUrl, cardSecret };
  return { clock, ids, db, mailer, audit, identity, files, cardSecret, steps, shared, config: opts.config };
}

/** Recruitment: announcements, committees, holidays, verification, sanggah, exam schedules; and the notifier. */
function composeRecruitment({ db, clock, ids, audit, mailer, shared, config }: Core) {
  const recruitment = createRecruitmentService(shared);
  const periodCommittee = createPeriodCommitteeService({ db, audit });
  const holidays = createHolidayService({ db, clock, audit });
  const notifications = createNotifier({ ids, mailer, publicUrl: config.publicUrl });
  const verification = createVerificationService(shared);
  // Announcements and sanggah change the files in the verification queue: they drop its cached counts.
  const announcements = createAnnouncementService({ ...shared, notifier: notifications, queue: verification });
  const objections = createObjectionService({ ...shared, queue: verification });
  const examSchedule = createExamScheduleService(shared);
  return {
    notifications,
    recruitment,
    periodCommittee,
    holidays,
    verification,
    announcements,
    objections,
    examSchedule,
  };
}

/** Selection and the exams: SKD/SKB results, the item bank, CAT sessions and their results. */
function composeExam(
  { db, clock, ids, audit, identity, files, cardSecret, config }: Core,
  { recruitment, examSchedule }: ReturnType<typeof composeRecruitment>,
) {
  const selection = createSelectionService({ db, clock, ids, audit, recruitment, examSchedule, identity });
  const resultAnnouncements = createResultAnnouncementService({ db, publicUrl: config.publicUrl });
  const itemImages = createItemImagesService({ db, ids, audit, files });
  const items = createItemBankService({ db, clock, ids, audit, images: itemImages });
  const answerWriter = createAnswerWriter({ db, clock });
  const cat = createCatService({
    db,
    clock,
    ids,
    audit,
    identity,
    writer: answerWriter,
    skd: selection,
    publicUrl: config.publicUrl,
    cardSecret,
  });
  const catSessions = createCatSessionsService({ db, audit, clock });
  const sessionResults = createSessionResultsService({ db, audit });
  return { selection, resultAnnouncements, items, itemImages, answerWriter, cat, catSessions, sessionResults };
}

/** Development: employees, training and its completion and tests, appointments, performance, policy. */
function composeDevelopment(
  { db, clock, ids, audit, steps, files, identity, cardSecret, config }: Core,
  { notifications }: ReturnType<typeof composeRecruitment>,
  selection: ReturnType<typeof createSelectionService>,
) {
  const employees = createEmployeesService({ db, clock, ids, audit, identity });
  const training = createTrainingService({ db, clock, ids, audit, steps, notifier: notifications, identity });
  const attendanceSecret = createHmac('sha256', config.sessionSecret).update('merit-attendance-qr').digest('base64url');
  const completion = createCompletionService({
    db,
    clock,
    ids,
    audit,
    steps,
    notifier: notifications,
    identity,
    publicUrl: config.publicUrl,
    cardSecret,
    attendanceSecret,
  });
  const assessment = createAssessmentService({ db, clock, ids, audit });
  const trainingTests = createTrainingTestsService({ db, clock, audit, assessment });
  const appointments = createAppointmentService({
    db,
    clock,
    ids,
    audit,
    notifier: notifications,
    identity,
    selection,
  });
  const performance = createPerformanceService({
    db,
    clock,
    ids,
    audit,
    steps,
    notifier: notifications,
    files,
    identity,
    training,
    ipAsn: { indexTrainingNeeds },
  });
  const policy = createPolicyService({ db, clock, ids, audit, steps });
  const discipline = createDisciplineService({ db, clock, ids, audit, files });
  return { employees, training, completion, assessment, trainingTests, appointments, performance, policy, discipline };
}

/** The home page's to-dos, their e-mail reminders, and published selection outcomes. */
function composeHome(
  { db, clock, audit, mailer, config }: Core,
  notifications: ReturnType<typeof createNotifier>,
  { trainingTests, appointments, completion, training }: ReturnType<typeof composeDevelopment>,
  opts: ComposeOptions,
) {
  const home = createHomeService({ db, clock, trainingTests, appointments, completion, training });
  const reminders = createReminderService({
    db,
    clock,
    audit,
    mailer,
    notifier: notifications,
    home,
    publicUrl: config.publicUrl,
    options: { hour: opts.config.reminderHour ?? 7 },
  });
  const outcomes = createOutcomesService({ db, clock, audit, publicUrl: config.publicUrl });
  return { home, reminders, outcomes };
}

/** Public participation: complaints, surveys, observers, open data, consultations, forums. */
function composeParticipation(
  { db, clock, ids, audit, steps, files, identity, config }: Core,
  { notifications, periodCommittee }: ReturnType<typeof composeRecruitment>,
  performance: ReturnType<typeof createPerformanceService>,
  opts: ComposeOptions,
) {
  const challenges = createChallenges({
    secret: createHmac('sha256', config.sessionSecret).update('merit-participation-challenge').digest('base64url'),
    difficulty: opts.participation?.challengeBits ?? opts.config.challengeBits ?? 14,
    now: () => clock.now(),
  });
  const complaints = createComplaintsService({
    db,
    clock,
    ids,
    audit,
    steps,
    files,
    notifier: notifications,
    identity,
    challenges,
    ...(opts.participation?.complaints ? { limits: opts.participation.complaints } : {}),
  });
  const surveys = createSurveysService({
    db,
    clock,
    ids,
    audit,
    challenges,
    respondentKey: createHmac('sha256', config.sessionSecret).update('merit-survey-respondents').digest('base64url'),
    publicUrl: config.publicUrl,
    ...(opts.participation?.surveys ? { limits: opts.participation.surveys } : {}),
  });
  const observers = createObserversService({
    db,
    clock,
    ids,
    audit,
    files,
    notifier: notifications,
    identity,
    committee: periodCommittee,
    ...(opts.participation?.observers ? { limits: opts.participation.observers } : {}),
  });
  periodCommittee.registerScope('accreditation', observers.periodOfAccreditation);
  periodCommittee.registerScope('finding', observers.periodOfFinding);
  const ipReport = createIpReportService({ db, clock, ids, audit });
  // The public correlation aggregate (read-only, stateless): the same use-case the public page calls.
  const correlationAggregate = createCorrelationService({ db, committee: periodCommittee });
  const openData = createOpenDataService({
    db,
    clock,
    complaints,
    surveys,
    observers,
    performance,
    ipAsn: ipReport,
    correlation: correlationAggregate,
  });
  const consultations = createConsultationsService({ db, clock, ids, audit });
  const forums = createForumsService({ db, clock, ids, audit });
  return { complaints, surveys, observers, openData, consultations, forums, ipReport };
}

export type Services = ReturnType<typeof composeServices>;
