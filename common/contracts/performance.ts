/** Contracts for performance (SKP, PermenPANRB 6/2022) and policy follow-up: request bodies and queries. */
import { z } from 'zod';

export const RATING_VALUES = ['above', 'meets', 'below'] as const;
export const PREDIKAT_VALUES = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export const ORG_PREDIKAT_VALUES = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export const PERIOD_VALUES = ['q1', 'q2', 'q3', 'q4', 'annual'] as const;
export const BERAKHLAK_VALUES = [
  'berorientasi_pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export const PERSPECTIVE_VALUES = ['penerima_layanan', 'proses_bisnis', 'penguatan_internal', 'anggaran'] as const;
export const CASCADE_KIND_VALUES = ['direct', 'indirect'] as const;
export const ISSUER_VALUES = ['kemenpanrb', 'bkn', 'lan', 'kemendagri', 'presiden', 'pemprov', 'lainnya'] as const;
export const MILESTONE_STATUS_VALUES = ['planned', 'in_progress', 'done'] as const;

const Text = (max: number) => z.string().trim().min(2).max(max);
const Year = z.coerce.number().int().min(2000).max(2100);
const OrgId = z.string().regex(/^[a-z0-9-]{1,40}$/);
const Link = z.url({ protocol: /^https?$/ }).max(500);

export const YearQuery = z.strictObject({ year: Year });
export const YearParams = z.strictObject({ year: Year });
/** Without a year or a period, the newest period with final evaluations is shown (and named in the response). */
export const DashboardQuery = z.strictObject({
  year: Year.optional(),
  period: z.enum(PERIOD_VALUES).optional(),
  organizationId: OrgId.optional(),
});
export const ExportQuery = z.strictObject({
  year: Year,
  period: z.enum(PERIOD_VALUES),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

const Rating = z.enum(RATING_VALUES);
export const RulesBody = z.strictObject({
  /** Every cell: zod 4's record over an enum requires all nine. */
  matrix: z.record(Rating, z.record(Rating, z.enum(PREDIKAT_VALUES))),
  note: z.string().trim().max(500).default(''),
});
export const OrgPredikatBody = z.strictObject({ predikat: z.enum(ORG_PREDIKAT_VALUES) });
export const OrgPredikatParams = z.strictObject({ year: Year, organizationId: OrgId });

export const StartPlanBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  employeeId: z.uuid().nullable().default(null),
});

export const IndicatorBody = z.strictObject({
  description: Text(300),
  kind: z.enum(['quantitative', 'qualitative']),
  target: z.string().trim().min(1).max(200),
  unit: z.string().trim().max(40).default(''),
});
export const ResultBody = z.strictObject({
  title: Text(300),
  perspective: z.enum(PERSPECTIVE_VALUES),
  isMain: z.boolean().default(true),
  indicators: z.array(IndicatorBody).min(1).max(10),
});
export const CascadeBody = z
  .strictObject({
    /** Direct reports to cascade to; omit with `unit: true` for every direct report in the unit. */
    employeeIds: z.array(z.uuid()).min(1).max(2000).optional(),
    unit: z.boolean().optional(),
    kind: z.enum(CASCADE_KIND_VALUES).default('direct'),
    /** The subordinate's wording; the parent's title when empty. */
    title: z.string().trim().max(300).default(''),
    /** The subordinate's indicators; the parent's when omitted. */
    indicators: z.array(IndicatorBody).min(1).max(10).optional(),
  })
  .refine((b) => (b.unit === true) !== (b.employeeIds !== undefined), {
    message: 'Pilih pegawai tertentu atau seluruh unit (salah satu).',
    path: ['employeeIds'],
  });
export const BehavioursBody = z.strictObject({
  expectations: z.partialRecord(z.enum(BERAKHLAK_VALUES), z.string().trim().max(500)),
});
export const AgreeBody = z.strictObject({ clarification: z.string().trim().max(1000).default('') });

export const EvaluationBody = z.strictObject({
  resultRatings: z.record(z.uuid(), Rating).default({}),
  behaviourRatings: z.partialRecord(z.enum(BERAKHLAK_VALUES), Rating).default({}),
  realisations: z.record(z.uuid(), z.string().trim().max(500)).default({}),
  /** The evaluator's overall ratings; derived from the items (RULES.md §4.3) when omitted. */
  ratingResults: Rating.optional(),
  ratingBehaviour: Rating.optional(),
  note: z.string().trim().max(2000).default(''),
});
export const EvaluationParams = z.strictObject({ id: z.uuid(), period: z.enum(PERIOD_VALUES) });

export const FeedbackNoteBody = z.strictObject({ kind: z.literal('feedback'), body: Text(2000) });
export const LinkNoteBody = z.strictObject({
  kind: z.literal('link'),
  body: z.string().trim().max(300).default(''),
  url: Link,
});
export const NoteBody = z.discriminatedUnion('kind', [FeedbackNoteBody, LinkNoteBody]);
export const EnrollRecommendedBody = z.strictObject({ programId: z.uuid(), batchId: z.uuid() });

// ── policy follow-up ──
const IsoDay = z.iso.date();
export const PolicyBody = z.strictObject({
  number: Text(120),
  title: Text(300),
  issuedOn: IsoDay,
  issuer: z.enum(ISSUER_VALUES),
  summary: z.string().trim().max(3000).default(''),
});
export const MilestoneBody = z.strictObject({ title: Text(300), dueOn: IsoDay });
export const ActionBody = z.strictObject({
  title: Text(300),
  organizationId: OrgId,
  milestones: z.array(MilestoneBody).max(30).default([]),
});
export const MilestoneUpdateBody = z.strictObject({
  status: z.enum(MILESTONE_STATUS_VALUES).optional(),
  evidenceUrl: Link.nullable().optional(),
  evidencePublic: z.boolean().optional(),
  /** The responsible OPD's answer when the milestone is late (shown on the public page). */
  lateAnswer: z.string().trim().min(2).max(1000).optional(),
});

// ── responses (the serializer enforces them; the web infers its types from them) ──
const Bilingual = z.strictObject({ id: z.string(), en: z.string() });
const Period = z.enum(PERIOD_VALUES);
const PredikatEnum = z.enum(PREDIKAT_VALUES);
const OrgPredikatEnum = z.enum(ORG_PREDIKAT_VALUES);
const Instant = z.iso.datetime();
const Org = z.strictObject({ id: z.string(), name: z.string() });
const PlanStatus = z.enum(['draft', 'agreed']);
const EvaluationStatus = z.enum(['draft', 'final']);
/** One count per predikat (every key present). */
export const PredikatCounts = z.record(PredikatEnum, z.number().int());
const PeriodCounts = z.record(Period, z.number().int());
const Matrix = z.record(Rating, z.record(Rating, PredikatEnum));
export const IdResponse = z.strictObject({ id: z.uuid() });

export const RulesResponse = z.strictObject({
  year: z.number().int(),
  matrix: Matrix,
  note: z.string(),
  custom: z.boolean(),
  uncertain: Bilingual,
  organizations: z.array(z.strictObject({ organizationId: z.string(), predikat: OrgPredikatEnum })),
});
export const OrgPredikatResponse = z.strictObject({
  organizationId: z.string(),
  year: z.number().int(),
  predikat: OrgPredikatEnum,
});

export const Distribution = z.strictObject({
  organizationPredikat: OrgPredikatEnum,
  organizationPredikatSet: z.boolean(),
  counts: PredikatCounts,
  warnings: z.array(Bilingual),
});
export const Evaluation = z.strictObject({
  id: z.uuid(),
  period: Period,
  periodLabel: Bilingual,
  status: EvaluationStatus,
  ratingResults: Rating,
  ratingBehaviour: Rating,
  predikat: PredikatEnum,
  resultRatings: z.record(z.string(), Rating),
  behaviourRatings: z.record(z.string(), Rating),
  realisations: z.record(z.string(), z.string()),
  note: z.string(),
  finalisedAt: Instant.nullable(),
});
export const PlanView = z.strictObject({
  plan: z.strictObject({
    id: z.uuid(),
    year: z.number().int(),
    status: PlanStatus,
    clarification: z.string(),
    agreedAt: Instant.nullable(),
    employee: z.strictObject({
      id: z.uuid(),
      nip: z.string(),
      fullName: z.string(),
      jabatan: z.string(),
      unit: z.string(),
      organization: Org,
    }),
    evaluator: z.strictObject({ id: z.uuid(), nip: z.string(), fullName: z.string(), jabatan: z.string() }).nullable(),
    atasan: z.strictObject({ nip: z.string(), fullName: z.string() }).nullable(),
  }),
  viewer: z.enum(['employee', 'evaluator', 'atasan', 'staff']),
  can: z.strictObject({
    addResult: z.boolean(),
    setBehaviours: z.boolean(),
    agree: z.boolean(),
    reopen: z.boolean(),
    evaluate: z.boolean(),
    addNote: z.boolean(),
  }),
  results: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      perspective: z.enum(PERSPECTIVE_VALUES),
      isMain: z.boolean(),
      cascadeKind: z.enum(CASCADE_KIND_VALUES).nullable(),
      parentTitle: z.string().nullable(),
      proposedBy: z.enum(['evaluator', 'employee']),
      indicators: z.array(
        z.strictObject({
          id: z.uuid(),
          description: z.string(),
          kind: z.enum(['quantitative', 'qualitative']),
          target: z.string(),
          unit: z.string(),
        }),
      ),
      notes: z.array(
        z.strictObject({
          id: z.uuid(),
          side: z.enum(['employee', 'evaluator']),
          kind: z.enum(['feedback', 'link', 'file']),
          body: z.string(),
          url: z.string().nullable(),
          fileMime: z.string().nullable(),
          fileSize: z.number().int().nullable(),
          author: z.string(),
          createdAt: Instant,
        }),
      ),
    }),
  ),
  behaviours: z.array(z.strictObject({ value: z.enum(BERAKHLAK_VALUES), label: z.string(), expectation: z.string() })),
  evaluations: z.array(Evaluation),
  nextPeriod: Period.nullable(),
  /** Only the evaluator's drafts carry one. */
  distributions: z.partialRecord(Period, Distribution),
});
export const EvaluationResponse = z.strictObject({ evaluation: Evaluation, distribution: Distribution });

