export { createIpAsnService, type IpAsnService } from './ip-asn.service.ts';
export { ipAsnRoutes } from './ip-asn.routes.ts';
