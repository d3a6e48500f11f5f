/**
 * What the observer use-cases share: their context (the participation context with files, the
 * notifier, the identity service for e-mails, recruitment's committee scope and the limits), the
 * committee's list filter and the accreditation check every observer step makes.
 */
import { msg } from '../../../../common/contracts/messages.ts';
import { dayNumber, localDate } from '../../../../common/rules/calendar.ts';
import { AppError } from '../../errors.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Actor, IdentityService } from '../identity/index.ts';
import type { PeriodCommitteeService } from '../recruitment/index.ts';
import { presentFinding as presentFindingRow } from './participation.presenter.ts';
import type { ParticipationContext } from './participation.shared.ts';
import { participationRepository as repo } from './participation.repository.ts';

export interface ObserverLimits {
  /** Working days the committee has to answer a finding. */
  findingAnswerDays: number;
  letterMaxBytes: number;
  evidenceMaxBytes: number;
}
export const DEFAULT_OBSERVER_LIMITS: ObserverLimits = {
  findingAnswerDays: 5,
  letterMaxBytes: 5 * 1024 * 1024,
  evidenceMaxBytes: 5 * 1024 * 1024,
};

export type ObserversContext = ParticipationContext &
  Pick<AppContext, 'files' | 'notifier'> & {
    identity: Pick<IdentityService, 'emailsOfAccounts'>;
    /** The periods whose committee a committee account sits on (null: not scoped), from recruitment. */
    committee: Pick<PeriodCommitteeService, 'periodsOf'>;
    limits: ObserverLimits;
  };

export const isCommittee = (a: Actor) => a.role === 'committee' || a.role === 'admin';
export const todayOf = (ctx: Pick<ObserversContext, 'clock'>) => localDate(ctx.clock.now());

/** A committee list's filter: the period asked for, within the periods the member sits on (the admin: all). */
export async function committeeScope(ctx: ObserversContext, actor: Actor, periodId?: string) {
  const periodIds = await ctx.committee.periodsOf(actor);
  return { ...(periodId ? { periodId } : {}), ...(periodIds ? { periodIds } : {}) };
}

/** The observer's approved, unexpired accreditation for a period, or the refusal that says why not. */
export async function activeAccreditation(ctx: ObserversContext, actor: Actor, periodId: string) {
  const a = await repo.liveAccreditation(ctx.db, actor.accountId, periodId);
  if (!a || a.status !== 'approved')
    throw new AppError(
      'FORBIDDEN',
      msg(
        'Anda belum terakreditasi sebagai pemantau untuk periode ini. Ajukan akreditasi dengan surat organisasi Anda.',
        'You are not accredited as an observer for this period. Apply with your organisation’s letter.',
      ),
    );
  if (!a.expires_on || dayNumber(a.expires_on) < dayNumber(todayOf(ctx)))
    throw new AppError(
      'FORBIDDEN',
      msg(
        `Akreditasi pemantau Anda untuk periode ini berakhir ${a.expires_on ?? ''}. Ajukan perpanjangan kepada panitia.`,
        `Your observer accreditation for this period ended on ${a.expires_on ?? ''}. Ask the committee to renew it.`,
      ),
    );
  return a;
}

/** A finding as staff and its observer see it, with lateness for today. */
export const presentFinding = (ctx: Pick<ObserversContext, 'clock'>) => (f: Parameters<typeof presentFindingRow>[0]) =>
  presentFindingRow(f, todayOf(ctx));
