/**
 * What every participation use-case shares: the one context type (the platform part each
 * service extends with its own extras) and the refusals several services give.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/index.ts';
import type { AuditActor } from '../transparency/index.ts';

/**
 * The platform part of every participation use-case's context; complaints, surveys and observers
 * extend it with their extras (another module's service, the challenges, limits, a cache).
 */
export type ParticipationContext = Pick<AppContext, 'db' | 'clock' | 'ids' | 'audit'>;

export const HOUR = 3_600_000;
/** Someone without an account, in the public audit log. */
export const PUBLIC_ACTOR: AuditActor = { id: null, role: 'public' };
export const actorOf = (a: Actor): AuditActor => ({ id: a.accountId, role: a.role });

/** The coordinator typed words that the public text does not hold. */
export const notInText = () =>
  new AppError(
    'VALIDATION_FAILED',
    msg(
      'Kata itu tidak ada di teks publik. Tulis nama persis seperti di teks (huruf besar/kecil boleh berbeda).',
      'Those words are not in the public text. Type the name exactly as in the text (case may differ).',
    ),
    {
      fields: [{ field: 'phrase', message: msg('Tidak ditemukan di teks publik.', 'Not found in the public text.') }],
    },
  );
