export { createCorrelationService, type CorrelationService } from './correlation.service.ts';
export { correlationRoutes } from './correlation.routes.ts';
