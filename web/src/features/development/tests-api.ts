/** Training pre/post-tests on the CAT engine: types inferred from the shared contracts. */
import type { z } from 'zod';
import type { BatchTest, BatchTestList, MyTestList, StartedTest, SubmittedTest, TestAnswerAck, TestAttemptView, TestBlueprintList, TestPhase } from '../../../../common/contracts/training-tests.ts';
import { api } from '../../app/api.ts';

export type { TestPhase };
export type BatchTestRow = z.infer<typeof BatchTest>;
export type MyTest = z.infer<typeof MyTestList>['tests'][number];
export type TestView = z.infer<typeof TestAttemptView>;
export type AnswerAck = z.infer<typeof TestAnswerAck>;
export type OptionKey = 'A' | 'B' | 'C' | 'D' | 'E';

export const testsApi = {
  blueprints: () => api<z.infer<typeof TestBlueprintList>>('/api/v1/training/test-blueprints'),
  ofBatch: (batchId: string) => api<z.infer<typeof BatchTestList>>(`/api/v1/training/batches/${batchId}/tests`),
  set: (batchId: string, phase: TestPhase, body: { blueprintId: string; opensAt: string; closesAt: string }) => api<BatchTestRow>(`/api/v1/training/batches/${batchId}/tests/${phase}`, { method: 'PUT', body }),
  remove: (batchId: string, phase: TestPhase) => api<{ ok: true }>(`/api/v1/training/batches/${batchId}/tests/${phase}`, { method: 'DELETE' }),
  mine: () => api<z.infer<typeof MyTestList>>('/api/v1/me/training-tests'),
  start: (enrollmentId: string, phase: TestPhase) => api<z.infer<typeof StartedTest>>(`/api/v1/me/enrollments/${enrollmentId}/tests/${phase}/start`, { method: 'POST' }),
  view: (attemptId: string) => api<TestView>(`/api/v1/me/training-tests/${attemptId}`),
  answer: (attemptId: string, body: { itemId: string; chosen: OptionKey | null; seq: number }) => api<AnswerAck>(`/api/v1/me/training-tests/${attemptId}/answers`, { method: 'PUT', body }),
  submit: (attemptId: string) => api<z.infer<typeof SubmittedTest>>(`/api/v1/me/training-tests/${attemptId}/submit`, { method: 'POST' }),
};
