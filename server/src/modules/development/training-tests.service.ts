/**
 * A batch's pre-test and post-test on the CAT engine (issue 12): the training admin picks a
 * training blueprint and a window per phase; a seated participant starts once inside the window,
 * answers and submits on the exam module's assessment engine; the percentage lands on the
 * enrolment's pre/post score in the scoring transaction (also when the server submits after the
 * deadline). A phase on the engine is never typed in by hand (completion.setScores refuses it).
 */
import { bindUseCases } from '../../platform/context.ts';
import { batchTests, onScored, removeTest, setTest, testBlueprints } from './batch-tests.ts';
import { answerTest, myTests, startTest, submitTest, viewTest } from './taking-tests.ts';
import { TRAINING_KEY_PREFIX, type TrainingTestsContext } from './training-tests.shared.ts';

export { TRAINING_KEY_PREFIX, type TrainingTestsContext } from './training-tests.shared.ts';

/** The training-test use-cases bound to one context; registers the engine's scoring hook for training attempts once. */
export function createTrainingTestsService(ctx: TrainingTestsContext) {
  ctx.assessment.onScored(TRAINING_KEY_PREFIX, (trx, key, result, by) => onScored(ctx, trx, key, result, by));
  return bindUseCases(ctx, {
    blueprints: testBlueprints,
    tests: batchTests,
    setTest,
    removeTest,
    mine: myTests,
    start: startTest,
    view: viewTest,
    answer: answerTest,
    submit: submitTest,
  });
}

export type TrainingTestsService = ReturnType<typeof createTrainingTestsService>;