const Person = z.strictObject({
  id: z.uuid(),
  nip: z.string(),
  fullName: z.string(),
  jabatan: z.string(),
  organization: Org,
});
export const TeamResponse = z.strictObject({
  year: z.number().int(),
  me: Person,
  myPlan: z
    .strictObject({
      id: z.uuid(),
      status: PlanStatus,
      results: z.array(z.strictObject({ id: z.uuid(), title: z.string(), perspective: z.enum(PERSPECTIVE_VALUES) })),
    })
    .nullable(),
  members: z.array(
    z.strictObject({
      employee: z.strictObject({
        id: z.uuid(),
        nip: z.string(),
        fullName: z.string(),
        jabatan: z.string(),
        status: z.string(),
        organization: Org,
      }),
      plan: z.strictObject({ id: z.uuid(), status: PlanStatus, results: z.number().int() }).nullable(),
      evaluations: z.partialRecord(Period, z.strictObject({ status: EvaluationStatus, predikat: PredikatEnum })),
    }),
  ),
});
export const StartPlanResponse = z.strictObject({ id: z.uuid(), created: z.boolean() });
export const CascadeResponse = z.strictObject({
  cascaded: z.number().int(),
  skipped: z.array(z.strictObject({ employeeId: z.uuid(), reason: z.enum(['agreed', 'already']) })),
});

