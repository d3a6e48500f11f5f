/**
 * When SKD results may be proposed for publication: not while the period's registration or
 * administrative verification is still running (or yet to run) — people could still apply or be
 * found MS, and a published ranking would leave them out. Pure: now is the caller's.
 */
import { type Msg, msg } from '../../../../../common/contracts/messages.ts';
import { formatWitaDateTime } from '../../../../../common/rules/wita.ts';

export const STAGES_BEFORE_SKD = ['registration', 'verification'] as const;
export type StageBeforeSkd = (typeof STAGES_BEFORE_SKD)[number];

const NAMES: Record<StageBeforeSkd, { id: string; en: string }> = {
  registration: { id: 'pendaftaran', en: 'registration' },
  verification: { id: 'verifikasi administrasi', en: 'administrative verification' },
};

/** Why SKD results cannot be proposed now (empty = they can): each stage still open, with its end. */
export function skdPublicationBlockers(
  stages: Partial<Record<string, { start: string; end: string }>>,
  now: Date,
): Msg[] {
  return STAGES_BEFORE_SKD.flatMap((stage) => {
    const w = stages[stage];
    if (!w || new Date(w.end).getTime() <= now.getTime()) return [];
    return [
      msg(
        `Hasil SKD belum dapat diusulkan untuk diumumkan: tahap ${NAMES[stage].id} masih berjalan sampai ${formatWitaDateTime(w.end, 'id')}. Usulkan setelah tahap itu ditutup.`,
        `SKD results cannot be proposed for publication yet: the ${NAMES[stage].en} stage runs until ${formatWitaDateTime(w.end, 'en')}. Propose once it has closed.`,
      ),
    ];
  });
}
