/** Correlation endpoints (issue 26 §4); response types come from the contract the server answers with. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/correlation.ts';
import { correlationEndpoints as E } from '../../../../common/contracts/correlation.endpoints.ts';
import { call } from '../../app/client.ts';

export type CorrelationReport = z.infer<typeof C.CorrelationReport>;
export type PeriodSummary = z.infer<typeof C.PeriodSummary>;
export type Relation = z.infer<typeof C.Relation>;
export type Grid = z.infer<typeof C.Grid>;
export type Group = z.infer<typeof C.Group>;

export const correlationApi = {
  periods: () => call(E.periods),
  report: (id: string) => call(E.report, { params: { id } }),
  publicReports: () => call(E.publicReports),
};
