export { createRecruitmentService, type RecruitmentService } from './recruitment.service.ts';
export { createVerificationService, type VerificationService } from './verification.service.ts';
export { recruitmentRoutes } from './recruitment.routes.ts';
export { createPeriodCommitteeService, type PeriodCommitteeService } from './period-committee.service.ts';
export { TMS_REASONS } from './domain/tms-reasons.ts';
