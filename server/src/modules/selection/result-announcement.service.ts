/**
 * The PENGUMUMAN of the SKD result and of the final result as a PDF, drawn from a publication's
 * own files (result-announcement.ts).
 */
import { bindUseCases } from '../../platform/context.ts';
import { announcementPdf, type ResultAnnouncementContext } from './result-announcement.ts';

export type { ResultAnnouncementContext } from './result-announcement.ts';

/** The announcement use-case bound to its context (the database and the public address for the QR link). */
export const createResultAnnouncementService = (ctx: ResultAnnouncementContext) =>
  bindUseCases(ctx, { pdf: announcementPdf });

export type ResultAnnouncementService = ReturnType<typeof createResultAnnouncementService>;
