/** Contracts for training pre-tests and post-tests taken on the CAT engine (issue 12). */
import { z } from 'zod';

export const TEST_PHASES = ['pre', 'post'] as const;
export type TestPhase = (typeof TEST_PHASES)[number];
const OptionKey = z.enum(['A', 'B', 'C', 'D', 'E']);
const Iso = z.string();

export const PhaseParams = z.strictObject({ id: z.uuid(), phase: z.enum(TEST_PHASES) });

/** A blueprint the training admin may choose (name, duration and size only). */
export const TestBlueprint = z.strictObject({
  id: z.uuid(),
  name: z.string(),
  durationMinutes: z.number().int(),
  itemCount: z.number().int(),
});
export const TestBlueprintList = z.strictObject({ blueprints: z.array(TestBlueprint) });

export const BatchTestBody = z
  .strictObject({
    blueprintId: z.uuid(),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
  })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), {
    path: ['closesAt'],
    message: 'Waktu tutup harus setelah waktu buka.',
  });

export const BatchTest = z.strictObject({
  phase: z.enum(TEST_PHASES),
  blueprint: z.strictObject({ id: z.uuid(), name: z.string() }),
  opensAt: Iso,
  closesAt: Iso,
  /** Attempts started so far (the blueprint is fixed once anyone started). */
  started: z.number().int(),
});
export const BatchTestList = z.strictObject({ tests: z.array(BatchTest) });
export const Ok = z.strictObject({ ok: z.literal(true) });

export const TestResult = z.strictObject({
  total: z.number().int(),
  max: z.number().int(),
  percent: z.number().int(),
  answered: z.number().int(),
});

/** One test the signed-in employee may take (or took), per enrolment and phase. */
export const MyTest = z.strictObject({
  enrollmentId: z.uuid(),
  batchId: z.uuid(),
  programTitle: z.string(),
  batchName: z.string(),
  phase: z.enum(TEST_PHASES),
  opensAt: Iso,
  closesAt: Iso,
  /** The window is open now and the employee may start (or continue). */
  open: z.boolean(),
  durationMinutes: z.number().int(),
  itemCount: z.number().int(),
  attempt: z
    .strictObject({
      id: z.uuid(),
      status: z.enum(['in_progress', 'submitted']),
      deadlineAt: Iso,
      result: TestResult.nullable(),
    })
    .nullable(),
});
export const MyTestList = z.strictObject({ tests: z.array(MyTest) });
export const StartedTest = z.strictObject({ attemptId: z.uuid() });

export const TestAttemptView = z.strictObject({
  attempt: z.strictObject({
    id: z.uuid(),
    status: z.enum(['in_progress', 'submitted']),
    startedAt: Iso,
    deadlineAt: Iso,
    submittedAt: Iso.nullable(),
    now: Iso,
    remainingMs: z.number().int(),
    graceSeconds: z.number().int(),
    result: TestResult.nullable(),
  }),
  test: z.strictObject({ phase: z.enum(TEST_PHASES), programTitle: z.string(), batchName: z.string() }),
  items: z.array(
    z.strictObject({
      number: z.number().int(),
      itemId: z.uuid(),
      stem: z.string(),
      imageKey: z.uuid().nullable(),
      options: z.array(z.strictObject({ key: OptionKey, text: z.string() })),
    }),
  ),
  answers: z.array(
    z.strictObject({ itemId: z.uuid(), chosen: OptionKey.nullable(), seq: z.number().int(), savedAt: Iso }),
  ),
});

export const TestAnswerBody = z.strictObject({
  itemId: z.uuid(),
  chosen: OptionKey.nullable(),
  seq: z.number().int().min(1).max(1_000_000),
});
export const TestAnswerAck = z.strictObject({
  itemId: z.uuid(),
  chosen: OptionKey.nullable(),
  seq: z.number().int(),
  savedAt: Iso,
  remainingMs: z.number().int(),
});
export const SubmittedTest = z.strictObject({
  status: z.enum(['in_progress', 'submitted']),
  submittedAt: Iso.nullable(),
  result: TestResult.nullable(),
});
