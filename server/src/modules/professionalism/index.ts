export { createRecordsService, type RecordsService } from './education.service.ts';
export { recordsRoutes } from './education.routes.ts';