export const DashboardResponse = z.strictObject({
  year: z.number().int(),
  period: Period,
  organizations: z.array(
    z.strictObject({
      organizationId: z.string(),
      name: z.string(),
      employees: z.number().int(),
      plans: z.number().int(),
      agreed: z.number().int(),
      final: PeriodCounts,
      predikat: PredikatCounts,
      organizationPredikat: OrgPredikatEnum.nullable(),
      warnings: z.array(Bilingual),
    }),
  ),
  totals: z.strictObject({
    employees: z.number().int(),
    plans: z.number().int(),
    agreed: z.number().int(),
    final: z.number().int(),
    predikat: PredikatCounts,
  }),
  lateEvaluators: z.array(
    z.strictObject({
      id: z.uuid(),
      nip: z.string(),
      fullName: z.string(),
      organization: Org,
      pending: z.number().int(),
    }),
  ),
  due: z.strictObject({ period: Period, dueOn: z.string(), overdue: z.boolean() }),
});

/**
 * Index-driven needs of one OPD (issue 26 §3): the kompetensi gaps training can close in its
 * people's IP ASN, and per planned training (a plan line or a programme with an open batch) the
 * expected gain — an estimate, provisional where the instrument's cells are.
 */
export const IndexPlanNeeds = z.strictObject({
  /** People measured in the year, and of them with a complete index (the average is over them). */
  people: z.number().int(),
  measured: z.number().int(),
  average: z.number().nullable(),
  needs: z.array(
    z.strictObject({
      action: z.enum(['kepemimpinan', 'fungsional', 'teknis', 'seminar']),
      level: z.string().nullable(),
      people: z.number().int(),
      gainEach: z.number(),
      provisional: z.boolean(),
      text: Bilingual,
    }),
  ),
  trainings: z.array(
    z.strictObject({
      program: z.strictObject({ id: z.uuid(), title: z.string(), kind: z.string(), jp: z.number().int() }),
      /** A line of this OPD's plan; else offered in an open batch. */
      inPlan: z.boolean(),
      openBatches: z.number().int(),
      covered: z.number().int(),
      points: z.number(),
      averageChange: z.number().nullable(),
      expectedAverage: z.number().nullable(),
      provisional: z.boolean(),
    }),
  ),
});

