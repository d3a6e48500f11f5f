/**
 * IP ASN reports (issue 26 §3): a supervisor's OPD and BKPSDM's city as dashboard, the OPD report
 * for the Wali Kota as PDF, the BKN-like export (audited), BKN's official figures imported to
 * compare, and the public figures of groups of five or more. Reads the yearly results only.
 */
import { bindUseCases } from '../../platform/context.ts';
import { dashboard, publicFigures } from './ip-report-dashboard.ts';
import { exportSheet, organizationPdf } from './ip-report-documents.ts';
import { importOfficial, officialTemplate } from './ip-report-official.ts';
import type { IpReportContext } from './ip-report.shared.ts';

export type { IpReportContext } from './ip-report.shared.ts';

/** The IP ASN report use-cases bound to one context, for routes, open data and tests. */
export const createIpReportService = (ctx: IpReportContext) =>
  bindUseCases(ctx, { dashboard, organizationPdf, exportSheet, importOfficial, officialTemplate, publicFigures });

export type IpReportService = ReturnType<typeof createIpReportService>;
