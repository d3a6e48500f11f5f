export { createEmployeesService, type EmployeesService } from './employees.service.ts';
export { createTrainingService, type TrainingService } from './training.service.ts';
export { developmentRoutes } from './development.routes.ts';
export { createCompletionService, type CompletionService } from './completion.service.ts';
export { createAppointmentService, type AppointmentService } from './appointment.service.ts';
export { createTrainingTestsService, type TrainingTestsService } from './training-tests.service.ts';
export { trainingTestsRoutes } from './training-tests.routes.ts';
export { batchesThisWeek, employeeCards, jpClaimsWaitingFor, trainingWaitingFor } from './development.reads.ts';
export { employeesForIpAsn, meritCompetenciesForIpAsn, openBatchesFrom, teamOfAccount } from './development.reads.ts';
export { appointeeOutcomes, type AppointeeOutcome } from './development.reads.ts';
export {
  type EmployeeRef,
  employeeIdsByNip,
  employeeOfAccountRef,
  employeesByIds,
  meritCompetencyOf,
} from './development.reads.ts';
export { namesOfEmployees, organizationOfAccount } from './development.reads.ts';