export const CompetencyPlanResponse = z.strictObject({
  year: z.number().int(),
  /** The IP ASN year and instrument the index-driven needs come from; null when no year has results. */
  index: z
    .strictObject({ year: z.number().int(), instrumentVersion: z.string(), provisionalCells: z.number().int() })
    .nullable(),
  organizations: z.array(
    z.strictObject({
      organizationId: z.string(),
      name: z.string(),
      assessed: z.number().int(),
      withNeeds: z.number().int(),
      valuesBelow: z.array(
        z.strictObject({ value: z.enum(BERAKHLAK_VALUES), label: z.string(), employees: z.number().int() }),
      ),
      rows: z.array(
        z.strictObject({
          program: z.strictObject({
            id: z.uuid(),
            title: z.string(),
            competencyArea: z.string(),
            jp: z.number().int(),
            costRupiah: z.number().int(),
          }),
          employees: z.number().int(),
          jp: z.number().int(),
          costRupiah: z.number().int(),
          reasons: z.array(z.strictObject({ reason: Bilingual, count: z.number().int() })),
        }),
      ),
      jp: z.number().int(),
      costRupiah: z.number().int(),
      index: IndexPlanNeeds.nullable(),
    }),
  ),
  totals: z.strictObject({ jp: z.number().int(), costRupiah: z.number().int() }),
});

export const ImportReportResponse = z.strictObject({
  committed: z.boolean(),
  ok: z.boolean(),
  counts: z.strictObject({ import: z.number().int(), skip: z.number().int(), error: z.number().int() }),
  report: z.array(
    z.strictObject({
      line: z.number().int(),
      nip: z.string().nullable(),
      status: z.enum(['import', 'skip', 'error']),
      problems: z.array(Bilingual),
    }),
  ),
});

/** Aggregates only: no name, NIP or evaluator. */
export const PublicFiguresResponse = z.strictObject({
  year: z.number().int(),
  period: Period,
  minGroup: z.number().int(),
  predikat: PredikatCounts,
  evaluated: z.number().int(),
  byOrganization: z.array(
    z.strictObject({
      organizationId: z.string(),
      name: z.string(),
      evaluated: z.number().int(),
      predikat: PredikatCounts.nullable(),
    }),
  ),
  jp: z.strictObject({
    required: z.number().int(),
    employees: z.number().int(),
    met: z.number().int(),
    percent: z.number().int(),
    byOrganization: z.array(
      z.strictObject({
        organizationId: z.string(),
        name: z.string(),
        employees: z.number().int(),
        percent: z.number().int().nullable(),
      }),
    ),
  }),
});

export const Recommendation = z.strictObject({
  program: z.strictObject({
    id: z.uuid(),
    title: z.string(),
    competencyArea: z.string(),
    jp: z.number().int(),
    kind: z.string(),
    modality: z.string(),
    batches: z.array(
      z.strictObject({
        id: z.uuid(),
        name: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        venue: z.string(),
        seated: z.number().int(),
        capacity: z.number().int(),
      }),
    ),
  }),
  reasons: z.array(Bilingual),
  period: Period,
});
export const MySkpResponse = z.strictObject({
  year: z.number().int(),
  employee: Person,
  plan: z
    .strictObject({
      id: z.uuid(),
      status: PlanStatus,
      evaluator: z.strictObject({ nip: z.string(), fullName: z.string() }).nullable(),
    })
    .nullable(),
  evaluations: z.array(Evaluation),
  recommendations: z.array(Recommendation),
});
export const EnrolledResponse = z.strictObject({ id: z.uuid(), status: z.enum(['enrolled', 'waitlisted']) });

// ── policy follow-up responses ──
const MilestoneLateness = { deadline: z.string(), late: z.boolean(), workingDaysLate: z.number().int() };
export const MilestoneView = z.strictObject({
  id: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  ...MilestoneLateness,
  status: z.enum(MILESTONE_STATUS_VALUES),
  doneOn: z.string().nullable(),
  /** On the public page only when marked public. */
  evidenceUrl: z.string().nullable(),
  evidencePublic: z.boolean(),
  lateAnswer: z.string().nullable(),
});
/** PATCH /policy-milestones/:id: the milestone's state after the change. */
export const MilestoneUpdateResponse = MilestoneView.omit({ title: true, dueOn: true });
export const PolicySummary = z.strictObject({
  id: z.uuid(),
  number: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  issuer: z.enum(ISSUER_VALUES),
  summary: z.string(),
  progress: z.strictObject({
    done: z.number().int(),
    total: z.number().int(),
    percent: z.number().int(),
    late: z.number().int(),
  }),
});
export const PolicyView = PolicySummary.extend({
  actions: z.array(
    z.strictObject({
      id: z.uuid(),
      title: z.string(),
      organization: z.strictObject({ id: z.string(), name: z.string() }),
      canUpdate: z.boolean(),
      milestones: z.array(MilestoneView),
    }),
  ),
});
export const PolicyListResponse = z.strictObject({ policies: z.array(PolicySummary) });
