/**
 * Announcing administration results (RULES.md §1.6–1.8): a committee member proposes, another
 * approves (two-person rule); publishing tells each applicant their MS/TMS with the reasons and
 * opens the sanggah window; the re-announcement publishes the sanggah outcomes.
 */
import { bindUseCases } from '../../platform/context.ts';
import { announcements, decideAnnouncement, proposeAnnouncement } from './announce-results.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

/** What the announcements factory needs: the platform adapters and the verification queue to invalidate. */
export type AnnouncementDeps = Pick<RecruitmentContext, 'db' | 'clock' | 'ids' | 'audit' | 'notifier' | 'queue'>;

/** The announcement use-cases bound to one context. */
export const createAnnouncementService = (ctx: AnnouncementDeps) =>
  bindUseCases(ctx, { announcements, proposeAnnouncement, decideAnnouncement });

export type AnnouncementService = ReturnType<typeof createAnnouncementService>;
