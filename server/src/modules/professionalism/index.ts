export { createIpReportService, type IpReportService } from './ip-report.service.ts';
export { ipReportRoutes } from './ip-report.routes.ts';
export { ipAsnDataset } from './ip-report-open-data.ts';
