/** IP ASN report endpoints; types come from the contracts the server validates against. */
import type { z } from 'zod';
import type * as C from '../../../../common/contracts/ip-report.ts';
import { ipReportEndpoints as E } from '../../../../common/contracts/ip-report.endpoints.ts';
import { call, upload, urlOf } from '../../app/client.ts';

export type IpReport = z.infer<typeof C.IpReportResponse>;
export type IpFigure = z.infer<typeof C.IpFigure>;
export type IpPublic = z.infer<typeof C.IpPublicResponse>;
export type ImportReport = z.infer<typeof C.OfficialImportResponse>;
export type Group = 'all' | 'PNS' | 'PPPK';
export type Band = (typeof C.IP_BANDS)[number];
export type Dimension = (typeof C.IP_DIMENSIONS)[number];

export const ipReportApi = {
  dashboard: (q: { year?: number | undefined; organizationId?: string | undefined; group: Group }) =>
    call(E.dashboard, { query: q }),
  pdfUrl: (organizationId: string, year: number) =>
    urlOf(E.organizationPdf, { params: { organizationId }, query: { year } }),
  exportUrl: (year: number) => urlOf(E.exportSheet, { query: { year, format: 'xlsx' } }),
  templateUrl: () => urlOf(E.officialTemplate, { query: { format: 'xlsx' } }),
  importOfficial: (file: File, commit: boolean) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return upload(E.officialImport, { query: { commit: commit ? 'true' : 'false' } }, form);
  },
  publicFigures: (year?: number) => call(E.publicFigures, { query: year ? { year } : {} }),
};
