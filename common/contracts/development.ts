/** Contracts for development: ASN records (data pegawai) and their sheet import. */
import { z } from 'zod';

export const EMPLOYEE_STATUS_VALUES = ['CPNS', 'PNS', 'PPPK'] as const;
export const JABATAN_KIND_VALUES = ['struktural', 'fungsional', 'pelaksana'] as const;

const Bilingual = z.strictObject({ id: z.string(), en: z.string() });

/** One employee as staff and the person see it; the birth date only for BKPSDM and the person. */
export const EmployeeView = z.strictObject({
  id: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  status: z.enum(EMPLOYEE_STATUS_VALUES),
  gender: z.enum(['L', 'P']),
  birthDate: z.string().nullable(),
  tmt: z.string(),
  organization: z.strictObject({ id: z.string(), name: z.string() }),
  unit: z.string(),
  jabatanKind: z.enum(JABATAN_KIND_VALUES),
  jabatan: z.string(),
  jenjang: z.string(),
  golongan: z.string(),
  supervisor: z.strictObject({ id: z.uuid(), nip: z.string(), fullName: z.string() }).nullable(),
  hasAccount: z.boolean(),
});

export const EmployeeListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  organizationId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  status: z.enum(EMPLOYEE_STATUS_VALUES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const EmployeeListResponse = z.strictObject({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whose records these are: every OPD (BKPSDM), the supervisor's unit, or the person's own. */
  scope: z.enum(['all', 'unit', 'self']),
  employees: z.array(EmployeeView),
});

/** POST /employees/import: the per-row report of a dry run, or of the import itself (all rows or none). */
export const EmployeeImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ new: z.number().int(), update: z.number().int(), error: z.number().int() }),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      nip: z.string().nullable(),
      status: z.enum(['new', 'update', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});

export const EmployeeImportQuery = z.strictObject({
  commit: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export const SheetFormatQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

// ── training ──
export const PROGRAM_KIND_VALUES = [
  'latsar',
  'orientasi_pppk',
  'pkp',
  'pka',
  'pkn',
  'teknis',
  'fungsional',
  'seminar',
  'elearning',
] as const;
export const MODALITY_VALUES = ['klasikal', 'blended', 'daring'] as const;
export const PARTNER_KIND_VALUES = ['universitas', 'pemerintah', 'lembaga_diklat', 'lainnya'] as const;
const Text = (max: number) => z.string().trim().min(2).max(max);
/** A calendar day; an empty field says "Wajib diisi", a wrong one how to write it (FIELD_MESSAGES). */
const IsoDay = z.iso.date({ error: (issue) => (issue.input === '' ? 'required' : 'date.format') });

export const PartnerBody = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/),
  name: Text(160),
  kind: z.enum(PARTNER_KIND_VALUES),
});

export const ProgramBody = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9._-]{2,40}$/),
  title: Text(200),
  kind: z.enum(PROGRAM_KIND_VALUES),
  competencyArea: Text(120),
  jp: z.number().int().min(1).max(2000),
  modality: z.enum(MODALITY_VALUES),
  partnerId: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .nullable(),
  eligibility: z.strictObject({
    statuses: z.array(z.enum(EMPLOYEE_STATUS_VALUES)).max(3).optional(),
    jabatanKinds: z.array(z.enum(JABATAN_KIND_VALUES)).max(3).optional(),
    organizationIds: z
      .array(z.string().regex(/^[a-z0-9-]{1,40}$/))
      .max(100)
      .optional(),
  }),
  costRupiah: z.number().int().min(0).max(1_000_000_000),
  description: z.string().trim().max(2000),
  /** What completing takes (issue 12): attendance share, post-test pass score (null = none), the assignment. */
  completion: z
    .strictObject({
      minAttendancePct: z.number().int().min(0).max(100),
      postTestPass: z.number().int().min(0).max(100).nullable(),
      assignmentRequired: z.boolean(),
    })
    .default({ minAttendancePct: 0, postTestPass: null, assignmentRequired: false }),
});

