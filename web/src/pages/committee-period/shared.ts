/** Helpers shared by the committee period page's sections. */
import '../../features/exam/i18n.ts';
import { STAGE_NAMES } from '../../../../common/contracts/recruitment.ts';
import { witaDateTimeLocal } from '../../../../common/rules/wita.ts';
import { ApiError } from '../../app/api.ts';
import '../../features/recruitment/recruitment.css';
import type { Period } from '../../features/recruitment/types.ts';

export function serverFieldError(error: unknown, field: string) {
  return error instanceof ApiError ? error.fieldMessage(field) : undefined;
}

export type StageName = (typeof STAGE_NAMES)[number];
export type LocalWindow = { start: string; end: string };

/** An instant as the value of a datetime-local input in WITA (UTC+8), e.g. 2026-05-01T08:00. */
export function witaLocal(iso: string | undefined): string {
  return iso ? witaDateTimeLocal(iso) : '';
}

export function localStages(period: Period): Record<StageName, LocalWindow> {
  return Object.fromEntries(
    STAGE_NAMES.map((s) => [s, { start: witaLocal(period.stages[s]?.start), end: witaLocal(period.stages[s]?.end) }]),
  ) as Record<StageName, LocalWindow>;
}
