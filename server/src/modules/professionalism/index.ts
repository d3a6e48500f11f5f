export { createDisciplineService, type DisciplineService } from './discipline.service.ts';
export { disciplineRoutes } from './discipline.routes.ts';
export { punishmentsFor } from './discipline.reads.ts';
