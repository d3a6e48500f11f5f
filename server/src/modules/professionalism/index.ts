export { createDisciplineService, type DisciplineService } from './discipline.service.ts';
export { disciplineRoutes } from './discipline.routes.ts';
export { punishmentsFor } from './discipline.reads.ts';
export { createIpAsnService, type IpAsnService } from './ip-asn.service.ts';
export { ipAsnRoutes } from './ip-asn.routes.ts';
export { createCorrelationService, type CorrelationService } from './correlation.service.ts';
export { correlationRoutes } from './correlation.routes.ts';
export { createRecordsService, type RecordsService } from './education.service.ts';
export { recordsRoutes } from './education.routes.ts';
