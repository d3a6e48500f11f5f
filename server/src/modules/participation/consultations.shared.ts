/** What the consultation use-cases share: who counts as the committee, the window's state now, dates as ISO. */
import type { Actor } from '../identity/index.ts';
import { consultationState } from './domain/diff.ts';
import type { ParticipationContext } from './participation.shared.ts';

export const isCommittee = (a: Actor | null) => a?.role === 'committee' || a?.role === 'admin';
export const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
/** The consultation's state (draft, scheduled, open, closed, final) at this moment. */
export const stateOf = (
  ctx: Pick<ParticipationContext, 'clock'>,
  c: { status: string; opens_at: Date | null; closes_at: Date | null },
) => consultationState(c, ctx.clock.now());
