/**
 * The exam module's one context (docs/adr/0008): the platform parts its use-cases use. A use-case
 * that needs more (a grace period, the answer writer, the live hub) takes
 * `ExamContext & { … }` naming exactly those extras, built once in its service's factory.
 */
import type { AppContext } from '../../platform/context.ts';

export type ExamContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit'>;
