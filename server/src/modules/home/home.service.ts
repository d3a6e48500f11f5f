/**
 * The signed-in home's numbers per role: what is waiting for this person, where it is done, and by
 * when, most urgent first. Each item's count comes from the owning module's named read (its
 * index), the same filter its own page uses, so the home and the page never disagree.
 */
import { bindUseCases } from '../../platform/context.ts';
import { homeSummary } from './home-summary.ts';
import type { HomeContext } from './home.shared.ts';

export { byUrgency, type HomeContext } from './home.shared.ts';

/** The home's use-cases bound to one context, for the route, the reminders and tests. */
export const createHomeService = (ctx: HomeContext) => bindUseCases(ctx, { summary: homeSummary });

export type HomeService = ReturnType<typeof createHomeService>;
