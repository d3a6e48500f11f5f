/**
 * The signed-in home (/beranda): each person's inbox — what waits for them now, most urgent first,
 * with counts, deadlines (late ones marked) and the page where it is done.
 */
import { z } from 'zod';

export const HOME_TASKS = [
  // committee
  'announcementsToApprove',
  'reviewsWaiting',
  'objectionsOpen',
  'unclaimed',
  'complaintsToVerify',
  'findingsToAnswer',
  'accreditationsToDecide',
  'publicationsToApprove',
  // verifier
  'myQueue',
  // proctor
  'sessionsToday',
  'sessionsOpen',
  // exam admin
  'analysisReady',
  // admin
  'accountsPending',
  'outboxUnsent',
  'committeeShort',
  // supervisor (as evaluator, unit head and OPD staff)
  'skpPlansNotAgreed',
  'skpToEvaluate',
  'jpClaimsToDecide',
  'complaintsToFollowUp',
  'milestonesDue',
  'probationAtRisk',
  // employee / new CPNS
  'skpToAgree',
  'meetingsToday',
  'trainingTestsOpen',
  'jpShort',
  'latsarDeadline',
  'certificatesIssued',
  // training admin
  'batchesThisWeek',
  'certificatesToIssue',
  'appointeesWaiting',
  'opdsBelowJpShare',
  // observer
  'findingsAnswered',
  'findingsOverdue',
  'accreditationPending',
  'accreditationExpiring',
  // admin and committee: next year's holiday list (SKB 3 Menteri) not loaded, from 1 October
  'holidaysNextYearMissing',
  // citizen
  'forumsUpcoming',
  'commentsAnswered',
] as const;
export type HomeTaskKey = (typeof HOME_TASKS)[number];

export const HomeTask = z.object({
  key: z.enum(HOME_TASKS),
  count: z.number().int(),
  /** The page where the work is done. */
  to: z.string(),
  /** The nearest deadline of the counted work, when there is one. */
  dueAt: z.string().nullable(),
  /** The deadline has passed with the work not done. */
  late: z.boolean().default(false),
  /** The deadline counts working days of a year whose holiday list is not loaded yet (may move). */
  provisional: z.boolean().default(false),
  /** Extra facts a task's sentence needs (e.g. JP still missing, whether a meeting's QR is open). */
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
});
export type HomeTask = z.infer<typeof HomeTask>;

const StatusCounts = z.object({
  submitted: z.number().int(),
  ms: z.number().int(),
  tms: z.number().int(),
  objection_filed: z.number().int(),
  tms_final: z.number().int(),
});

export const HomePeriod = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Applications past draft, by status (the staff's view, unpublished verdicts included). */
  counts: StatusCounts,
  drafts: z.number().int(),
  byOrganization: z.array(
    z.object({
      organizationId: z.string(),
      organizationName: z.string(),
      formations: z.number().int(),
      quota: z.number().int(),
      counts: StatusCounts,
    }),
  ),
  /** End of each stage window that is set, for "sanggah closes on …". */
  stageEnds: z.record(z.string(), z.string()),
});
export type HomePeriod = z.infer<typeof HomePeriod>;

export const HomeSession = z.object({
  sessionId: z.uuid(),
  siteName: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  capacity: z.number().int(),
  assigned: z.number().int(),
  state: z.enum(['scheduled', 'open', 'closed']),
});

export const HomeSummary = z.object({
  tasks: z.array(HomeTask),
  periods: z.array(HomePeriod).optional(),
  sessions: z.array(HomeSession).optional(),
  bank: z
    .object({
      bySubtest: z.record(z.string(), z.number().int()),
      blueprints: z.number().int(),
      latestAnalysis: z.uuid().nullable(),
    })
    .optional(),
  accounts: z
    .object({
      staff: z.number().int(),
      pending: z.number().int(),
      disabled: z.number().int(),
      committee: z.number().int(),
    })
    .optional(),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
