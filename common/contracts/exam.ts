/**
 * Response contracts of the exam's HTTP API (server/src/modules/exam/exam.routes.ts, API.md) and
 * the exam vocabulary both sides use. The server's serializer enforces these; the web infers its
 * types from them. Request bodies keep their rule-carrying schemas in the exam's domain/.
 * `z.object` strips what a presenter did not name; stored JSON (item content, blueprints, scores)
 * is described as it is stored, without the write rules.
 */
import { z } from 'zod';
import { ANSWER_OPTION_KEYS, SaveAckSchema } from './cat-socket.ts';

/** PELATIHAN: pre-tests and post-tests of trainings (development), taken on the same engine. */
export const EXAM_TYPES = ['SKD', 'SKB', 'PPPK', 'PELATIHAN'] as const;
export type ExamType = (typeof EXAM_TYPES)[number];
export const SUBTESTS = [
  'TWK',
  'TIU',
  'TKP',
  'TEKNIS',
  'MANAJERIAL',
  'SOSIO_KULTURAL',
  'WAWANCARA',
  'PELATIHAN',
] as const;
export type Subtest = (typeof SUBTESTS)[number];
export const OPTION_KEYS = ANSWER_OPTION_KEYS;
export type OptionKey = (typeof OPTION_KEYS)[number];

/**
 * Content categories per subtest. TWK: RULES.md §2.1 [GRIDHOT-TWK]; TKP: PermenPANRB 27/2021
 * [SCRIBD-TKP]; TIU as the CAT BKN kisi-kisi (verbal, numerik, figural); PPPK one category each.
 */
export const CATEGORIES: Readonly<Record<Subtest, readonly string[]>> = Object.freeze({
  TWK: ['nasionalisme', 'integritas', 'bela_negara', 'pilar_negara', 'bahasa_indonesia'],
  TIU: ['verbal', 'numerik', 'figural'],
  TKP: ['pelayanan_publik', 'jejaring_kerja', 'sosial_budaya', 'tik', 'profesionalisme', 'anti_radikalisme'],
  TEKNIS: ['teknis'],
  MANAJERIAL: ['manajerial'],
  SOSIO_KULTURAL: ['sosio_kultural'],
  WAWANCARA: ['wawancara'],
  PELATIHAN: ['umum', 'nilai_dasar_asn', 'kesiapsiagaan_bencana', 'teknis'],
});

/** Which subtests each exam type is made of: SKD §2.1, SKB CAT (bidang/teknis) §2.4, PPPK §2.7; a training's test its own. */
export const EXAM_SUBTESTS: Readonly<Record<ExamType, readonly Subtest[]>> = Object.freeze({
  SKD: ['TWK', 'TIU', 'TKP'],
  SKB: ['TEKNIS'],
  PPPK: ['TEKNIS', 'MANAJERIAL', 'SOSIO_KULTURAL', 'WAWANCARA'],
  PELATIHAN: ['PELATIHAN'],
});

const Iso = z.string();
const OptionKeySchema = z.enum(OPTION_KEYS);
export const OkResponse = z.object({ ok: z.literal(true) });

// ── item bank ──
export const ItemScoringSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('key'), correct: OptionKeySchema, points: z.number() }),
  z.object({ kind: z.literal('weights'), weights: z.partialRecord(OptionKeySchema, z.number()) }),
]);
export type ItemScoring = z.infer<typeof ItemScoringSchema>;

/** An item version's content as stored (the write rules are the domain's ItemContentSchema). */
export const ItemContentOut = z.object({
  examType: z.enum(EXAM_TYPES),
  subtest: z.enum(SUBTESTS),
  category: z.string(),
  stem: z.string(),
  imageKey: z.string().nullable(),
  options: z.array(z.object({ key: OptionKeySchema, text: z.string() })),
  scoring: ItemScoringSchema,
  explanation: z.string().nullable().optional(),
});
export type ItemContent = z.infer<typeof ItemContentOut>;

export const BankItem = z.object({
  id: z.guid(),
  version: z.number(),
  delivered: z.boolean(),
  retired: z.boolean(),
  updatedAt: Iso,
  content: ItemContentOut,
});
export type BankItem = z.infer<typeof BankItem>;
export const BankItemDetail = BankItem.extend({
  versions: z.array(z.object({ version: z.number(), delivered: z.boolean(), createdAt: Iso })),
});
export type BankItemDetail = z.infer<typeof BankItemDetail>;
export const BankItemPage = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(BankItem),
});
export type BankItemPage = z.infer<typeof BankItemPage>;
export const ItemUpdateResult = z.object({
  outcome: z.enum(['updated', 'new_version', 'unchanged']),
  item: BankItemDetail,
});

