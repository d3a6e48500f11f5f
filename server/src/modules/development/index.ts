export { createEmployeesService, type EmployeesService } from './employees.service.ts';
export { developmentRoutes } from './development.routes.ts';
export { parseNip } from '../../../../common/rules/nip.ts';
