/**
 * Does selection pick people who perform? (issue 26 §4): the correlation use-cases bound to one
 * context, for routes and tests. Read-only: nothing here writes or audits.
 */
import { bindUseCases } from '../../platform/context.ts';
import {
  type CorrelationContext,
  correlationReport,
  listCorrelationPeriods,
  publicCorrelationReports,
} from './correlation-report.ts';

export type { CorrelationContext } from './correlation-report.ts';

/** The correlation use-cases bound to one context. */
export const createCorrelationService = (ctx: CorrelationContext) =>
  bindUseCases(ctx, {
    periods: listCorrelationPeriods,
    report: correlationReport,
    publicReports: publicCorrelationReports,
  });

export type CorrelationService = ReturnType<typeof createCorrelationService>;
