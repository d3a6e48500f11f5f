/**
 * Official outputs of the administrative selection: the committee's XLSX of every file and its
 * outcome (MS/TMS with the reasons), and the PENGUMUMAN PDF of a published announcement (number,
 * date, MS list per formation with masked names, signature block). Reads only; the export is
 * audited because it carries applicants' data out of the platform.
 */
import { bindUseCases } from '../../platform/context.ts';
import { announcementPdf, exportXlsx } from './outcomes.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

/** The outcome use-cases bound to one context. */
export const createOutcomesService = (ctx: Pick<RecruitmentContext, 'db' | 'clock' | 'audit' | 'publicUrl'>) =>
  bindUseCases(ctx, { exportXlsx, announcementPdf });

export type OutcomesService = ReturnType<typeof createOutcomesService>;