export const ImportReport = z.object({
  ok: z.boolean(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  report: z.array(
    z.object({
      line: z.number(),
      itemId: z.string().nullable(),
      status: z.enum(['valid', 'error', 'created', 'updated', 'new_version', 'unchanged']),
      problems: z.array(z.object({ field: z.string(), message: z.string() })),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;
export const ItemImageUploaded = z.object({ imageKey: z.guid(), mime: z.string(), size: z.number() });

// ── blueprints ──
/** A blueprint as stored (the write rules are the domain's BlueprintSchema). */
export const BlueprintOut = z.object({
  examType: z.enum(EXAM_TYPES),
  name: z.string(),
  durationMinutes: z.number(),
  accommodatedMinutes: z.number(),
  /** Cap on a proctor's extra time per attempt; the server's default (30) when absent. */
  maxGrantMinutes: z.number().optional(),
  sections: z.array(z.object({ subtest: z.enum(SUBTESTS), category: z.string().nullable(), count: z.number() })),
  thresholdsRef: z.string(),
});
export type Blueprint = z.infer<typeof BlueprintOut>;
export const BlueprintRow = z.object({
  id: z.guid(),
  name: z.string(),
  examType: z.enum(EXAM_TYPES),
  itemCount: z.number(),
  blueprint: BlueprintOut,
  updatedAt: Iso,
});
export type BlueprintRow = z.infer<typeof BlueprintRow>;
export const BlueprintList = z.object({ blueprints: z.array(BlueprintRow) });

// ── CAT sessions (proctor console) ──
/** CAT state of an exam session; never carries the token. */
export const CatSessionState = z.object({
  blueprintId: z.guid(),
  blueprintName: z.string(),
  open: z.boolean(),
  /** When the current token was issued: opening again issues a new token and moves this time. */
  openedAt: Iso,
  closedAt: Iso.nullable(),
  graceSeconds: z.number(),
});
export type CatSessionState = z.infer<typeof CatSessionState>;
export const CatSessionSummary = z.object({
  sessionId: z.guid(),
  period: z.object({ id: z.guid(), name: z.string(), year: z.number() }),
  site: z.object({ id: z.guid(), name: z.string() }),
  startsAt: Iso,
  durationMinutes: z.number(),
  capacity: z.number(),
  assigned: z.number(),
  cat: CatSessionState.nullable(),
  /** started counts every attempt, submitted ones included. */
  counts: z.object({ started: z.number(), submitted: z.number() }),
});
export type CatSessionSummary = z.infer<typeof CatSessionSummary>;
export const CatSessionPage = z.object({
  sessions: z.array(CatSessionSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export const CatSessionDetail = CatSessionSummary.extend({
  blueprint: z
    .object({
      id: z.guid(),
      name: z.string(),
      examType: z.string(),
      durationMinutes: z.number(),
      itemCount: z.number(),
    })
    .nullable(),
});
export type CatSessionDetail = z.infer<typeof CatSessionDetail>;
export const SessionProctors = z.object({
  proctors: z.array(z.object({ accountId: z.guid(), fullName: z.string(), email: z.string(), assignedAt: Iso })),
  available: z.array(z.object({ accountId: z.guid(), fullName: z.string() })),
});
export const SessionOpened = z.object({ sessionId: z.guid(), token: z.string(), graceSeconds: z.number() });
export const SessionClosed = z.object({ ok: z.literal(true), absent: z.number() });

export const PARTICIPANT_STATES = ['not_started', 'in_progress', 'submitted'] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];
const SubmittedBy = z.enum(['participant', 'server']);
export const ProctorParticipant = z.object({
  applicationId: z.guid(),
  participantNo: z.string().nullable(),
  fullName: z.string(),
  seat: z.number().nullable(),
  extraMinutes: z.number(),
  attemptId: z.guid().nullable(),
  state: z.enum(PARTICIPANT_STATES),
  disconnected: z.boolean(),
  answered: z.number(),
  itemCount: z.number(),
  timeLeftMs: z.number(),
  deadlineAt: Iso.nullable(),
  lastSeenAt: Iso.nullable(),
  submittedBy: SubmittedBy.nullable(),
});
export type ProctorParticipant = z.infer<typeof ProctorParticipant>;
/** Also each `snapshot` event of the proctor's SSE stream. */
export const ParticipantsSnapshot = z.object({
  sessionId: z.guid(),
  open: z.boolean(),
  now: Iso,
  participants: z.array(ProctorParticipant),
});
export type ParticipantsSnapshot = z.infer<typeof ParticipantsSnapshot>;
export const TimeGranted = z.object({ attemptId: z.guid(), deadlineAt: Iso });
export const DeviceApproved = z.object({ attemptId: z.guid(), approved: z.literal(true) });
export const LockoutCleared = z.object({ applicationId: z.guid(), cleared: z.number() });
export const Incident = z.object({
  id: z.union([z.number(), z.string()]),
  kind: z.string(),
  detail: z.string(),
  at: Iso,
  attemptId: z.guid().nullable(),
  applicationId: z.guid().nullable(),
  participantNo: z.string().nullable(),
});
export type Incident = z.infer<typeof Incident>;
export const IncidentList = z.object({ incidents: z.array(Incident) });

export const ItemStat = z.object({
  itemId: z.guid(),
  version: z.number(),
  subtest: z.string(),
  category: z.string(),
  stem: z.string(),
  n: z.number(),
  difficulty: z.number(),
  /** Mean points per attempt; for a weighted (TKP) item the mean weight chosen, of `maxPoints`. */
  meanPoints: z.number(),
  maxPoints: z.number(),
  /** Scored by option weights (TKP): no single right answer, so no easy/hard judgement. */
  weighted: z.boolean(),
  pointBiserial: z.number().nullable(),
  optionDistribution: z.partialRecord(z.enum([...OPTION_KEYS, 'blank']), z.number()),
  flags: z.array(z.enum(['too_easy', 'too_hard', 'low_discrimination', 'negative_discrimination'])),
});
export type ItemStat = z.infer<typeof ItemStat>;
export const ItemAnalysis = z.object({
  sessionId: z.guid(),
  attempts: z.number(),
  minSample: z.number(),
  items: z.array(ItemStat),
});

// ── participant ──
export const ExamResult = z.object({
  twk: z.number(),
  tiu: z.number(),
  tkp: z.number(),
  total: z.number(),
  answered: z.number(),
  bySubtest: z.partialRecord(z.enum(SUBTESTS), z.number()),
  /** null: not an SKD, or the year has no passing grades. */
  passed: z.boolean().nullable(),
  thresholdText: z.string().nullable(),
});
export type ExamResult = z.infer<typeof ExamResult>;
export const MyResult = ExamResult.extend({
  attemptId: z.guid(),
  participantNo: z.string().nullable(),
  submittedAt: Iso,
  submittedBy: SubmittedBy.nullable(),
});
export type MyResult = z.infer<typeof MyResult>;

/**
 * The exam as the participant's page gets it (sign-in and `GET /cat/attempt`). The server sends it
 * as bytes it assembled itself (a hall's loads are the hot path), so this schema documents it and
 * types the web; the serializer never runs on it.
 */
export const AttemptView = z.object({
  attempt: z.object({
    id: z.guid(),
    sessionId: z.guid(),
    status: z.enum(['in_progress', 'submitted']),
    startedAt: Iso,
    deadlineAt: Iso,
    now: Iso,
    remainingMs: z.number(),
    graceSeconds: z.number(),
    extraMinutes: z.number(),
    submittedAt: Iso.nullable(),
  }),
  items: z.array(
    z.object({
      number: z.number(),
      itemId: z.guid(),
      subtest: z.string(),
      stem: z.string(),
      imageKey: z.string().nullable(),
      options: z.array(z.object({ key: OptionKeySchema, text: z.string() })),
    }),
  ),
  answers: z.array(
    z.object({
      itemId: z.guid(),
      chosen: OptionKeySchema.nullable(),
      flagged: z.boolean(),
      seq: z.number(),
      savedAt: Iso,
    }),
  ),
  result: ExamResult.nullable(),
});
export type AttemptView = z.infer<typeof AttemptView>;
export { SaveAckSchema as SaveAck };

// ── public ──
export const ScoreRow = z.object({
  participantNo: z.string().nullable(),
  name: z.string(),
  status: z.enum(PARTICIPANT_STATES),
  /** Scores appear only once the attempt is submitted (an open attempt's running score would reveal keys). */
  twk: z.number().nullable(),
  tiu: z.number().nullable(),
  tkp: z.number().nullable(),
  total: z.number().nullable(),
  answered: z.number(),
  itemCount: z.number(),
  timeLeftMs: z.number(),
  passed: z.boolean().nullable(),
});
export type ScoreRow = z.infer<typeof ScoreRow>;
/** Also each `snapshot` event of the public SSE stream. */
export const Scoreboard = z.object({ sessionId: z.guid(), updatedAt: Iso, participants: z.array(ScoreRow) });
export type Scoreboard = z.infer<typeof Scoreboard>;
/** The public QR check: scores and pass/fail only, never the name. */
export const CertificateCheck = z.object({
  attemptId: z.guid(),
  participantNo: z.string().nullable(),
  submittedAt: Iso,
  twk: z.number(),
  tiu: z.number(),
  tkp: z.number(),
  total: z.number(),
  passed: z.boolean().nullable(),
});
export type CertificateCheck = z.infer<typeof CertificateCheck>;
