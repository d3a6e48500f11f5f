/** Training pre/post-tests on the CAT engine: types inferred from the shared contracts. */
import type { z } from 'zod';
import { trainingTestEndpoints as E } from '../../../../common/contracts/development.endpoints.ts';
import type {
  BatchTest,
  MyTestList,
  TestAnswerAck,
  TestAttemptView,
  TestPhase,
} from '../../../../common/contracts/training-tests.ts';
import { call } from '../../app/client.ts';

export type { TestPhase };
export type BatchTestRow = z.infer<typeof BatchTest>;
export type MyTest = z.infer<typeof MyTestList>['tests'][number];
export type TestView = z.infer<typeof TestAttemptView>;
export type AnswerAck = z.infer<typeof TestAnswerAck>;
export type OptionKey = 'A' | 'B' | 'C' | 'D' | 'E';

export const testsApi = {
  blueprints: () => call(E.blueprints),
  ofBatch: (batchId: string) => call(E.tests, { params: { id: batchId } }),
  set: (batchId: string, phase: TestPhase, body: { blueprintId: string; opensAt: string; closesAt: string }) =>
    call(E.setTest, { params: { id: batchId, phase }, body }),
  remove: (batchId: string, phase: TestPhase) => call(E.removeTest, { params: { id: batchId, phase } }),
  mine: () => call(E.mine),
  start: (enrollmentId: string, phase: TestPhase) => call(E.start, { params: { id: enrollmentId, phase } }),
  view: (attemptId: string) => call(E.view, { params: { id: attemptId } }),
  answer: (attemptId: string, body: { itemId: string; chosen: OptionKey | null; seq: number }) =>
    call(E.answer, { params: { id: attemptId }, body }),
  submit: (attemptId: string) => call(E.submit, { params: { id: attemptId } }),
};