export const BatchBody = z
  .strictObject({
    name: Text(80),
    startsOn: IsoDay,
    endsOn: IsoDay,
    venue: Text(200),
    facilitators: z.string().trim().max(500),
    capacity: z.number().int().min(1).max(10_000),
  })
  .refine((b) => b.endsOn >= b.startsOn, {
    message: 'Tanggal selesai harus sama atau setelah tanggal mulai.',
    path: ['endsOn'],
  });

/** A batch's new dates (BKPSDM moves a batch when its schedule changes); the reason is audited. */
export const BatchScheduleBody = z
  .strictObject({ startsOn: IsoDay, endsOn: IsoDay, reason: Text(300) })
  .refine((b) => b.endsOn >= b.startsOn, {
    message: 'Tanggal selesai harus sama atau setelah tanggal mulai.',
    path: ['endsOn'],
  });
export const EnrollBody = z.strictObject({ employeeId: z.uuid() });
export const FinishBody = z.strictObject({ enrollmentIds: z.array(z.uuid()).min(1).max(2000), passed: z.boolean() });
export const JpReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  organizationId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
});

export const CLAIM_KIND_VALUES = [
  'seminar',
  'coaching',
  'mentoring',
  'elearning',
  'benchmarking',
  'pelatihan_jarak_jauh',
  'belajar_mandiri',
  'lainnya',
] as const;
export const JpClaimBody = z.strictObject({
  kind: z.enum(CLAIM_KIND_VALUES),
  title: Text(200),
  organizer: Text(160),
  heldOn: IsoDay,
  minutes: z.number().int().min(45).max(60_000),
  /** Where the certificate or proof is (a link to the file in the OPD's drive, a LMS page …). */
  evidenceUrl: z.url({ protocol: /^https?$/ }).max(500),
});
export const ClaimDecisionBody = z.strictObject({ approve: z.boolean(), note: z.string().trim().max(500).nullable() });
export const ClaimListQuery = z.strictObject({
  status: z.enum(['submitted', 'approved', 'rejected']).default('submitted'),
});

// ── completion: meetings, attendance, scores, certificates, feedback (issue 12) ──
const Score = z.number().int().min(0).max(100).nullable();
export const MeetingBody = z
  .strictObject({
    title: Text(160),
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
  })
  .refine((m) => new Date(m.endsAt).getTime() > new Date(m.startsAt).getTime(), {
    message: 'Jam selesai harus setelah jam mulai.',
    path: ['endsAt'],
  });
/** A scan: the token the QR carried, and for a scan that waited offline the time it was made. */
export const ScanBody = z.strictObject({
  token: z.string().trim().min(1).max(200),
  scannedAt: z.iso.datetime({ offset: true }).optional(),
});
export const MarkBody = z.strictObject({ enrollmentId: z.uuid(), present: z.boolean() });
export const ScoresBody = z.strictObject({ preTest: Score, postTest: Score, assignmentDone: z.boolean() });
export const CertificatesBody = z.strictObject({ enrollmentIds: z.array(z.uuid()).min(1).max(2000) });
export const RevokeBody = z.strictObject({ reason: Text(500) });
const Rating = z.number().int().min(1).max(5);
export const FeedbackBody = z.strictObject({
  facilitator: Rating,
  material: Rating,
  venue: Rating,
  usefulness: Rating,
  comment: z.string().trim().max(1000).default(''),
});

// ── appointment: a published final result into CPNS/PPPK records (issue 12) ──
export const AppointBody = z.strictObject({
  periodId: z.uuid(),
  applicationId: z.uuid(),
  nip: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.]/g, ''))
    .pipe(z.string().regex(/^\d{18}$/, 'NIP/NI PPPK harus 18 angka.')),
  tmt: IsoDay,
  unit: z.string().trim().max(120).default(''),
  jabatanKind: z.enum(JABATAN_KIND_VALUES).default('fungsional'),
  jenjang: z.string().trim().max(60).default(''),
  golongan: z.string().trim().min(1).max(10),
  supervisorNip: z
    .string()
    .trim()
    .regex(/^\d{18}$/, 'NIP atasan harus 18 angka.')
    .nullable()
    .default(null),
});

