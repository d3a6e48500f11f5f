/** Helpers shared by the committee period page's sections. */
import '../../features/exam/i18n.ts';
import { z } from 'zod';
import { STAGE_NAMES, Stages } from '../../../../common/contracts/recruitment.ts';
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

/** `<input type="datetime-local">` value (Palu time) → ISO instant with the WITA offset. */
export const witaIso = (local: string) => (local ? `${local.length === 16 ? `${local}:00` : local}+08:00` : '');

const LocalWindowForm = z.object({ start: z.string(), end: z.string() });

/**
 * The stage windows as typed (WITA), checked as the contract's `Stages` once they are instants, so
 * an error lands on `stages.<stage>.start|end` (a format) or `stages.<stage>` (end before start).
 * `keepHalf` sends a half-filled window (its empty half is then said on the field); otherwise only
 * windows with both halves go.
 */
export const localStagesForm = (keepHalf: boolean) =>
  z
    .object(
      Object.fromEntries(STAGE_NAMES.map((s) => [s, LocalWindowForm])) as Record<StageName, typeof LocalWindowForm>,
    )
    .transform((v) => {
      const out: Partial<Record<StageName, LocalWindow>> = {};
      for (const s of STAGE_NAMES) {
        const w = v[s];
        if (keepHalf ? w.start || w.end : w.start && w.end) out[s] = { start: witaIso(w.start), end: witaIso(w.end) };
      }
      return out;
    })
    .pipe(Stages);

export const emptyStages = (): Record<StageName, LocalWindow> =>
  Object.fromEntries(STAGE_NAMES.map((s) => [s, { start: '', end: '' }])) as Record<StageName, LocalWindow>;

/** Every field a stage-window error may name, for the server's answer. */
export const stageFields = STAGE_NAMES.flatMap((s) => [`stages.${s}`, `stages.${s}.start`, `stages.${s}.end`] as const);
