export { createPerformanceService, type PerformanceService } from './performance.service.ts';
export { performanceRoutes } from './performance.routes.ts';
export { skpWaitingFor, type SkpWaiting } from './performance.reads.ts';
export { PERIOD_LABELS as SKP_PERIOD_LABELS } from './domain/predikat.ts';
export { annualPredikatsForIpAsn } from './performance.reads.ts';
export { firstYearPredikats, type FirstYearPredikat } from './performance.reads.ts';