// ── completion responses (issue 12): what completion.routes.ts answers, enforced by its serializer ──
const Revoked = z.strictObject({ at: z.string(), reason: z.string() }).nullable();
export const MeetingView = z.strictObject({
  id: z.uuid(),
  seq: z.number().int(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});
export const MeetingList = z.strictObject({ meetings: z.array(MeetingView) });
export const CreatedId = z.strictObject({ id: z.uuid() });
export const MeetingQrView = z.strictObject({
  meeting: z.strictObject({
    id: z.uuid(),
    seq: z.number().int(),
    title: z.string(),
    batchId: z.uuid(),
    batchName: z.string(),
    programTitle: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
  }),
  token: z.string(),
  url: z.string(),
  svg: z.string(),
  expiresAt: z.string(),
  windowSeconds: z.number().int(),
  open: z.boolean(),
});
export const ScanResult = z.strictObject({
  recorded: z.boolean(),
  already: z.boolean(),
  meeting: z.strictObject({ seq: z.number().int(), title: z.string() }),
  batch: z.strictObject({ id: z.uuid(), name: z.string(), programTitle: z.string() }),
  attendedAt: z.string(),
});
export const MarkResult = z.strictObject({ changed: z.boolean() });
export const AttendanceReport = z.strictObject({
  minAttendancePct: z.number().int(),
  meetings: z.array(MeetingView.extend({ present: z.number().int() })),
  participants: z.array(
    z.strictObject({
      enrollmentId: z.uuid(),
      nip: z.string(),
      fullName: z.string(),
      attended: z.number().int(),
      percent: z.number().int().nullable(),
      marks: z.array(
        z.strictObject({
          meetingId: z.uuid(),
          method: z.enum(['scan', 'manual']).nullable(),
          at: z.string().nullable(),
        }),
      ),
    }),
  ),
});
export const ScoresResult = z.strictObject({ gain: z.number().int().nullable() });
export const CertificateView = z.strictObject({
  id: z.uuid(),
  enrollmentId: z.uuid(),
  number: z.string(),
  fullName: z.string(),
  issuedAt: z.string(),
  revoked: Revoked,
  verifyUrl: z.string(),
});
export const CertificateList = z.strictObject({ certificates: z.array(CertificateView) });
export const IssueResult = z.strictObject({
  issued: z.array(z.strictObject({ id: z.uuid(), enrollmentId: z.uuid(), number: z.string(), fullName: z.string() })),
  already: z.number().int(),
});
export const CertificateCheck = z.strictObject({
  number: z.string(),
  fullName: z.string(),
  programTitle: z.string(),
  batchName: z.string(),
  partnerName: z.string().nullable(),
  jp: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  issuedAt: z.string(),
  revoked: Revoked,
});
const FeedbackAspectView = z.strictObject({
  aspect: z.enum(['facilitator', 'material', 'venue', 'usefulness']),
  mean: z.number().nullable(),
  counts: z.array(z.number().int()),
});
export const FeedbackReport = z.strictObject({
  responses: z.number().int(),
  aspects: z.array(FeedbackAspectView),
  comments: z.array(z.string()),
});
export const PartnerFeedback = z.strictObject({
  partners: z.array(
    z.strictObject({
      partner: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
      batches: z.number().int(),
      responses: z.number().int(),
      aspects: z.array(FeedbackAspectView),
    }),
  ),
});

// ── responses: training, JP, appointment and probation (the serializer enforces them) ──
export const ENROLLMENT_STATUS_VALUES = ['enrolled', 'waitlisted', 'cancelled', 'completed', 'not_completed'] as const;
export const CLAIM_STATUS_VALUES = ['submitted', 'approved', 'rejected'] as const;
export const PROBATION_STATE_VALUES = ['passed', 'on_track', 'at_risk', 'overdue', 'failed'] as const;
const Instant = z.iso.datetime();
const Org = z.strictObject({ id: z.string(), name: z.string() });
const Seat = z.enum(['enrolled', 'waitlisted']);
const Int = z.number().int();

export const CreatedResponse = z.strictObject({ id: z.uuid() });
export const PartnerCreatedResponse = z.strictObject({ id: z.string() });
export const Partner = z.strictObject({ id: z.string(), name: z.string(), kind: z.enum(PARTNER_KIND_VALUES) });
export const PartnerListResponse = z.strictObject({ partners: z.array(Partner) });
export const Batch = z.strictObject({
  id: z.uuid(),
  programId: z.uuid(),
  programTitle: z.string(),
  jp: Int,
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  facilitators: z.string(),
  capacity: Int,
  /** `finished` = an open batch past its end date (Palu): "Selesai", no new enrolment. */
  status: z.enum(['open', 'closed', 'cancelled', 'finished']),
  seated: Int,
  waiting: Int,
});
export const ProgramView = z.strictObject({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  kind: z.enum(PROGRAM_KIND_VALUES),
  competencyArea: z.string(),
  jp: Int,
  modality: z.enum(MODALITY_VALUES),
  partner: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  eligibility: z.strictObject({
    statuses: z.array(z.string()).readonly().optional(),
    jabatanKinds: z.array(z.string()).readonly().optional(),
    organizationIds: z.array(z.string()).readonly().optional(),
  }),
  costRupiah: Int,
  description: z.string(),
  completion: z.strictObject({ minAttendancePct: Int, postTestPass: Int.nullable(), assignmentRequired: z.boolean() }),
});
export const Program = ProgramView.extend({ batches: z.array(Batch) });
export const ProgramListResponse = z.strictObject({ programs: z.array(Program) });
export const Progress = z.strictObject({
  attended: Int,
  attendancePct: Int.nullable(),
  preTest: Int.nullable(),
  postTest: Int.nullable(),
  gain: z.number().nullable(),
  assignmentDone: z.boolean(),
  problems: z.array(Bilingual),
});
export const BatchView = z.strictObject({
  batch: Batch,
  program: ProgramView,
  meetings: Int,
  gain: z.strictObject({
    count: Int,
    pre: z.number().nullable(),
    post: z.number().nullable(),
    gain: z.number().nullable(),
  }),
  /** A supervisor sees only their unit's people. */
  enrollments: z.array(
    z.strictObject({
      id: z.uuid(),
      employeeId: z.uuid(),
      nip: z.string(),
      fullName: z.string(),
      organization: Org,
      status: z.enum(ENROLLMENT_STATUS_VALUES),
      source: z.enum(['nomination', 'bkpsdm', 'appointment']),
      requestedAt: Instant,
      progress: Progress,
    }),
  ),
});
export const EnrollResponse = z.strictObject({ id: z.uuid(), status: Seat });
export const CancelResponse = z.strictObject({ promoted: z.array(z.uuid()) });
export const FinishResponse = z.strictObject({ finished: Int });
export const RemindedResponse = z.strictObject({ reminded: Int });
export const OkResponse = z.strictObject({ ok: z.literal(true) });

export const Compliance = z.strictObject({ jp: Int, required: Int, short: Int, met: z.boolean() });
export const JpReportResponse = z.strictObject({
  year: Int,
  required: Int,
  employees: Int,
  met: Int,
  byOrganization: z.array(
    z.strictObject({ organizationId: z.string(), name: z.string(), employees: Int, met: Int, percent: Int }),
  ),
  short: z.array(
    Compliance.extend({
      employeeId: z.uuid(),
      nip: z.string(),
      fullName: z.string(),
      organization: Org,
      unit: z.string(),
    }),
  ),
});
export const ClaimSubmittedResponse = z.strictObject({ id: z.uuid(), jp: Int });
export const Claim = z.strictObject({
  id: z.uuid(),
  employee: z.strictObject({ id: z.uuid(), nip: z.string(), fullName: z.string() }),
  kind: z.enum(CLAIM_KIND_VALUES),
  title: z.string(),
  organizer: z.string(),
  heldOn: z.string(),
  minutes: Int,
  jp: Int,
  evidenceUrl: z.string(),
  status: z.enum(CLAIM_STATUS_VALUES),
  submittedAt: Instant,
  decisionNote: z.string().nullable(),
});
export const ClaimListResponse = z.strictObject({ claims: z.array(Claim) });
export const MyTrainingResponse = z.strictObject({
  year: Int,
  compliance: Compliance,
  enrollments: z.array(
    z.strictObject({
      id: z.uuid(),
      status: z.enum(ENROLLMENT_STATUS_VALUES),
      batchId: z.uuid(),
      batchName: z.string(),
      title: z.string(),
      kind: z.enum(PROGRAM_KIND_VALUES),
      jp: Int,
      startsOn: z.string(),
      endsOn: z.string(),
      venue: z.string(),
      dates: z.string(),
      feedbackGiven: z.boolean(),
      attended: z.boolean(),
    }),
  ),
  certificates: z.array(
    z.strictObject({
      id: z.uuid(),
      enrollmentId: z.uuid(),
      number: z.string(),
      issuedAt: Instant,
      revoked: z.strictObject({ at: Instant, reason: z.string() }).nullable(),
      verifyUrl: z.string(),
    }),
  ),
  ledger: z.array(
    z.strictObject({
      id: z.uuid(),
      year: Int,
      jp: Int,
      source: z.enum(['training', 'claim']),
      title: z.string(),
      recordedAt: Instant,
    }),
  ),
  claims: z.array(
    z.strictObject({
      id: z.uuid(),
      kind: z.enum(CLAIM_KIND_VALUES),
      title: z.string(),
      organizer: z.string(),
      heldOn: z.string(),
      jp: Int,
      status: z.enum(CLAIM_STATUS_VALUES),
      decisionNote: z.string().nullable(),
    }),
  ),
});

// appointment and probation
const PeriodType = z.enum(['CPNS', 'PPPK']);
const ProbationState = z.enum(PROBATION_STATE_VALUES);
export const CandidatesResponse = z.strictObject({
  published: z.boolean(),
  type: PeriodType.nullable(),
  candidates: z.array(
    z.strictObject({
      applicationId: z.uuid(),
      participantNo: z.string(),
      fullName: z.string(),
      formationCode: z.string(),
      jabatan: z.string(),
      organization: Org,
      employee: z.strictObject({ id: z.uuid(), nip: z.string() }).nullable(),
    }),
  ),
});
export const AppointmentImportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ new: Int, later: Int, recorded: Int, error: Int }),
  report: z.array(
    z.strictObject({
      line: Int,
      participantNo: z.string().nullable(),
      status: z.enum(['new', 'later', 'recorded', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});
export const AppointResponse = z.strictObject({
  employeeId: z.uuid(),
  status: PeriodType,
  enrollment: z
    .strictObject({
      id: z.uuid(),
      batchId: z.uuid(),
      batchName: z.string(),
      programTitle: z.string(),
      startsOn: z.string(),
      status: Seat,
    })
    .nullable(),
  probation: z.strictObject({ deadline: z.string(), daysLeft: Int, state: ProbationState }).nullable(),
});
/** No account ids: those stay on the server for the reminders. */
export const ProbationRow = z.strictObject({
  employee: z.strictObject({ id: z.uuid(), nip: z.string(), fullName: z.string(), organization: Org }),
  tmt: z.string(),
  deadline: z.string(),
  daysLeft: Int,
  state: ProbationState,
  reason: Bilingual,
  latsar: z
    .strictObject({ status: z.string(), batchId: z.uuid(), batchName: z.string(), programTitle: z.string() })
    .nullable(),
});
export const ProbationListResponse = z.strictObject({ atRisk: Int, rows: z.array(ProbationRow) });
export const MyProbationResponse = z.strictObject({ probation: ProbationRow.nullable() });
