/** What the training-test use-cases share: their context, the attempt keys on the assessment engine, and a phase's tests. */
import type { TestPhase } from '../../../../common/contracts/training-tests.ts';
import type { Executor } from '../../db/database.ts';
import type { AssessmentResult } from '../exam/index.ts';
import type { DevelopmentContext } from './development.shared.ts';
import { trainingTestsRepository as repo } from './training-tests.repository.ts';

export type TrainingTestsContext = Pick<DevelopmentContext, 'db' | 'clock' | 'audit' | 'assessment'>;

/** Keys of training attempts: one per batch, phase and enrolment. */
export const TRAINING_KEY_PREFIX = 'training:';
/** The attempt key of one enrolment's phase. */
export const keyOf = (batchId: string, phase: TestPhase, enrollmentId: string) =>
  `${TRAINING_KEY_PREFIX}${batchId}:${phase}:${enrollmentId}`;
/** A training attempt's key back into its batch, phase and enrolment (null for anyone else's key). */
export function parseKey(key: string): { batchId: string; phase: TestPhase; enrollmentId: string } | null {
  const [ns, batchId, phase, enrollmentId] = key.split(':');
  if (`${ns}:` !== TRAINING_KEY_PREFIX || !batchId || !enrollmentId || (phase !== 'pre' && phase !== 'post'))
    return null;
  return { batchId, phase, enrollmentId };
}

/** How a phase is named in messages. */
export const phaseName = (p: TestPhase) => (p === 'pre' ? 'pre-test' : 'post-test');
/** The engine's result as the contracts show it. */
export const resultOf = (r: AssessmentResult) => ({
  total: r.total,
  max: r.max,
  percent: r.percent,
  answered: r.answered,
});
/** A timestamp as ISO 8601. */
export const iso = (d: Date | string) => new Date(d).toISOString();

/** A batch's tests with how many have started each. */
export async function testsOf(ctx: Pick<TrainingTestsContext, 'assessment'>, ex: Executor, batchId: string) {
  const rows = await repo.tests(ex, batchId);
  const blueprints = await ctx.assessment.blueprintSummaries(
    ex,
    rows.map((t) => t.blueprint_id),
  );
  return Promise.all(
    rows.map(async (t) => ({
      phase: t.phase,
      blueprint: { id: t.blueprint_id, name: blueprints.get(t.blueprint_id)?.name ?? '' },
      opensAt: iso(t.opens_at),
      closesAt: iso(t.closes_at),
      started: await ctx.assessment.countStarted(ex, `${TRAINING_KEY_PREFIX}${batchId}:${t.phase}:`),
    })),
  );
}
