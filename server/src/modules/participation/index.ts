export { createComplaintsService, type ComplaintsService, type ComplaintLimits } from './complaints.service.ts';
export { createSurveysService, type SurveysService, type SurveyLimits } from './surveys.service.ts';
export { createChallenges, solveChallenge, type Challenges } from './challenge.ts';
export { participationRoutes } from './participation.routes.ts';
export { createObserversService, type ObserversService, type ObserverLimits } from './observers.service.ts';
export { createOpenDataService, type OpenDataService } from './open-data.service.ts';
export { createConsultationsService, type ConsultationsService } from './consultations.service.ts';
export { createForumsService, type ForumsService } from './forums.service.ts';
export {
  complaintsWaitingFor,
  findingsWaitingFor,
  accreditationsWaitingFor,
  observerWaitingFor,
  type Waiting,
} from './participation.reads.ts';
export { myParticipation, type MyParticipation } from './participation.reads.ts';
