/**
 * Public consultation on recruitment criteria (forum konsultasi publik, PermenPANRB 16/2017,
 * RULES.md §5.3): the committee publishes a draft in sections (formation requirements, eligibility
 * rules, the year's rule set) for a comment window; signed-in (verified) accounts comment per
 * section inside the window; the committee hides a comment only with a reason, under published
 * moderation rules, and answers comments; the final version explains each change and shows a diff
 * against the draft. Commenters appear under a masked name.
 */
import { bindUseCases } from '../../platform/context.ts';
import { answerComment, commentOnSection, hideComment, myParticipationOf } from './consultation-comments.ts';
import {
  closeConsultation,
  createConsultation,
  finalizeConsultation,
  listConsultations,
  openConsultation,
  updateConsultation,
  viewConsultation,
} from './consultation-drafts.ts';
import type { ParticipationContext } from './participation.shared.ts';

/** The consultation use-cases bound to one context, for routes, tests and the seed. */
export const createConsultationsService = (ctx: ParticipationContext) =>
  bindUseCases(ctx, {
    view: viewConsultation,
    list: listConsultations,
    create: createConsultation,
    update: updateConsultation,
    open: openConsultation,
    close: closeConsultation,
    myParticipation: myParticipationOf,
    comment: commentOnSection,
    hide: hideComment,
    answer: answerComment,
    finalize: finalizeConsultation,
  });

export type ConsultationsService = ReturnType<typeof createConsultationsService>;
