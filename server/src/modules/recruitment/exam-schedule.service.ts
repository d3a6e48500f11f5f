/**
 * The exam's schedule for a period (RULES.md §2.1): sites and sessions, seating every announced-MS
 * applicant (balanced, within capacity, accessible sites and the rule set's extra time for
 * disabilitas), participant numbers, and the exam card (PDF).
 */
import { bindUseCases } from '../../platform/context.ts';
import { examCard } from './exam-card.ts';
import { assignSessions } from './exam-seating.ts';
import { createSession, createSite, schedule, sessionPlaces } from './exam-sites.ts';
import type { RecruitmentContext } from './recruitment.shared.ts';

/** What the exam-schedule factory needs: the platform adapters and the cards' link secret. */
export type ExamScheduleDeps = Pick<
  RecruitmentContext,
  'db' | 'clock' | 'ids' | 'audit' | 'files' | 'publicUrl' | 'cardSecret'
>;

/** The exam-schedule use-cases bound to one context. */
export const createExamScheduleService = (ctx: ExamScheduleDeps) =>
  bindUseCases(ctx, { createSite, createSession, schedule, sessionPlaces, assignSessions, examCard });

export type ExamScheduleService = ReturnType<typeof createExamScheduleService>;
