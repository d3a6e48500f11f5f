export { createRecruitmentService, type RecruitmentService } from './recruitment.service.ts';
export { createVerificationService, type VerificationService } from './verification.service.ts';
export { createAnnouncementService, type AnnouncementService } from './announcements.service.ts';
export { createObjectionService, type ObjectionService } from './objections.service.ts';
export { createExamScheduleService, type ExamScheduleService } from './exam-schedule.service.ts';
export { recruitmentRoutes } from './recruitment.routes.ts';
export { createPeriodCommitteeService, type PeriodCommitteeService } from './period-committee.service.ts';
export { TMS_REASONS, tmsReasonLabel } from './domain/tms-reasons.ts';
export { createHolidayService, type HolidayService } from './holidays.service.ts';
